package dev.ringload.engine.load;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedCountsTest {

    /**
     * The writer publishes snapshots whose every slot holds the same number, counting up; a reader must never see
     * two numbers in one snapshot (a torn copy) nor a number go back. Bounded by count and time.
     */
    @Test
    void aReaderSeesOnlyWholeSnapshotsThatNeverGoBack() throws Exception {
        PublishedCounts published = new PublishedCounts();
        AtomicBoolean done = new AtomicBoolean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        Thread writer = Thread.ofPlatform().start(() -> {
            long[] values = new long[Counts.SLOTS];
            for (long n = 1; n <= 5_000_000 && System.nanoTime() < deadline; n++) {
                java.util.Arrays.fill(values, n);
                published.publish(values);
            }
            done.set(true);
        });
        long last = 0;
        long reads = 0;
        while (!done.get()) {
            Counts c = published.read();
            long responses = c.get(Counter.RESPONSES);
            for (Counter counter : Counter.values()) {
                assertThat(c.get(counter)).as("torn snapshot").isEqualTo(responses);
            }
            for (ErrorKind kind : ErrorKind.values()) {
                assertThat(c.errors(kind)).as("torn snapshot").isEqualTo(responses);
            }
            assertThat(responses).isGreaterThanOrEqualTo(last);
            last = responses;
            reads++;
        }
        writer.join();
        assertThat(reads).isPositive();
        assertThat(published.read().get(Counter.RESPONSES)).isPositive();
    }

    @Test
    void countsAddUpSlotBySlot() {
        Counts a = Counts.zero().with(Counter.RESPONSES, 3).withErrors(ErrorKind.RESET, 2);
        Counts b = Counts.zero().with(Counter.RESPONSES, 4).withErrors(ErrorKind.TIMEOUT, 1);
        Counts sum = a.plus(b);
        assertThat(sum.get(Counter.RESPONSES)).isEqualTo(7);
        assertThat(sum.errors(ErrorKind.RESET)).isEqualTo(2);
        assertThat(sum.errors(ErrorKind.TIMEOUT)).isEqualTo(1);
        assertThat(sum.errors()).isEqualTo(3);
        assertThat(a.get(Counter.RESPONSES)).as("immutable").isEqualTo(3);
    }

    @Test
    void totalsGroupStatusesIntoClasses() {
        long[] statuses = new long[600];
        statuses[200] = 5;
        statuses[204] = 1;
        statuses[503] = 2;
        statuses[0] = 1; // outside 100-599
        RunTotals t = RunTotals.of(Counts.zero(), statuses, "ECONNREFUSED (connection refused)");
        assertThat(t.statusClasses()).containsExactly(1, 0, 6, 0, 0, 2);
        assertThat(t.status(204)).isEqualTo(1);
        assertThat(t.status(700)).isZero();
        assertThat(t.firstConnectError()).startsWith("ECONNREFUSED");
    }

    /** Status 0 counts the codes outside 100-599; codes past the table have no count. */
    @Test
    void statusesAtTheEdgesOfTheTable() {
        long[] statuses = new long[RunTotals.statusCodeLimit() + 5]; // longer than the table: the rest is dropped
        statuses[0] = 4;
        statuses[100] = 1;
        statuses[599] = 2;
        statuses[600] = 9;
        RunTotals t = RunTotals.of(Counts.zero(), statuses, null);
        assertThat(RunTotals.statusCodeLimit()).isEqualTo(600);
        assertThat(t.status(0)).isEqualTo(4);
        assertThat(t.status(599)).isEqualTo(2);
        assertThat(t.status(600)).isZero();
        assertThat(t.status(-1)).isZero();
        assertThat(t.statusClasses()).containsExactly(4, 1, 0, 0, 0, 2);
    }

    /** Stopped workers' counters add up slot by slot and status by status; the first connect error is kept. */
    @Test
    void totalsSumWorkersAndKeepTheFirstConnectError() {
        WorkerCounters a = new WorkerCounters();
        a.add(Counter.RESPONSES, 3);
        a.error(ErrorKind.RESET, 1);
        a.status(200);
        a.status(200);
        a.status(503);
        WorkerCounters b = new WorkerCounters();
        b.add(Counter.RESPONSES, 4);
        b.add(Counter.REQUESTS_SENT, 6);
        b.error(ErrorKind.TIMEOUT, 2);
        b.status(200);
        b.status(42); // outside 100-599: counted as status 0, not under its own number
        b.status(600);
        b.firstConnectError = "ECONNREFUSED (connection refused)";
        WorkerCounters c = new WorkerCounters();
        c.firstConnectError = "connect timed out after 200 ms";
        RunTotals t = RunTotals.of(java.util.List.of(a, b, c));
        assertThat(t.responses()).isEqualTo(7);
        assertThat(t.get(Counter.REQUESTS_SENT)).isEqualTo(6);
        assertThat(t.counts()).isEqualTo(Counts.zero().with(Counter.RESPONSES, 7).with(Counter.REQUESTS_SENT, 6)
                .withErrors(ErrorKind.RESET, 1).withErrors(ErrorKind.TIMEOUT, 2));
        assertThat(t.errors(ErrorKind.TIMEOUT)).isEqualTo(2);
        assertThat(t.errors()).isEqualTo(3);
        assertThat(t.status(200)).isEqualTo(3);
        assertThat(t.status(503)).isEqualTo(1);
        assertThat(t.status(0)).isEqualTo(2);
        assertThat(t.status(42)).isZero();
        assertThat(t.statusClasses()).containsExactly(2, 0, 3, 0, 0, 1);
        assertThat(t.firstConnectError()).isEqualTo("ECONNREFUSED (connection refused)");
        assertThat(RunTotals.of(java.util.List.of()).counts()).isEqualTo(Counts.zero());
    }

    @Test
    void countsAreEqualByValueAndSayWhatTheyHold() {
        Counts a = Counts.zero().with(Counter.RESPONSES, 3).withErrors(ErrorKind.RESET, 2);
        Counts same = Counts.zero().withErrors(ErrorKind.RESET, 2).with(Counter.RESPONSES, 3);
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(a.with(Counter.RESPONSES, 4));
        assertThat(a).isNotEqualTo(a.withErrors(ErrorKind.RESET, 1));
        assertThat(a.equals("Counts")).isFalse();
        assertThat(a.toString()).startsWith("Counts[").endsWith("closedMidPipeline=0]")
                .contains("responses=3 ", "reset=2 ", "timeout=0 ");
    }
}
