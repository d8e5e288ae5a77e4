package dev.ringload.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --targets, --raw and --pick on the command line: the per-request table and JSON, and one-line errors. What
 * arrives at a server is proved against nginx in the engine's MixNginxTest.
 */
class RequestMixTest {

    @RegisterExtension
    static final ServeTarget target = ServeTarget.forEachTest();

    @TempDir
    Path dir;

    private Path targets() throws Exception {
        target.start(ServeTarget.loopback());
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, """
                GET http://127.0.0.1:PORT/a/{seq}

                POST http://127.0.0.1:PORT/b
                # weight=3
                Content-Type: application/json
                """.replace("PORT", Integer.toString(target.port())));
        return file;
    }

    @Test
    void theReportHasATableAndJsonHasEveryRequestOfTheMix() throws Exception {
        Path file = targets();
        Cli.Outcome text = Cli.execute("run", "--targets", file.toString(), "-n", "4000", "-c", "4", "-t", "1");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Requests (round-robin):").containsPattern("GET /a/\\{seq} +1,000 +25\\.0%")
                .containsPattern("POST /b +3,000 +75\\.0%");
        Cli.Outcome json = Cli.execute("run", "--targets", file.toString(), "--pick", "random", "-n", "2000", "-c", "4",
                "-t", "1", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        Object report = MiniJson.parse(json.out());
        assertThat(MiniJson.at(report, "pick")).isEqualTo("random");
        List<?> targets = (List<?>) MiniJson.at(report, "targets");
        assertThat(targets).hasSize(2);
        Map<?, ?> post = (Map<?, ?>) targets.get(1);
        assertThat(post.get("label")).isEqualTo("POST /b");
        assertThat(post.get("weight")).isEqualTo(3.0);
        assertThat((double) ((Map<?, ?>) targets.get(0)).get("responses") + (double) post.get("responses"))
                .isEqualTo(2000);
        assertThat((double) MiniJson.at(post, "latency.p99")).isPositive();
        // Its histogram, for merge: every response of the request in it.
        assertThat(ShardReports.decode((String) MiniJson.at(post, "latency.histogram")).getTotalCount())
                .isEqualTo(Math.round((double) post.get("responses")));
    }

    /** serve answers a HEAD without the body, and the client expects none: no parse error, on either engine. */
    @Test
    void headAndGetPipelinedTogetherAgainstServeHaveNoErrors() throws Exception {
        target.start(ServeTarget.loopback());
        Path file = dir.resolve("head.txt");
        Files.writeString(file, """
                GET http://127.0.0.1:PORT/a

                HEAD http://127.0.0.1:PORT/h

                HEAD http://127.0.0.1:PORT/h2

                POST http://127.0.0.1:PORT/b
                """.replace("PORT", Integer.toString(target.port())));
        for (String engine : new String[] {"uring", "nio"}) {
            Cli.Outcome o = Cli.execute("run", "--engine", engine, "--targets", file.toString(), "-n", "8000",
                    "-c", "4", "-p", "16", "-t", "1", "--json");
            if (o.exitCode() == ExitCodes.NO_IO_URING) {
                continue; // io_uring blocked here: the NIO half still runs
            }
            assertThat(o.exitCode()).as(engine + ": " + o.err()).isZero();
            Object report = MiniJson.parse(o.out());
            assertThat(MiniJson.at(report, "errors.total")).as(engine).isEqualTo(0.0);
            assertThat(MiniJson.at(report, "requests.total")).as(engine).isEqualTo(8000.0);
            List<?> targets = (List<?>) MiniJson.at(report, "targets");
            for (Object t : targets) {
                assertThat(MiniJson.at(t, "responses")).as(engine).isEqualTo(2000.0);
            }
        }
    }

    @Test
    void aMalformedFileIsOneLineNamingFileAndLineAndExit2() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "GET http://127.0.0.1:1/a\nNoColonHere\n");
        Path raw = dir.resolve("bad.http");
        Files.writeString(raw, "GET / HTTP/1.1\nHost: x\n\n");
        for (String[] args : List.of(new String[] {"run", "--targets", bad.toString()},
                new String[] {"run", "--raw", raw.toString(), "http://127.0.0.1:1/"},
                new String[] {"run", "--targets", dir.resolve("none.txt").toString()},
                new String[] {"run", "--targets", bad.toString(), "http://127.0.0.1:1/"},
                new String[] {"run", "--targets", bad.toString(), "--raw", raw.toString()},
                new String[] {"run", "--pick", "sometimes", "http://127.0.0.1:1/"})) {
            Cli.Outcome o = Cli.execute(args);
            assertThat(o.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(o.err().strip()).as(String.join(" ", args)).doesNotContain("\n").startsWith("ringload: ");
        }
        assertThat(Cli.execute("run", "--targets", bad.toString()).err()).contains(bad + ":2: ");
        assertThat(Cli.execute("run", "--raw", raw.toString(), "http://127.0.0.1:1/").err()).contains(raw + ":1: ");
    }
}
