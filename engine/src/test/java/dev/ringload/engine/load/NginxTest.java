package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.NginxServer;

import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The io_uring engine against a real nginx, whose access log records every request and whether it was pipelined. */
class NginxTest {

    @TempDir
    Path dir;
    private NginxServer nginx;
    private int port;

    @BeforeAll
    static void prerequisites() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
    }

    @BeforeEach
    void startNginx() throws Exception {
        nginx = NginxServer.start(dir, "'$status $pipe'");
        port = nginx.port();
    }

    @AfterEach
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    private List<String> accessLogLines(long expected) throws Exception {
        return nginx.accessLog(expected);
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
