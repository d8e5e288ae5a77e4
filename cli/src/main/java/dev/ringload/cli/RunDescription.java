package dev.ringload.cli;

import java.util.List;

/** The options as used, for the report's header and the JSON {@code config} object. */
record RunDescription(String url, String method, List<String> headers, int bodyBytes, int[] cpus,
                      boolean latencySpectrum, boolean json, String engineReason) {

    RunDescription withEngineReason(String reason) {
        return new RunDescription(url, method, headers, bodyBytes, cpus, latencySpectrum, json, reason);
    }
}
