package dev.ringload.engine.load;

import dev.ringload.engine.Engines;

import dev.ringload.engine.Engine;

import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.TargetServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RampTest {

    private static RampResult ramp(String url, int pipelining, RampPlan plan) throws InterruptedException {
        Target target = Target.parse(url);
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(plan.maxConnections()).pipelining(pipelining)
                .durationNs(plan.stepNs() * plan.steps().length).connectTimeoutNs(TimeUnit.SECONDS.toNanos(2)).build();
        Engine engine = Engines.usable(); // the ramp is engine logic: it runs on whichever engine this host has
        return new LoadRun(config, engine.label(), engine.transports()).executeRamp(plan);
    }

    @Test
    void smallStepsReportEstablishedCountsAndPerStepFigures() throws Exception {
        try (TargetServer server = TargetServer.start(ServerConfig.defaults(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Engines.usable())) {
            RampResult r = ramp("http://127.0.0.1:" + server.port() + "/", 1,
                    new RampPlan(new int[] {10, 20, 40}, TimeUnit.MILLISECONDS.toNanos(500), 200));
            assertThat(r.steps()).hasSize(3);
            assertThat(r.steps()).extracting(StepResult::requested).containsExactly(10, 20, 40);
            assertThat(r.steps()).extracting(StepResult::established).containsExactly(10, 20, 40);
            for (StepResult step : r.steps()) {
                assertThat(step.responses()).isPositive();
                assertThat(step.requestsPerSecond()).isPositive();
                assertThat(step.errors()).isZero();
                assertThat(step.p99Ns()).isGreaterThanOrEqualTo(step.p50Ns());
                assertThat(step.durationNs()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
            }
            long stepResponses = r.steps().stream().mapToLong(StepResult::responses).sum();
            assertThat(r.run().latency().count()).isEqualTo(stepResponses);
            assertThat(r.knee()).isNotNull();
        }
    }

    @Test
    void kneeIsFoundWhereTheServerSaturatesAndOpeningIsSpreadOut() throws Exception {
        // At most 4 requests are served at a time, 5 ms each: ~800 req/s whatever the connection count.
        try (SaturatingServer server = new SaturatingServer(4, 5)) {
            RampResult r = ramp("http://127.0.0.1:" + server.port() + "/", 1,
                    new RampPlan(new int[] {2, 4, 8, 16}, TimeUnit.MILLISECONDS.toNanos(1200), 0));
            assertThat(r.steps()).extracting(StepResult::established).containsExactly(2, 4, 8, 16);
            double rps2 = r.steps().get(0).requestsPerSecond();
            double rps4 = r.steps().get(1).requestsPerSecond();
            assertThat(rps4).as("4 connections double 2").isGreaterThan(rps2 * 1.5);
            // 4 connections already get 4 / (5 ms + the round trip): within a few percent of the 800 req/s the
            // server can do, so whether 8 add more or less than the knee's 5% depends on this machine's wake-up
            // latency. The knee is where the server saturates: at 4 or 8 connections, on the plateau.
            assertThat(r.knee().stepIndex()).as(r.knee().toString()).isIn(1, 2);
            assertThat(r.knee().connections()).isIn(4, 8);
            assertThat(r.knee().requestsPerSecond()).as("on the plateau").isGreaterThan(rps2 * 1.5);
            // Nothing past the plateau: 16 connections are no faster than the better of 4 and 8 (the knee may be at 4,
            // a few percent under the plateau, and 16 a few percent above it).
            double plateau = Math.max(rps4, r.steps().get(2).requestsPerSecond());
            double rps16 = r.steps().get(3).requestsPerSecond();
            assertThat(rps16).as("16 connections add nothing").isLessThan(plateau * 1.05);
            // Step 3 added 8 connections at the default rate (8 per second): they arrive spread over ~1 s.
            List<Long> accepts = server.acceptTimesNs().subList(8, 16);
            long spreadMs = TimeUnit.NANOSECONDS.toMillis(accepts.getLast() - accepts.getFirst());
            assertThat(spreadMs).as("the step's 8 new connections were opened over time, not in a burst")
                    .isBetween(600L, 1500L);
        }
    }

    @Test
    void kneeArithmetic() {
        StepResult a = step(100, 1000, 5_000_000, false);
        StepResult b = step(200, 2000, 5_000_000, false);
        StepResult c = step(400, 2050, 9_000_000, false);
        assertThat(Knee.of(List.of(a, b, c))).isEqualTo(new Knee(1, 200, 2000.0, false, 50.0));
        assertThat(Knee.of(List.of(a, b))).isEqualTo(new Knee(-1, 200, 2000.0, false, 50.0));
        assertThat(Knee.of(List.of(a, b)).stillScaling()).isTrue();
        StepResult bound = step(400, 2050, 9_000_000, true);
        assertThat(Knee.of(List.of(a, b, bound))).isEqualTo(new Knee(1, 200, 2000.0, true, 100.0));
        StepResult flatButFaster = step(400, 2050, 4_000_000, false);
        assertThat(Knee.of(List.of(a, b, flatButFaster)).stepIndex()).as("latency did not grow").isEqualTo(-1);
    }

    private static StepResult step(int connections, long responses, long latencyNs, boolean clientBound) {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(1, TimeUnit.SECONDS.toNanos(60), 3);
        h.recordValueWithCount(latencyNs, responses);
        long second = TimeUnit.SECONDS.toNanos(1);
        ClientLoad client = new ClientLoad(second, new long[] {second}, new long[] {second / 2},
                new long[] {clientBound ? 0 : second / 2}, 0, 0);
        return new StepResult(connections, connections, second, Latency.of(h), 0, client);
    }

    /** A blocking server that serves at most {@code concurrency} requests at once, each taking {@code millis}. */
    static final class SaturatingServer implements AutoCloseable {
        private static final byte[] RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                .getBytes(StandardCharsets.US_ASCII);
        private final ServerSocket socket;
        private final Semaphore slots;
        private final long millis;
        private final ConcurrentLinkedQueue<Long> accepts = new ConcurrentLinkedQueue<>();

        SaturatingServer(int concurrency, long millis) throws IOException {
            this.slots = new Semaphore(concurrency, true);
            this.millis = millis;
            socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon(true).start(this::acceptLoop);
        }

        int port() {
            return socket.getLocalPort();
        }

        List<Long> acceptTimesNs() {
            return List.copyOf(accepts);
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    accepts.add(System.nanoTime());
                    Thread.ofPlatform().daemon(true).start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                int matched = 0;
                for (int b = in.read(); b >= 0; b = in.read()) {
                    matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                    if (matched == 4) {
                        matched = 0;
                        slots.acquire();
                        try {
                            Thread.sleep(millis);
                        } finally {
                            slots.release();
                        }
                        out.write(RESPONSE);
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // client gone or test over
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
