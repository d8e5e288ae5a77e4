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
}
