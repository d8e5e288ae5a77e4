package dev.ringload.cli;

import dev.ringload.engine.mix.RequestMix;

import java.util.List;

/**
 * The options as used, for the report's header, the JSON {@code config} object and its provenance
 * ({@code commandLine}: the arguments as given, after "ringload"); {@code mix}: the requests of --targets or --raw,
 * or null for one request.
 */
record RunDescription(String url, String method, List<String> headers, int bodyBytes, int[] cpus,
                      boolean latencySpectrum, boolean json, String engineReason, List<String> commandLine,
                      RequestMix mix) {

    RunDescription withEngineReason(String reason) {
        return new RunDescription(url, method, headers, bodyBytes, cpus, latencySpectrum, json, reason, commandLine,
                mix);
    }

    RunDescription withCommandLine(List<String> args) {
        return new RunDescription(url, method, headers, bodyBytes, cpus, latencySpectrum, json, engineReason,
                List.copyOf(args), mix);
    }

    /** Where and how the run was made, collected when the report is written. */
    Provenance provenance(java.net.InetAddress target, java.time.Instant startedAt) {
        List<String> line = new java.util.ArrayList<>(List.of("ringload"));
        line.addAll(commandLine);
        return Provenance.collect(line, target, cpus, startedAt);
    }
}
