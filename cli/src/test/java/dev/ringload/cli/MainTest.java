package dev.ringload.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome execute(String... args) {
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exitCode = cmd.execute(args);
        return new Outcome(exitCode, out.toString(), err.toString());
    }

    @Test
    void versionNamesReleaseJvmKernelAndIoUringState() {
        Outcome outcome = execute("--version");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("ringload 0.")
                .contains("java 25")
                .contains("kernel Linux")
                .containsPattern("io_uring: (io_uring usable|kernel|io_uring (not available|disabled|blocked|restricted))");
        assertThat(outcome.out()).doesNotContain("${project.version}");
    }

    @Test
    void helpListsUsageAndExitCodes() {
        Outcome outcome = execute("--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("Usage: ringload").contains("--version").contains("Exit codes:");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        Outcome outcome = execute("--no-such-flag");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unknown option: '--no-such-flag'");
    }
}
