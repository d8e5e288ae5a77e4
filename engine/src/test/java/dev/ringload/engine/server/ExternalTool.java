package dev.ringload.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs real client programs (curl, wrk, h2load) installed by .ci/run; bounded in time. */
final class ExternalTool {

    private ExternalTool() {
    }

    /** Outside CI a missing tool skips the test; in CI (where .ci/run installs it) it fails. */
    static void require(String tool) {
        boolean present = Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/usr/local/bin", tool));
        if (System.getenv("CI") == null) {
            assumeTrue(present, tool + " not installed (apt-get install wrk nghttp2-client curl)");
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try (var in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("%s finished within %d s", command, timeoutSeconds).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The repository's bench/pipeline.lua, found from the engine module's working directory. */
    static Path pipelineScript() {
        for (Path p : List.of(Path.of("../bench/pipeline.lua"), Path.of("bench/pipeline.lua"))) {
            if (Files.exists(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("bench/pipeline.lua not found from " + Path.of("").toAbsolutePath());
    }
}
