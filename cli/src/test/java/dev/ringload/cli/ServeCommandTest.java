package dev.ringload.cli;

import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServeCommandTest {



    @Test
    void portInUseIsAOneLineErrorWithExitCode1() throws Exception {
        assumeTrue(IoUring.isAvailable());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Outcome outcome = Cli.execute("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.err()).isEqualTo("ringload serve: cannot listen: bind 127.0.0.1:" + taken.getLocalPort()
                    + " failed: EADDRINUSE (address already in use)" + System.lineSeparator());
        }
    }

    @Test
    void addressThatIsNotLocalIsExitCode1() {
        assumeTrue(IoUring.isAvailable());
        // 192.0.2.1 is TEST-NET-1: never assigned to this host, so bind fails; nothing is sent anywhere.
        Cli.Outcome outcome = Cli.execute("serve", "--host", "192.0.2.1", "--port", "0");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("EADDRNOTAVAIL").doesNotContain("\tat ");
    }

    @Test
    void unresolvableHostIsExitCode2() {
        Cli.Outcome outcome = Cli.execute("serve", "--host", "no-such-host.invalid");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("ringload serve: bad address 'no-such-host.invalid': cannot resolve it"
                + System.lineSeparator());
    }

    @Test
    void badOptionValuesAreExitCode2() {
        assertThat(Cli.execute("serve", "--status", "700").exitCode()).isEqualTo(2);
        assertThat(Cli.execute("serve", "--status", "700").err()).contains("status must be 200..599");
        assertThat(Cli.execute("serve", "--delay", "soon").err()).contains("'soon' is not a duration");
        Cli.Outcome alone = Cli.execute("serve", "--stall", "1s");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).isEqualTo("ringload serve: --stall and --stall-every go together" + System.lineSeparator());
        assertThat(Cli.execute("serve", "--stall", "5s", "--stall-every", "5s").err())
                .contains("--stall must be shorter than --stall-every");
        assertThat(Cli.execute("serve", "--max-rate", "-1").err()).contains("must not be negative");
        assertThat(Cli.execute("serve", "--delay", "soon").exitCode()).isEqualTo(2);
        assertThat(Cli.execute("serve", "--cpus", "3-1").exitCode()).isEqualTo(2);
        assertThat(Cli.execute("serve", "--port", "70000").exitCode()).isEqualTo(2);
        assertThat(Cli.execute("serve", "--body", "a", "--body-file", "b").exitCode()).isEqualTo(2);
    }

    @Test
    void badFaultSpecsAreOneLineErrorsWithExitCode2() {
        for (String[] bad : List.of(
                new String[]{"explode", "unknown kind 'explode'"},
                new String[]{"trickle", "trickle needs a value: trickle:BYTES_PER_MS"},
                new String[]{"stall:200", "is not a duration with a unit"},
                new String[]{"reset:10@5%", "reset:N already says every N-th request"},
                new String[]{"garbage:64@150%", "at most 100%"},
                new String[]{"reset@0", "N >= 1"},
                new String[]{"huge-headers:10", "huge-headers takes 1024 to"},
                new String[]{"bad-chunk@often", "'often' is neither N"})) {
            Cli.Outcome outcome = Cli.execute("serve", "--port", "0", "--fault", bad[0]);
            assertThat(outcome.exitCode()).as(bad[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(outcome.err()).as(bad[0]).startsWith("ringload serve: bad --fault '" + bad[0] + "': ")
                    .contains(bad[1]).hasLineCount(1);
        }
    }

    @Test
    void faultsBecomeTheServerConfig() throws Exception {
        ServeCommand serve = (ServeCommand) Main.commandLine().parseArgs("serve", "--fault", "reset:100", "--fault",
                "stall:200ms@5%", "--fault-seed", "7").subcommand().commandSpec().userObject();
        dev.ringload.engine.server.ServerConfig.Faults faults = serve.config().faults();
        assertThat(faults.seed()).isEqualTo(7);
        assertThat(faults.injected()).hasSize(2);
        assertThat(faults.injected().get(0).everyN()).isEqualTo(100);
        assertThat(faults.injected().get(1).value()).isEqualTo(200_000_000L);
        assertThat(faults.injected().get(1).probability()).isEqualTo(0.05);
    }

    @Test
    void optionsBecomeTheServerConfig() throws Exception {
        CommandLine cmd = Main.commandLine();
        CommandLine.ParseResult parsed = cmd.parseArgs("serve", "--host", "::1", "--port", "9000", "--cpus", "0-1,3",
                "--status", "201", "--body", "x", "--content-type", "text/plain", "--delay", "20ms", "--close-every", "5");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        dev.ringload.engine.server.ServerConfig config = serve.config();
        assertThat(config.cpus()).containsExactly(0, 1, 3);
        assertThat(config.threads()).as("one worker per listed CPU").isEqualTo(3);
        assertThat(config.address().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(config.address().getPort()).isEqualTo(9000);
        assertThat(config.status()).isEqualTo(201);
        assertThat(config.body()).containsExactly('x');
        assertThat(config.contentType()).isEqualTo("text/plain");
        assertThat(config.delayNs()).isEqualTo(20_000_000L);
        assertThat(config.closeEvery()).isEqualTo(5);
        ServeCommand explicit = (ServeCommand) cmd.parseArgs("serve", "--cpus", "2", "--threads", "4").subcommand()
                .commandSpec().userObject();
        assertThat(explicit.config().threads()).isEqualTo(4);
    }

    @Test
    void helpListsEveryOption() {
        Cli.Outcome outcome = Cli.execute("serve", "--help");
        assertThat(outcome.exitCode()).isZero();
        for (String option : List.of("--host", "--port", "--threads", "--cpus", "--body", "--body-file",
                "--content-type", "--status", "--delay", "--close-every", "--fault", "--fault-seed")) {
            assertThat(outcome.out()).contains(option);
        }
    }

    @Test
    void sigtermAndSigintStopCleanlyAndPrintTheServedCount() throws Exception {
        assumeTrue(IoUring.isAvailable());
        for (String signal : List.of("TERM", "INT")) {
            Process process = startServeProcess();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String first = out.readLine();
                assertThat(first).as("first line").isNotNull()
                        .matches("ringload serve: listening on http://127\\.0\\.0\\.1:\\d+/ \\(engine io_uring, 1 thread\\)");
                Matcher m = Pattern.compile(":(\\d+)/").matcher(first);
                assertThat(m.find()).isTrue();
                int port = Integer.parseInt(m.group(1));
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    OutputStream o = s.getOutputStream();
                    o.write("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertThat(all.split("HTTP/1.1 200 OK", -1)).hasSize(4);
                }
                Thread.sleep(300); // served is published once per loop iteration
                new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
                assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
                List<String> rest = new ArrayList<>();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    rest.add(line);
                }
                assertThat(rest).containsExactly("ringload serve: stopped; served 3 requests");
                assertThat(process.exitValue()).isEqualTo(signal.equals("TERM") ? ExitCodes.TERMINATED : ExitCodes.INTERRUPTED);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void faultCountsArePrintedAtExit() throws Exception {
        assumeTrue(IoUring.isAvailable());
        Process process = startServeProcess("--fault", "close-mid-pipeline:3");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile(":(\\d+)/").matcher(out.readLine());
            assertThat(m.find()).isTrue();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(m.group(1)))) {
                s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".repeat(3).getBytes(StandardCharsets.US_ASCII));
                String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(all.split("HTTP/1.1 200 OK", -1)).as("two answers, then the close").hasSize(3);
            }
            Thread.sleep(300); // counts are published once per loop iteration
            new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> rest = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                rest.add(line);
            }
            assertThat(rest).containsExactly("ringload serve: stopped; served 2 requests",
                    "ringload serve: fault close-mid-pipeline sent 1 times");
        } finally {
            process.destroyForcibly();
        }
    }

    /** Runs {@code ringload serve --port 0} in a child JVM built from this test's own classpath. */
    static Process startServeProcess(String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath,
                Main.class.getName(), "serve", "--port", "0"));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
