package dev.ringload.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * --targets, --raw and --pick against a real nginx, whose access log (method, path, query, X-Thread header,
 * Content-Length and whether it was pipelined, per request) proves what arrived.
 */
class RequestMixTest {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;
    private Process nginx;
    private int port;

    @BeforeEach
    void startNginx() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(NGINX), "nginx not installed (apt-get install nginx-light)");
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                user root;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log error;
                events { worker_connections 1024; }
                http {
                    log_format mix '$request_method $uri $arg_r $arg_c $http_x_thread $content_length $pipe $status';
                    access_log %1$s/access.log mix;
                    keepalive_requests 1000000;
                    client_body_temp_path %1$s;
                    proxy_temp_path %1$s;
                    fastcgi_temp_path %1$s;
                    uwsgi_temp_path %1$s;
                    scgi_temp_path %1$s;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / { default_type text/plain; return 200 'hello from nginx'; }
                    }
                }
                """.formatted(dir, port));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException e) {
                assertThat(nginx.isAlive()).as("nginx running").isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The access log, once it has {@code expected} lines (nginx writes one as each request finishes). */
    private List<String[]> log(long expected) throws Exception {
        Path log = dir.resolve("access.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = Files.readAllLines(log);
        while (lines.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lines = Files.readAllLines(log);
        }
        return lines.stream().map(l -> l.split(" ")).toList();
    }

    private Path targets(String text) throws IOException {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, text.replace("PORT", Integer.toString(port)));
        return file;
    }

    @Test
    void roundRobinSharesAreExactAndPlaceholdersArriveFilledIn() throws Exception {
        Files.writeString(dir.resolve("body.json"), "{\"id\":{seq}}");
        Path file = targets("""
                GET http://127.0.0.1:PORT/a/{seq}?r={rand:10:20}&c={conn}
                X-Thread: {thread}

                POST http://127.0.0.1:PORT/b
                Content-Type: application/json
                @body.json

                GET http://127.0.0.1:PORT/c
                """);
        Cli.Outcome o = Cli.execute("run", "--targets", file.toString(), "-n", "3000", "-c", "3", "-p", "4", "-t", "1",
                "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat((double) MiniJson.at(MiniJson.parse(o.out()), "errors.total")).isZero();
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
                case "/b" -> assertThat(Integer.parseInt(l[5])).as("Content-Length of {\"id\":N}")
                        .isBetween(8, 14);
                default -> assertThat(l[5]).isEqualTo("-");
            }
        }
        List<?> perTarget = (List<?>) MiniJson.at(MiniJson.parse(o.out()), "targets");
        assertThat(perTarget).hasSize(3).allSatisfy(t -> assertThat(((Map<?, ?>) t).get("responses")).isEqualTo(1000.0));
    }

    @Test
    void weightedRandomPicksAreWithinTwoPercentOverAHundredThousand() throws Exception {
        Path file = targets("""
                GET http://127.0.0.1:PORT/light

                GET http://127.0.0.1:PORT/heavy
                # weight=3
                """);
        Cli.Outcome o = Cli.execute("run", "--targets", file.toString(), "--pick", "random", "-n", "100000", "-c", "8",
                "-p", "16", "-t", "1");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("Requests (random):").containsPattern("GET /heavy +\\d");
        Map<String, Long> byPath = log(100_000).stream().collect(Collectors.groupingBy(l -> l[1], Collectors.counting()));
        assertThat(byPath.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100_000);
        assertThat(byPath.get("/heavy") / 100_000.0).isBetween(0.73, 0.77);
    }

    @Test
    void headAndGetMixedInOnePipelineAreBothParsed() throws Exception {
        Path file = targets("""
                HEAD http://127.0.0.1:PORT/h

                GET http://127.0.0.1:PORT/g
                """);
        Cli.Outcome o = Cli.execute("run", "--targets", file.toString(), "-n", "2000", "-c", "2", "-p", "8", "-t", "1",
                "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        assertThat((double) MiniJson.at(json, "errors.total")).as("a HEAD answer has no body; a GET's has").isZero();
        assertThat((double) MiniJson.at(json, "requests.total")).isEqualTo(2000);
        List<String[]> lines = log(2000);
        Map<String, Long> byMethod = lines.stream().collect(Collectors.groupingBy(l -> l[0], Collectors.counting()));
        assertThat(byMethod).containsExactlyInAnyOrderEntriesOf(Map.of("HEAD", 1000L, "GET", 1000L));
        assertThat(lines.stream().filter(l -> l[6].equals("p")).count()).as("pipelined").isPositive();
    }

    @Test
    void rawRequestsAreSentByteForByte() throws Exception {
        Path a = dir.resolve("a.http");
        Path b = dir.resolve("b.http");
        Files.writeString(a, "GET /raw-a?r=1 HTTP/1.1\r\nHost: x\r\nX-Thread: raw\r\n\r\n", StandardCharsets.US_ASCII);
        Files.writeString(b, "POST /raw-b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", StandardCharsets.US_ASCII);
        Cli.Outcome o = Cli.execute("run", "--raw", a + "," + b, "-n", "1000", "-c", "2", "-p", "4", "-t", "1",
                "http://127.0.0.1:" + port + "/");
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<String[]> lines = log(1000);
        Map<String, List<String[]>> byPath = lines.stream().collect(Collectors.groupingBy(l -> l[1]));
        assertThat(byPath.get("/raw-a")).hasSize(500).allSatisfy(l -> assertThat(l[4]).isEqualTo("raw"));
        assertThat(byPath.get("/raw-b")).hasSize(500).allSatisfy(l -> assertThat(l[5]).isEqualTo("5"));
    }

    @Test
    void aMalformedFileIsOneLineNamingFileAndLineAndExit2() throws Exception {
        Path bad = targets("GET http://127.0.0.1:PORT/a\nNoColonHere\n");
        Path raw = dir.resolve("bad.http");
        Files.writeString(raw, "GET / HTTP/1.1\nHost: x\n\n");
        for (String[] args : List.of(new String[] {"run", "--targets", bad.toString()},
                new String[] {"run", "--raw", raw.toString(), "http://127.0.0.1:" + port + "/"},
                new String[] {"run", "--targets", dir.resolve("none.txt").toString()},
                new String[] {"run", "--targets", bad.toString(), "http://127.0.0.1:1/"},
                new String[] {"run", "--pick", "sometimes", "http://127.0.0.1:1/"})) {
            Cli.Outcome o = Cli.execute(args);
            assertThat(o.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(o.err().strip()).as(String.join(" ", args)).doesNotContain("\n").startsWith("ringload: ");
        }
        assertThat(Cli.execute("run", "--targets", bad.toString()).err()).contains(bad + ":2: ");
        assertThat(Cli.execute("run", "--raw", raw.toString(), "http://127.0.0.1:1/").err()).contains(raw + ":1: ");
    }
}
