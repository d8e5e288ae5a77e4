package dev.ringload.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shards run against the built-in server, one after the other, and merged: their shares add up to the run. */
class ShardRunTest {

    @RegisterExtension
    static final ServeTarget target = ServeTarget.forClass();

    @TempDir
    Path dir;

    @Test
    void threeShardsOfMinusNSendExactlyNTogether() throws IOException {
        List<String> files = new ArrayList<>(List.of("merge", "--json"));
        long[] shares = new long[3];
        for (int i = 0; i < 3; i++) {
            Cli.Outcome o = Cli.execute("run", "--shard", i + "/3", "-c", "7", "-t", "1", "-n", "100", "--json",
                    target.url());
            assertThat(o.exitCode()).as(o.err()).isZero();
            Object report = MiniJson.parse(o.out());
            shares[i] = Math.round((Double) MiniJson.at(report, "requests.total"));
            assertThat(MiniJson.at(report, "config.connections")).isEqualTo(i == 0 ? 3.0 : 2.0);
            assertThat(MiniJson.at(report, "shard.runConnections")).isEqualTo(7.0);
            Path file = Files.writeString(dir.resolve("shard" + i + ".json"), o.out());
            files.add(file.toString());
        }
        assertThat(shares).containsExactly(34, 33, 33);
        Cli.Outcome merged = Cli.execute(files.toArray(String[]::new));
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        Object report = MiniJson.parse(merged.out());
        assertThat(MiniJson.at(report, "requests.total")).isEqualTo(100.0);
        assertThat(MiniJson.at(report, "latency.count")).isEqualTo(100.0);
        assertThat(MiniJson.at(report, "config.connections")).isEqualTo(7.0);
        assertThat(MiniJson.at(report, "shards.merged")).isEqualTo(3.0);
    }

    @Test
    void aTimedStartMeasuresFromItsInstantAndClosesSecondsFromIt() {
        // Whole seconds ahead: enough for this in-process run to connect first even on a busy test host.
        Instant at = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 4);
        Cli.Outcome o = Cli.execute("run", "--shard", "0/1", "--start-at", at.toString(), "--warmup", "0", "-d", "2s",
                "-c", "2", "-t", "1", "--json", target.url());
        assertThat(o.exitCode()).as(o.err()).isZero();
        Object report = MiniJson.parse(o.out());
        assertThat(MiniJson.at(report, "startAt")).isEqualTo(at.toString());
        double measuredFrom = (Double) MiniJson.at(report, "measureStartEpochMs");
        assertThat(measuredFrom).isBetween((double) at.toEpochMilli(), at.toEpochMilli() + 1000.0);
        assertThat((Double) MiniJson.at(report, "warmup.seconds")).as("connecting before the start").isGreaterThan(0.5);
        assertThat(MiniJson.at(report, "requests.total")).as("what came before the start is not counted")
                .isEqualTo(MiniJson.at(report, "latency.count"));
        List<?> seconds = (List<?>) MiniJson.at(report, "series.seconds");
        assertThat(seconds).hasSize(2);
        assertThat((Double) seconds.get(0)).as("the first second ends a whole second after the instant").isLessThan(1.0);
        assertThat((List<?>) MiniJson.at(report, "series.latency.histograms")).hasSize(2);
    }
}
