package dev.ringload.engine.mix;

import dev.ringload.engine.Engine;
import dev.ringload.engine.Engines;
import dev.ringload.engine.NginxServer;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.LoadRun;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request mixes against a real nginx, whose access log (method, path, query, X-Thread header, Content-Length and
 * whether it was pipelined, per request) proves what arrived.
 */
class MixNginxTest {

    @TempDir
    Path dir;
    private NginxServer nginx;

    @BeforeEach
    void startNginx() throws Exception {
        nginx = NginxServer.start(dir, "'$request_method $uri $arg_r $arg_c $http_x_thread $content_length $pipe $status'");
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private List<String[]> log(long expected) throws Exception {
        return nginx.accessLog(expected).stream().map(l -> l.split(" ")).toList();
    }

    /** Exactly {@code requests} responses of {@code specs} over {@code connections} x {@code pipelining}, one thread. */
    private RunResult run(List<RequestSpec> specs, RequestMix.Pick pick, int connections, int pipelining,
                          long requests) throws Exception {
        Target endpoint = Target.parse(nginx.url());
        RequestMix mix = RequestMix.compile(specs, endpoint, pick);
        LoadConfig config = LoadConfig.builder(endpoint, mix.shapes().getFirst().bytesForReport())
                .connections(connections).pipelining(pipelining).requests(requests).build();
        Engine engine = Engines.usable();
        return new LoadRun(config, engine.label(), engine.transports(), worker -> new MixPlan(mix, worker, 1, 0,
                config.connectionsOf(worker), pipelining, config.seedOf(worker))).execute();
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace("PORT", Integer.toString(nginx.port())), StandardCharsets.ISO_8859_1);
        return file;
    }

    @Test
    void roundRobinSharesAreExactAndPlaceholdersArriveFilledIn() throws Exception {
        file("body.json", "{\"id\":{seq}}");
        Path targets = file("targets.txt", """
                GET http://127.0.0.1:PORT/a/{seq}?r={rand:10:20}&c={conn}
                X-Thread: {thread}

                POST http://127.0.0.1:PORT/b
                Content-Type: application/json
                @body.json

                GET http://127.0.0.1:PORT/c
                """);
        RunResult r = run(TargetsFile.parse(targets), RequestMix.Pick.ROUND_ROBIN, 3, 4, 3000);
        assertThat(r.errors()).isZero();
        assertThat(r.targets()).hasSize(3).allSatisfy(t -> assertThat(t.responses()).isEqualTo(1000));
        List<String[]> lines = log(3000);
        assertThat(lines).hasSize(3000).allSatisfy(l -> assertThat(l[7]).isEqualTo("200"));
        Map<String, Long> byPath = lines.stream().collect(Collectors.groupingBy(
                l -> l[0] + " " + (l[1].startsWith("/a/") ? "/a" : l[1]), Collectors.counting()));
        assertThat(byPath).containsExactlyInAnyOrderEntriesOf(Map.of("GET /a", 1000L, "POST /b", 1000L, "GET /c", 1000L));
        Set<String> seqs = new HashSet<>();
        for (String[] l : lines) {
            switch (l[1].startsWith("/a/") ? "/a" : l[1]) {
                case "/a" -> {
                    assertThat(seqs.add(l[1].substring(3))).as("{seq} unique").isTrue();
                    assertThat(Integer.parseInt(l[2])).as("{rand:10:20}").isBetween(10, 20);
                    assertThat(Integer.parseInt(l[3])).as("{conn}").isBetween(0, 2);
                    assertThat(l[4]).as("{thread}").isEqualTo("0");
                }
                case "/b" -> assertThat(Integer.parseInt(l[5])).as("Content-Length of {\"id\":N}").isBetween(8, 14);
                default -> assertThat(l[5]).isEqualTo("-");
            }
        }
    }

    @Test
    void weightedRandomPicksAreWithinTwoPercentOverAHundredThousand() throws Exception {
        Path targets = file("targets.txt", """
                GET http://127.0.0.1:PORT/light

                GET http://127.0.0.1:PORT/heavy
                # weight=3
                """);
        RunResult r = run(TargetsFile.parse(targets), RequestMix.Pick.RANDOM, 8, 16, 100_000);
        assertThat(r.errors()).isZero();
        Map<String, Long> byPath = log(100_000).stream().collect(Collectors.groupingBy(l -> l[1], Collectors.counting()));
        assertThat(byPath.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100_000);
        assertThat(byPath.get("/heavy") / 100_000.0).isBetween(0.73, 0.77);
    }

    @Test
    void headAndGetMixedInOnePipelineAreBothParsed() throws Exception {
        Path targets = file("targets.txt", """
                HEAD http://127.0.0.1:PORT/h

                GET http://127.0.0.1:PORT/g
                """);
        RunResult r = run(TargetsFile.parse(targets), RequestMix.Pick.ROUND_ROBIN, 2, 8, 2000);
        assertThat(r.errors()).as("a HEAD answer has no body; a GET's has").isZero();
        assertThat(r.responses()).isEqualTo(2000);
        List<String[]> lines = log(2000);
        assertThat(lines.stream().collect(Collectors.groupingBy(l -> l[0], Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("HEAD", 1000L, "GET", 1000L));
        assertThat(lines.stream().filter(l -> l[6].equals("p")).count()).as("pipelined").isPositive();
    }

    @Test
    void rawRequestsAreSentByteForByte() throws Exception {
        Path a = file("a.http", "GET /raw-a?r=1 HTTP/1.1\r\nHost: x\r\nX-Thread: raw\r\n\r\n");
        Path b = file("b.http", "POST /raw-b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        RunResult r = run(RawRequests.parse(List.of(a, b)), RequestMix.Pick.ROUND_ROBIN, 2, 4, 1000);
        assertThat(r.errors()).isZero();
        Map<String, List<String[]>> byPath = log(1000).stream().collect(Collectors.groupingBy(l -> l[1]));
        assertThat(byPath.get("/raw-a")).hasSize(500).allSatisfy(l -> assertThat(l[4]).isEqualTo("raw"));
        assertThat(byPath.get("/raw-b")).hasSize(500).allSatisfy(l -> assertThat(l[5]).isEqualTo("5"));
    }
}
