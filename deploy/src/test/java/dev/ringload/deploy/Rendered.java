package dev.ringload.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a deploy script from the checkout (the tests run in deploy/, the scripts live there too). */
final class Rendered {

    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final Path CHECKOUT = DEPLOY.getParent();

    private Rendered() {
    }

    /** {@code deploy/k8s/run.sh --render} with these arguments: the manifest as run.sh would apply it. */
    static String k8sJob(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", DEPLOY.resolve("k8s/run.sh").toString(), "--render"));
        command.addAll(args);
        Result r = run(command, null);
        if (r.code != 0) {
            throw new AssertionError("run.sh --render exited " + r.code + ": " + r.stderr);
        }
        return r.stdout;
    }

    record Result(int code, String stdout, String stderr) {
    }

    /** Runs {@code command}, feeding {@code stdin} (or nothing), bounded to a minute. */
    static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        Path err = Files.createTempFile("deploy-test", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
