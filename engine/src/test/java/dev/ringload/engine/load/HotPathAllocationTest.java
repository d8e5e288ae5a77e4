package dev.ringload.engine.load;

import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.UringServer;
import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine's loop allocates nothing per request: the bytes a worker thread allocates while it handles tens of
 * thousands of responses (pipelined, so every code path of the hot loop runs) stay near zero.
 */
class HotPathAllocationTest {

    @BeforeAll
    static void prerequisites() {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "per-thread allocation counters unavailable");
    }

    @Test
    void workerAllocatesNothingPerResponse() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (UringServer server = UringServer.start(ServerConfig.defaults(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))) {
            Target target = Target.parse("http://127.0.0.1:" + server.port() + "/");
            LoadConfig config = new LoadConfig(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]),
                    false, 8, 1, new int[0], 8, TimeUnit.MILLISECONDS.toNanos(3000), -1,
                    TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(5), 0);
            LoadRun run = new LoadRun(config, "io_uring", UringLoadWorker::new);
            CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return run.execute();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1200); // past JIT warm-up
            Thread worker = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("ringload-worker-0")).findFirst().orElseThrow();
            long servedBefore = server.served();
            long allocatedBefore = threads.getThreadAllocatedBytes(worker.threadId());
            Thread.sleep(1000);
            long allocatedAfter = threads.getThreadAllocatedBytes(worker.threadId());
            long served = server.served() - servedBefore;
            RunResult r = result.get(30, TimeUnit.SECONDS);
            assertThat(r.errors()).isZero();
            assertThat(served).as("responses in the measured second").isGreaterThan(20_000);
            long allocated = allocatedAfter - allocatedBefore;
            assertThat(allocated).as("bytes allocated by the worker while serving %d responses", served)
                    .isLessThan(16 * 1024);
        }
    }
}
