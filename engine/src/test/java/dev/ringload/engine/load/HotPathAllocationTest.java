package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.mix.MixPlan;
import dev.ringload.engine.mix.RequestMix;
import dev.ringload.engine.mix.RequestSpec;

import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.Engines;
import dev.ringload.engine.server.TargetServer;
import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
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
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "per-thread allocation counters unavailable");
    }

    @Test
    void ioUringWorkerAllocatesNothingPerResponse() throws Exception {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        Allocation a = measure(Engine.IO_URING, null, false);
        assertThat(a.bytes()).as("bytes allocated by the worker while serving %d responses", a.responses())
                .isLessThan(16 * 1024);
    }

    /** A mix of 16 requests with a {seq} each, rendered per request into the send areas, adds nothing. */
    @Test
    void ioUringMixWorkerAllocatesNothingPerResponse() throws Exception {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        Allocation a = measure(Engine.IO_URING, null, true);
        assertThat(a.bytes()).as("bytes allocated by the worker while serving %d responses", a.responses())
                .isLessThan(16 * 1024);
    }

    /** The open loop: the schedule, the dispatch to free slots and the three latencies add nothing. */
    @Test
    void ioUringOpenLoopWorkerAllocatesNothingPerResponse() throws Exception {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        Allocation a = measure(Engine.IO_URING, OpenLoopRate.constant(50_000, Arrival.POISSON), false);
        assertThat(a.bytes()).as("bytes allocated by the worker while serving %d responses", a.responses())
                .isLessThan(16 * 1024);
    }

    /**
     * The NIO engine's own code allocates nothing per response either (measured: 0 bytes here). The JDK's epoll
     * selector boxes the fd of each ready key to find the key (an Integer per ready socket once fds pass 127,
     * beyond the Integer cache), so the bound allows a few bytes per response: anything of ringload's own per
     * response, a ByteBuffer or a lambda, would exceed it.
     */
    @Test
    void nioWorkerAllocatesOnlyTheSelectorsBoxing() throws Exception {
        Allocation a = measure(Engine.NIO, null, false);
        assertThat((double) a.bytes() / a.responses()).as("bytes per response (%d bytes, %d responses)", a.bytes(),
                a.responses()).isLessThan(4.0);
    }

    private record Allocation(long bytes, long responses) {
    }

    private static Allocation measure(Engine engine, OpenLoopRate rate, boolean mix) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (TargetServer server = TargetServer.start(ServerConfig.defaults(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Engines.usable())) {
            Target target = Target.parse("http://127.0.0.1:" + server.port() + "/");
            LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                    .connections(8).pipelining(8).durationNs(TimeUnit.MILLISECONDS.toNanos(3000)).rate(rate).build();
            LoadRun run = new LoadRun(config, engine.label(), engine.transports(), mix ? worker -> {
                List<RequestSpec> specs = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    specs.add(new RequestSpec("GET", "http://127.0.0.1/item/" + i + "/{seq}", List.of(), new byte[0],
                            1, "mix:" + i, null));
                }
                RequestMix requests = RequestMix.compile(specs, target, RequestMix.Pick.ROUND_ROBIN);
                return new MixPlan(requests, worker, 1, 0, config.connectionsOf(worker), config.pipelining(), 1);
            } : SendPlanFactory.repeated(config));
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
            // Two half-second windows, the quieter one counts: a one-off recompilation (the JIT deoptimizing a
            // method and running it interpreted for a moment) is not a per-response allocation.
            long servedBefore = server.served();
            long allocatedBefore = threads.getThreadAllocatedBytes(worker.threadId());
            Thread.sleep(500);
            long servedMiddle = server.served();
            long allocatedMiddle = threads.getThreadAllocatedBytes(worker.threadId());
            Thread.sleep(500);
            long allocatedAfter = threads.getThreadAllocatedBytes(worker.threadId());
            long servedAfter = server.served();
            boolean firstQuieter = allocatedMiddle - allocatedBefore <= allocatedAfter - allocatedMiddle;
            long served = firstQuieter ? servedMiddle - servedBefore : servedAfter - servedMiddle;
            if (firstQuieter) {
                allocatedAfter = allocatedMiddle;
            } else {
                allocatedBefore = allocatedMiddle;
            }
            RunResult r = result.get(30, TimeUnit.SECONDS);
            assertThat(r.errors()).isZero();
            assertThat(served).as("responses in the measured half second").isGreaterThan(10_000);
            return new Allocation(allocatedAfter - allocatedBefore, served);
        }
    }
}
