package dev.ringload.engine.load;

import dev.ringload.engine.Engine;

import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The io_uring engine against a real nginx, whose access log records every request and whether it was pipelined. */
class NginxTest {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;
    private Process nginx;
    private int port;
    private Path accessLog;

    @BeforeAll
    static void prerequisites() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(NGINX), "nginx not installed (apt-get install nginx-light)");
        }
    }

    @BeforeEach
    void startNginx() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        accessLog = dir.resolve("access.log");
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                user root;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log error;
                events { worker_connections 1024; }
                http {
                    log_format pipe '$status $pipe';
                    access_log %1$s/access.log pipe;
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
                assertThat(nginx.isAlive()).as("nginx running: %s", Files.exists(dir.resolve("nginx.out"))
                        ? Files.readString(dir.resolve("nginx.out")) : "").isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM: fast shutdown, the log is written per request
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The access log once the line count stops growing (nginx writes a line when a request finishes). */
    private List<String> accessLogLines(long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> lines = Files.readAllLines(accessLog);
        while (lines.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lines = Files.readAllLines(accessLog);
        }
        return lines;
    }

    @Test
    void exactRequestCountAndPipeliningSeenByNginx() throws Exception {
        RunResult r = UringLoadTest.run(Engine.IO_URING, "http://127.0.0.1:" + port + "/", "GET", 4, 8, 0, 3000, 5000);
        assertThat(r.responses()).isEqualTo(3000);
        assertThat(r.errors()).isZero();
        List<String> lines = accessLogLines(3000);
        assertThat(lines).hasSize(3000).allMatch(line -> line.startsWith("200 "));
        assertThat(lines.stream().filter(line -> line.endsWith(" p")).count()).as("pipelined requests").isPositive();
    }

    @Test
    void depthOneIsNeverPipelined() throws Exception {
        RunResult r = UringLoadTest.run(Engine.IO_URING, "http://127.0.0.1:" + port + "/", "GET", 3, 1, 0, 600, 5000);
        assertThat(r.responses()).isEqualTo(600);
        assertThat(accessLogLines(600)).hasSize(600).allMatch(line -> line.equals("200 ."));
    }

    @Test
    void durationRunCountsMatchTheAccessLog() throws Exception {
        RunResult r = UringLoadTest.run(Engine.IO_URING, "http://127.0.0.1:" + port + "/", "GET", 4, 4, 1000, -1, 5000);
        assertThat(r.responses()).isPositive();
        assertThat(r.errors()).isZero();
        List<String> lines = accessLogLines(r.responses());
        // nginx may have answered requests whose responses were still in flight when the run stopped.
        assertThat((long) lines.size()).isBetween(r.responses(), r.responses() + 4 * 4);
    }
}
