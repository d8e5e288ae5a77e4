package dev.ringload.cli;

import dev.ringload.engine.load.Arrival;
import dev.ringload.engine.load.ClientLoad;
import dev.ringload.engine.load.ClientStalls;
import dev.ringload.engine.load.Counter;
import dev.ringload.engine.load.Counts;
import dev.ringload.engine.load.ErrorKind;
import dev.ringload.engine.load.Latency;
import dev.ringload.engine.load.Knee;
import dev.ringload.engine.load.LoadConfig;
import dev.ringload.engine.load.OpenLoopRate;
import dev.ringload.engine.load.OpenLoopResult;
import dev.ringload.engine.load.Percentiles;
import dev.ringload.engine.load.SecondSample;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.RunResult;
import dev.ringload.engine.load.Target;
import dev.ringload.engine.load.RunTotals;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static RunResult result(int requested, long established, long refused, ClientLoad client) {
        Target target = Target.parse("http://127.0.0.1:8083/");
        LoadConfig config = LoadConfig.builder(target, RequestTemplate.encode("GET", target, List.of(), new byte[0]))
                .connections(requested).durationNs(SECOND).timeoutNs(SECOND).connectTimeoutNs(SECOND).build();
        Counts counts = Counts.zero().with(Counter.CONNECTIONS_ESTABLISHED, established)
                .withErrors(ErrorKind.CONNECT_REFUSED, refused).with(Counter.RESPONSES, 1000);
        long[] statuses = new long[600];
        statuses[200] = 1000;
        Histogram latency = new Histogram(1, SECOND * 60, 3);
        latency.recordValueWithCount(1_000_000, 1000);
        SecondSample second = new SecondSample(false, 0, 1000, 1, 1000, 1, 0, requested, 0, Percentiles.of(latency), null);
        return new RunResult(config, "io_uring", Instant.now(), SECOND, Latency.of(latency), List.of(second), 1,
                RunTotals.of(counts, statuses, null), 0, 0, false, false, client, null, List.of());
    }

    /** An open-loop result of 1000 responses in a second, asked for at {@code target}/s. */
    private static RunResult openLoop(double target, double busyPercent, double slotWaitShare, long serviceMeanNs) {
        RunResult r = result(10, 10, 0, client(busyPercent));
        Histogram service = new Histogram(1, SECOND * 60, 3);
        service.recordValueWithCount(serviceMeanNs, 1000);
        OpenLoopResult open = new OpenLoopResult(OpenLoopRate.constant(target, Arrival.UNIFORM), Latency.of(service),
                r.latency(), (long) (slotWaitShare * SECOND), SECOND);
        return new RunResult(r.config(), r.engine(), r.startedAt(), r.durationNs(), r.latency(), r.seconds(),
                r.bytesRead(), r.totals(), 0, 0, false, false, r.client(), open, List.of());
    }

    /** A result whose latencies are 1, 2, ... 10,000 us, with {@code client} as its client. */
    private static RunResult spread(ClientLoad client) {
        RunResult r = result(10, 10, 0, client);
        Histogram latency = new Histogram(1, SECOND * 60, 3);
        for (long us = 1; us <= 10_000; us++) {
            latency.recordValue(us * 1000);
        }
        return new RunResult(r.config(), r.engine(), r.startedAt(), r.durationNs(), Latency.of(latency), r.seconds(),
                r.bytesRead(), r.totals(), 0, 0, false, false, r.client(), null, List.of());
    }

    /** Every percentile in the JSON is the distribution's own, in its place: swapped fields would show. */
    @Test
    void jsonPercentilesAreEachTheirOwn() {
        RunResult r = spread(client(50));
        Object json = MiniJson.parse(JsonReport.run(r, new RunDescription(r.config().target().url(), "GET", List.of(),
                0, new int[0], false, true, null, List.of(), null), null, List.of()));
        Map<String, Double> expectedUs = Map.of("p2_5", 250.0, "p50", 5000.0, "p75", 7500.0, "p90", 9000.0,
                "p97_5", 9750.0, "p99", 9900.0, "p99_9", 9990.0, "min", 1.0, "max", 10000.0);
        expectedUs.forEach((key, us) -> assertThat((double) MiniJson.at(json, "latency." + key)).as(key)
                .isCloseTo(us, org.assertj.core.api.Assertions.within(us * 0.002 + 0.01)));
    }

    @Test
    void latenciesBelowZeroAreReportedAsAnAnomaly() {
        RunResult clean = result(10, 10, 0, client(50));
        Counts counts = Counts.zero().with(Counter.CONNECTIONS_ESTABLISHED, 10).with(Counter.RESPONSES, 1000)
                .with(Counter.LATENCY_BELOW_ZERO, 3);
        RunResult odd = new RunResult(clean.config(), clean.engine(), clean.startedAt(), clean.durationNs(),
                clean.latency(), clean.seconds(), clean.bytesRead(), RunTotals.of(counts, new long[600], null), 0, 0,
                false, false, clean.client(), null, List.of());
        RunDescription description = new RunDescription(clean.config().target().url(), "GET", List.of(), 0,
                new int[0], false, false, null, List.of(), null);
        java.io.StringWriter text = new java.io.StringWriter();
        Report.human(new java.io.PrintWriter(text), odd, description);
        assertThat(text.toString()).contains("ANOMALY: 3 latencies came out below zero and were recorded as 1 ns");
        java.io.StringWriter cleanText = new java.io.StringWriter();
        Report.human(new java.io.PrintWriter(cleanText), clean, description);
        assertThat(cleanText.toString()).doesNotContain("ANOMALY");
        Object json = MiniJson.parse(JsonReport.run(odd, description, null, List.of()));
        assertThat((double) MiniJson.at(json, "anomalies.latencyBelowZero")).isEqualTo(3);
    }

    @Test
    void aStallOfTheTailsOrderIsNamedAndAShortOneIsNot() {
        ClientLoad base = client(50);
        ClientLoad stalled = new ClientLoad(base.wallNs(), base.threadCpuNs(), base.threadUserNs(),
                base.threadBlockedNs(), 0, 0, new ClientStalls(new long[] {8_000_000}, new long[] {3_000_000}, 2, 40));
        assertThat(Verdicts.stallLine(spread(stalled))).isEqualTo("CLIENT STALL: thread 0 went 8.00 ms without reading "
                + "completions; p99 (9.90 ms), p99.9 (9.99 ms), p99.99 (10.00 ms), the maximum (10.00 ms) may be "
                + "ringload's, not the server's (during the run: engine threads descheduled 3.00 ms, GC pauses 2 ms, "
                + "JIT compiling 40 ms)");
        ClientLoad brief = new ClientLoad(base.wallNs(), base.threadCpuNs(), base.threadUserNs(),
                base.threadBlockedNs(), 0, 0, new ClientStalls(new long[] {900_000}, new long[] {0}, 0, 0));
        assertThat(Verdicts.stallLine(spread(brief))).as("under a millisecond").isNull();
        assertThat(Verdicts.clientLine(brief)).contains("longest stall 900.0 us");
    }

    @Test
    void aRateThatWasHeldHasNoShortfallLine() {
        RunResult held = openLoop(1005, 30, 0, 1_000_000);
        assertThat(Verdicts.shortfallLine(held)).isNull();
        assertThat(Verdicts.rateLine(held)).isEqualTo("target 1,005 req/s, achieved 1,000 req/s (99.50%); requests "
                + "waited for a free connection slot 0.0% of the time");
    }

    @Test
    void aShortfallSaysWhoseLimitItWas() {
        assertThat(Verdicts.shortfallLine(openLoop(2000, 95, 0.5, 1_000_000))).isEqualTo("RATE NOT HELD: achieved "
                + "50.0% of the target: the client was busy (see the client line); that is ringload's limit, not the "
                + "server's; add threads/cores (--threads/--cpus) or hosts");
        assertThat(Verdicts.shortfallLine(openLoop(2000, 40, 0.5, 20_000_000))).isEqualTo("RATE NOT HELD: achieved "
                + "50.0% of the target: every connection slot was in use 50% of the time; 10 slots (-c x -p) at the "
                + "mean service latency of 20.00 ms carry at most 500 req/s: raise -c or -p (unless the server is at "
                + "its limit)");
        assertThat(Verdicts.shortfallLine(openLoop(2000, 40, 0.01, 1_000_000))).isEqualTo("RATE NOT HELD: achieved "
                + "50.0% of the target: the server did not answer at that rate (service latency mean 1.00 ms, p99 "
                + "1.00 ms; requests waited for a free slot 1% of the time)");
        assertThat(Verdicts.shortfallLine(openLoop(2000, 40, 0.5, 1_000_000))).as("slots taken, but enough of them "
                + "for the rate at the service latency measured: the server's stalls took them").startsWith(
                "RATE NOT HELD: achieved 50.0% of the target: the server did not answer at that rate");
        assertThat(Verdicts.shortfallLine(openLoop(1010.5, 40, 0, 1_000_000))).as("rounded down")
                .startsWith("RATE NOT HELD: achieved 98.9% of the target");
    }

    private static ClientLoad client(double busyPercent) {
        long blocked = (long) (SECOND * (1 - busyPercent / 100));
        return new ClientLoad(SECOND, new long[] {SECOND / 2}, new long[] {SECOND / 4}, new long[] {blocked}, 0, 0);
    }

    @Test
    void connectionLineNamesTheConnectErrorsBehindAShortfall() {
        assertThat(Report.connectionLine(result(10, 10, 0, client(50)))).isEqualTo("10 requested, 10 established");
        assertThat(Report.connectionLine(result(10, 7, 12, client(50))))
                .isEqualTo("10 requested, 7 established (connect refused 12)");
        assertThat(Report.connectionLine(result(10, 7, 0, client(50))))
                .isEqualTo("10 requested, 7 established (still connecting at the stop)");
    }

    @Test
    void ceilingConclusionBlamesTheServerWhenItsCpusWereSaturated() {
        CeilingCommand.Step serverBound = new CeilingCommand.Step(32, 64, result(32, 32, 0, client(70)), 97, 99);
        assertThat(CeilingCommand.conclusion(serverBound, 1)).startsWith("the built-in server became the bottleneck "
                + "(its CPUs 97% busy): the client ceiling is above 1,000 req/s with 32 connections x pipelining 64");
        CeilingCommand.Step clientBound = new CeilingCommand.Step(32, 64, result(32, 32, 0, client(99)), 60, 99);
        assertThat(CeilingCommand.conclusion(clientBound, 2)).startsWith("client ceiling: 1,000 req/s with 32 "
                + "connections x pipelining 64 (500 req/s per client core, 500000 CPU-ns per request").contains("CLIENT-BOUND");
        CeilingCommand.Step neither = new CeilingCommand.Step(32, 64, result(32, 32, 0, client(40)), 60, 50);
        assertThat(CeilingCommand.conclusion(neither, 1)).startsWith("client not saturated at the best step (40% busy)");
    }

    @Test
    void verdictAndKneeLinesNameTheFlagsToChange() {
        ClientLoad busy = new ClientLoad(SECOND, new long[] {SECOND / 2, SECOND / 2}, new long[] {SECOND / 4, SECOND / 4},
                new long[] {SECOND / 20, SECOND / 10}, 0, 0);
        assertThat(Verdicts.clientLine(busy)).isEqualTo("client: 2 threads, 93% busy (user 25%, sys 25%) -> CLIENT-BOUND: "
                + "these numbers are ringload's limit, not the server's; add threads/cores (--threads/--cpus) or hosts");
        assertThat(Verdicts.clientLine(client(10))).isEqualTo("client: 1 thread, 10% busy (user 25%, sys 25%) -> not client-bound");
        assertThat(Verdicts.kneeLine(new Knee(1, 200, 2000, false, 50)))
                .isEqualTo("throughput stops scaling at ~200 connections (2,000 req/s)");
        assertThat(Verdicts.kneeLine(new Knee(-1, 200, 2000, false, 50)))
                .isEqualTo("throughput still scaling at the last step (200 connections, 2,000 req/s)");
        assertThat(Verdicts.kneeLine(new Knee(1, 200, 2000, true, 97)))
                .isEqualTo("throughput stops scaling at ~200 connections (2,000 req/s), but the client was the bound "
                        + "there (97% busy): that is ringload's limit, not the server's; add threads/cores "
                        + "(--threads/--cpus) or hosts");
    }
}
