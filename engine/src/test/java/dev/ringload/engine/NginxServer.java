package dev.ringload.engine;

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

/**
 * A real nginx for tests, in its own directory on a free loopback port, answering every request with a short
 * text and writing an access log in the format the test gives (one line per request, written as it finishes).
 * Skipped where nginx is missing, except in CI (which installs it).
 */
public final class NginxServer implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final Process process;
    private final int port;

    private NginxServer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** @param logFormat an nginx {@code log_format} string, e.g. {@code '$status $pipe'} */
    public static NginxServer start(Path dir, String logFormat) throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(NGINX), "nginx not installed (apt-get install nginx-light)");
        }
        int port;
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
                    log_format test %3$s;
                    access_log %1$s/access.log test;
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
                """.formatted(dir, port, logFormat));
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new NginxServer(dir, nginx, port);
            } catch (IOException e) {
                assertThat(nginx.isAlive()).as("nginx running: %s", Files.exists(dir.resolve("nginx.out"))
                        ? Files.readString(dir.resolve("nginx.out")) : "").isTrue();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The access log once it has {@code expected} lines or it stops growing for long. */
    public List<String> accessLog(long expected) throws Exception {
        Path log = dir.resolve("access.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = Files.readAllLines(log);
        while (lines.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lines = Files.readAllLines(log);
        }
        return lines;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: fast shutdown; the log is written per request
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
