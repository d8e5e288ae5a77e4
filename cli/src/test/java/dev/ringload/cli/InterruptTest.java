package dev.ringload.cli;

import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Ctrl-C (SIGTERM, as docker stop sends; SIGINT takes the same path) in the middle of a connect storm, a ramp and a
 * find-max step: exit 130, one parseable JSON report marked partial, and nothing measured before the signal lost.
 * Each signal goes once the built-in server has answered enough to prove the load is under way.
 */
@ParameterizedClass
@ValueSource(strings = {"uring", "nio"})
class InterruptTest {

    @Parameter
    String engine;

    @RegisterExtension
    static final ServeTarget target = ServeTarget.forClass();

    @BeforeEach
    void engineUsable() {
        if (engine.equals("uring")) {
            assumeTrue(IoUring.isAvailable(), () -> "io_uring unusable here: " + IoUring.probe().reason());
        }
    }

    /** Starts the CLI, waits (bounded) until the server has answered {@code answered} more, then SIGTERM. */
    private Map<String, Object> interrupted(long answered, long thenMs, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--engine", engine, "--json"));
        all.add(target.url());
        long before = target.server().served();
        Process process = RunCommandTest.startCli(all, List.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (target.server().served() - before < answered && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive()).as("still running when the signal goes").isTrue();
        Thread.sleep(thenMs);
        new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops after the signal").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isEqualTo(ExitCodes.INTERRUPTED);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) MiniJson.parse(out);
        assertThat(report.get("partial")).isEqualTo(true);
        return report;
    }

    private static double number(Object report, String path) {
        return ((Number) MiniJson.at(report, path)).doubleValue();
    }

    @Test
    void duringAConnectStormTheBooksStillBalance() throws Exception {
        // The signal goes 200 ms after the server's first answer: long enough for the client to have read one
        // (with no pause it could arrive first, and then the run had measured nothing), short of the storm's end.
        Map<String, Object> r = interrupted(1, 200, "run", "-c", "3000", "--warmup", "0", "-d", "60s");
        assertThat(number(r, "connections.requested")).isEqualTo(3000);
        assertThat(number(r, "connections.established")).isBetween(1.0, 3000.0);
        // Every request sent is a response, an error or still in flight at the stop.
        assertThat(number(r, "requests.sent")).isEqualTo(number(r, "requests.total") + number(r, "errors.total")
                + number(r, "connections.inFlightAtStop"));
        assertThat(number(r, "requests.total")).isPositive();
    }

    @Test
    void duringARampTheStepsAlreadyMeasuredAreKept() throws Exception {
        Map<String, Object> r = interrupted(1, 2500, "run", "--ramp", "2,4,8", "--step", "2s");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) r.get("steps");
        assertThat(steps).isNotEmpty();
        assertThat(number(steps.getFirst(), "responses")).isPositive();
        if (steps.size() > 1) { // the signal came after the first step: it is whole
            assertThat(number(steps.getFirst(), "durationSeconds")).isEqualTo(2.0);
        }
    }

    @Test
    void duringAFindMaxStepTheStepsSoFarAreKept() throws Exception {
        Map<String, Object> r = interrupted(2000, 1500, "find-max", "--slo", "p99<1s", "--start-rate", "1000",
                "--step", "2s", "--warmup", "0");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) r.get("steps");
        assertThat(steps).isNotEmpty();
        assertThat(number(steps.getFirst(), "responses")).isPositive();
    }
}
