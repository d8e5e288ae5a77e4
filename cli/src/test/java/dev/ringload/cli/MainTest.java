package dev.ringload.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;


import static org.assertj.core.api.Assertions.assertThat;

class MainTest {



    @Test
    void versionNamesReleaseJvmKernelAndIoUringState() {
        Cli.Outcome outcome = Cli.execute("--version");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("ringload 0.")
                .contains("java 25")
                .contains("kernel Linux")
                .containsPattern("io_uring: (io_uring usable|kernel|io_uring (not available|disabled|blocked|restricted))");
        assertThat(outcome.out()).doesNotContain("${project.version}");
    }

    /** The command list shows each command's first description line: it must be a whole, short sentence. */
    @Test
    void everyCommandSummaryIsOneWholeSentenceThatFitsTheList() {
        for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            assertThat(description).as(sub.getCommandName()).isNotEmpty();
            assertThat(description[0]).as(sub.getCommandName()).endsWith(".").hasSizeLessThanOrEqualTo(68)
                    .doesNotContain("io_uring only");
        }
        String help = Cli.execute("--help").out();
        assertThat(help).doesNotContain("io_uring driver only").doesNotContain("come next");
        assertThat(help).contains("130  stopped by Ctrl-C (run, demo, find-max: or SIGTERM").contains("99  run: a --threshold failed; find-max: no rate met the SLOs").contains("143  serve terminated by SIGTERM");
    }

    @Test
    void helpListsUsageAndExitCodes() {
        Cli.Outcome outcome = Cli.execute("--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("Usage: ringload").contains("--version").contains("Exit codes:");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        // Anything that is not a subcommand means "run": an unknown option is reported by run's parser.
        Cli.Outcome outcome = Cli.execute("--no-such-flag", "http://127.0.0.1:1/");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unknown option: '--no-such-flag'");
        Cli.Outcome noUrl = Cli.execute("run");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("give a URL, or --targets FILE");
    }
}
