package dev.ringload.cli;

import dev.ringload.engine.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * io_uring blocked for real: {@code kernel.io_uring_disabled=2} for the duration of each test (restored in a
 * finally block and by a shutdown hook), with the CLI in a child JVM. Skipped only where the sysctl cannot be
 * written (not root); CI runs as root.
 */
class IoUringBlockedTest {

    private static final Path SYSCTL = Path.of("/proc/sys/kernel/io_uring_disabled");

    /** On NIO in this JVM, so blocking io_uring does not touch it. */
    @RegisterExtension
    static final ServeTarget target = ServeTarget.forClass(ServeTarget.loopback(), Engine.NIO);

    @BeforeAll
    static void sysctlWritable() {
        assumeTrue(Files.isWritable(SYSCTL), "cannot write " + SYSCTL + " (needs root): io_uring cannot be blocked here");
    }

    private record Child(int exitCode, String out, String err) {
    }

    /** Runs the CLI in a child JVM while io_uring is disabled for every process. */
    private static Child withIoUringDisabled(List<String> args) throws Exception {
        String previous = Files.readString(SYSCTL).trim();
        Thread restore = new Thread(() -> write(previous));
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            write("2");
            Process p = RunCommandTest.startCli(args, List.of());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Child(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            write(previous);
            Runtime.getRuntime().removeShutdownHook(restore);
        }
    }

    private static void write(String value) {
        try {
            Files.writeString(SYSCTL, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void autoFallsBackToNioAndSaysWhy() throws Exception {
        Child c = withIoUringDisabled(List.of("run", "-n", "500", "-c", "4", "--json", target.url()));
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.err()).contains("ringload: io_uring disabled (EPERM: kernel.io_uring_disabled=2 forbids it for every "
                + "process) - using the NIO engine");
        Object json = MiniJson.parse(c.out());
        assertThat(MiniJson.at(json, "engine")).isEqualTo("nio");
        assertThat((String) MiniJson.at(json, "engineReason")).contains("kernel.io_uring_disabled=2");
        assertThat((double) MiniJson.at(json, "requests.total")).isEqualTo(500);
        assertThat(Files.readString(SYSCTL).trim()).as("restored").isNotEqualTo("2");
    }

    @Test
    void forcedUringExitsFourWithTheReason() throws Exception {
        Child c = withIoUringDisabled(List.of("run", "--engine", "uring", "-d", "1s", target.url()));
        assertThat(c.exitCode()).isEqualTo(4);
        assertThat(c.err()).contains("ringload: --engine uring: io_uring disabled (EPERM: kernel.io_uring_disabled=2");
        Child serve = withIoUringDisabled(List.of("serve", "--engine", "uring", "--port", "0"));
        assertThat(serve.exitCode()).isEqualTo(4);
        assertThat(serve.err()).contains("io_uring disabled");
    }

    @Test
    void demoRunsEntirelyOnNio() throws Exception {
        Child c = withIoUringDisabled(List.of("demo", "-d", "1s"));
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.err()).contains("- using the NIO engine");
        assertThat(c.out()).contains("Engine: nio").contains("Errors: none");
    }
}
