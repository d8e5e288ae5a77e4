package dev.ringload.cli;

import dev.ringload.engine.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code ringload find-max} in-process against the built-in server with a known capacity. Steps are short. */
class FindMaxCommandTest {

    /** Each test serves its own capacity. */
    @RegisterExtension
    static final ServeTarget target = ServeTarget.forEachTest();

    @Test
    void findsTheCapacityOfARateLimitedServer() {
        String url = target.start(ServeTarget.loopback().withFaults(new ServerConfig.Faults(0, 0, 10_000)));
        // A second of warmup per step: the first step is this JVM's first load, and JIT pauses must not fail it.
        Cli.Outcome o = Cli.execute("find-max", url, "--slo", "p99<20ms", "--start-rate", "2500", "--step", "1s",
                "--warmup", "1s", "-c", "50", "-t", "1", "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        double max = (double) MiniJson.at(json, "conclusion.maxRate");
        assertThat(max).as("the server answers at most 10,000/s").isBetween(9_000.0, 11_000.0);
        assertThat(MiniJson.at(json, "conclusion.outcome")).isEqualTo("converged");
        assertThat((String) MiniJson.at(json, "conclusion.line")).startsWith("max sustainable rate: ");
        List<?> steps = (List<?>) MiniJson.at(json, "steps");
        assertThat(steps.size()).isBetween(4, 12);
        Map<?, ?> first = (Map<?, ?>) steps.getFirst();
        assertThat(first.get("target")).isEqualTo(2500.0);
        assertThat(first.get("good")).isEqualTo(true);
        assertThat(steps).anySatisfy(s -> assertThat(((Map<?, ?>) s).get("good")).isEqualTo(false));
        assertThat(MiniJson.at(json, "slos")).isEqualTo(List.of("p99<20ms"));
    }

    @Test
    void printsAStepTableAndTheConclusion() {
        String url = target.start(ServeTarget.loopback().withFaults(new ServerConfig.Faults(0, 0, 4_000)));
        Cli.Outcome o = Cli.execute("find-max", url, "--slo", "p99<20ms", "--slo", "errors<1%", "--start-rate",
                "3000", "--step", "500ms", "--warmup", "300ms", "-c", "20", "-t", "1", "--max-steps", "3");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("SLOs: p99<20ms, errors<1%").contains("step  target req/s  achieved req/s")
                .contains("3,000").contains("6,000").contains("achieved")
                .contains("max sustainable rate: at least ").contains("--max-steps");
    }

    @Test
    void noRateMeetingTheSlosIsExit99() {
        String url = target.start(ServeTarget.loopback().withDelayNs(TimeUnit.MILLISECONDS.toNanos(30)));
        Cli.Outcome o = Cli.execute("find-max", url, "--slo", "p99<5ms", "--start-rate", "4", "--step", "500ms",
                "--warmup", "200ms", "-c", "4", "-t", "1");
        assertThat(o.exitCode()).as(o.out() + o.err()).isEqualTo(99);
        assertThat(o.out()).contains("no rate met the SLOs, down to 1 req/s");
    }

    @Test
    void saysWhenTheAnswerIsTheClientsLimit() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs a core for the server and one for the client");
        int cpus = Runtime.getRuntime().availableProcessors();
        // An io_uring server on its own core against a NIO client on another: the client, which spends about twice
        // the CPU per request, is the bound (on two cores the server's core also carries loopback's work).
        String url = target.start(ServeTarget.loopback().withCpus(new int[] {cpus - 1}));
        // A loose SLO: only the rate the client can hold ends the search (on a slow moment of this VM a tight p99
        // can break first, well below the client's ceiling, and then the answer is not the client's limit).
        Cli.Outcome o = Cli.execute("find-max", url, "--slo", "p99<1s", "--step", "1s", "--warmup", "500ms",
                "-c", "50", "--cpus", "0", "--engine", "nio", "--json");
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object json = MiniJson.parse(o.out());
        assertThat(MiniJson.at(json, "conclusion.clientBound")).as(o.out()).isEqualTo(true);
        assertThat((String) MiniJson.at(json, "conclusion.clientLine")).contains("ringload's limit, not the server's");
        assertThat((double) MiniJson.at(json, "probe.requestsPerSecond")).isPositive();
        assertThat((double) MiniJson.at(json, "startRate"))
                .isEqualTo(Math.floor((double) MiniJson.at(json, "probe.requestsPerSecond") / 4));
    }

    @Test
    void badInputIsExit2WithOneLine() {
        record Case(String[] args, String message) {
        }
        for (Case c : List.of(
                new Case(new String[] {"find-max", "http://127.0.0.1:1/"}, "Missing required option: '--slo=EXPR'"),
                new Case(new String[] {"find-max", "http://127.0.0.1:1/", "--slo", "p99<10"}, "bad SLO 'p99<10'"),
                new Case(new String[] {"find-max", "http://127.0.0.1:1/", "--slo", "rps>10"}, "cannot be a search SLO"),
                new Case(new String[] {"find-max", "http://127.0.0.1:1/", "--slo", "p99<1s", "--start-rate", "0"},
                        "--start-rate must be at least 1"),
                new Case(new String[] {"find-max", "http://127.0.0.1:1/", "--slo", "p99<1s", "--arrival", "x"},
                        "--arrival must be uniform or poisson"))) {
            Cli.Outcome o = Cli.execute(c.args());
            assertThat(o.exitCode()).as(String.join(" ", c.args())).isEqualTo(2);
            assertThat(o.err()).as(String.join(" ", c.args())).contains(c.message()).doesNotContain("\tat ");
        }
    }
}
