package dev.ringload.cli;

import dev.ringload.engine.mix.RequestMix;

import java.util.List;

/**
 * The options as used, for the report's header, the JSON {@code config} object and its provenance
 * ({@code commandLine}: the arguments as given, after "ringload"); {@code mix}: the requests of --targets or --raw,
 * or null for one request; {@code shard}: this process's part of a sharded run, or null; {@code startAt}: when
 * {@code --start-at} said the measurement starts, or null.
 */
record RunDescription(String url, String method, List<String> headers, int bodyBytes, int[] cpus,
                      boolean latencySpectrum, boolean json, String engineReason, List<String> commandLine,
                      RequestMix mix, ShardPart shard, java.time.Instant startAt) {

    RunDescription(String url, String method, List<String> headers, int bodyBytes, int[] cpus,
                   boolean latencySpectrum, boolean json, String engineReason, List<String> commandLine,
                   RequestMix mix) {
        this(url, method, headers, bodyBytes, cpus, latencySpectrum, json, engineReason, commandLine, mix, null, null);
    }

    RunDescription withEngineReason(String reason) {
        return new RunDescription(url, method, headers, bodyBytes, cpus, latencySpectrum, json, reason, commandLine,
                mix, shard, startAt);
    }

    RunDescription withCommandLine(List<String> args) {
        return new RunDescription(url, method, headers, bodyBytes, cpus, latencySpectrum, json, engineReason,
                List.copyOf(args), mix, shard, startAt);
    }

    RunDescription withShard(ShardPart part, java.time.Instant measureAt) {
        return new RunDescription(url, method, headers, bodyBytes, cpus, latencySpectrum, json, engineReason,
                commandLine, mix, part, measureAt);
    }

    /** Where this process's connections start in the whole run. */
    int connectionBase() {
        return shard == null ? 0 : shard.connectionBase();
    }

    /** Where and how the run was made, collected when the report is written. */
    Provenance provenance(java.net.InetAddress target, java.time.Instant startedAt) {
        List<String> line = new java.util.ArrayList<>(List.of("ringload"));
        line.addAll(commandLine);
        return Provenance.collect(line, target, cpus, startedAt);
    }
}
