package dev.ringload.cli;

import dev.ringload.engine.load.Shard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --shard} and {@code --start-at}: what they accept, and one-line refusals (exit 2) for the rest. */
class ShardOptionsTest {

    /** Nothing listens on port 9 of loopback; every case here is refused before a connection is tried. */
    private static final String URL = "http://127.0.0.1:9/";

    @Test
    void aShardIsIndexSlashCountOrAutoFromTheJobIndex() {
        assertThat(ShardSpec.parse("2/4", name -> null)).isEqualTo(new Shard(2, 4));
        assertThat(ShardSpec.parse("auto/4", Map.of("JOB_COMPLETION_INDEX", "3")::get)).isEqualTo(new Shard(3, 4));
        assertThatThrownBy(() -> ShardSpec.parse("auto/4", name -> null))
                .hasMessageContaining("JOB_COMPLETION_INDEX").hasMessageContaining("not set");
        assertThatThrownBy(() -> ShardSpec.parse("auto/4", Map.of("JOB_COMPLETION_INDEX", "4")::get))
                .hasMessage("--shard auto/4: need 0 <= I < N, got I=4, N=4");
    }

    @Test
    void badShardsAreRefusedInOneLineWithExitTwo() {
        for (String bad : new String[] {"3/3", "0/0", "-1/2", "x/2", "1", "1/two", "auto/3"}) {
            Cli.Outcome o = Cli.execute("run", "--shard", bad, "-d", "1s", URL);
            assertThat(o.exitCode()).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(o.err().strip()).as(bad).startsWith("ringload: --shard").doesNotContain("\n");
        }
    }

    @Test
    void aShardWithoutAConnectionOrARequestIsRefused() {
        assertThat(Cli.execute("run", "--shard", "2/3", "-c", "2", "-d", "1s", URL).err())
                .contains("-c 2 leaves this shard no connection");
        assertThat(Cli.execute("run", "--shard", "2/3", "-c", "3", "-n", "2", URL).err())
                .contains("-n 2 leaves this shard no request");
        assertThat(Cli.execute("find-max", "--shard", "0/2", "--slo", "p99<10ms", URL).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void startAtTakesIsoInstantsAndUnixSecondsAndRefusesThePast() {
        Instant now = Instant.parse("2026-11-30T14:00:00Z");
        assertThat(StartAt.parse("2026-11-30T14:00:05Z", now)).isEqualTo(Instant.parse("2026-11-30T14:00:05Z"));
        assertThat(StartAt.parse("2026-11-30T15:00:05+01:00", now)).isEqualTo(Instant.parse("2026-11-30T14:00:05Z"));
        long unix = now.getEpochSecond() + 5;
        assertThat(StartAt.parse(unix + ".25", now)).isEqualTo(Instant.ofEpochSecond(unix, 250_000_000));
        assertThatThrownBy(() -> StartAt.parse("2026-11-30T13:59:59Z", now)).hasMessageContaining("in the past");
        assertThatThrownBy(() -> StartAt.parse("soon", now)).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> StartAt.parse("99999999999999999999999", now)).hasMessageContaining("ISO-8601");
    }

    @Test
    void aStartInThePastOrWithARequestCountIsRefused() {
        Cli.Outcome past = Cli.execute("run", "--start-at", "1000000000", "-d", "1s", URL);
        assertThat(past.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(past.err()).contains("in the past");
        String soon = Long.toString(Instant.now().getEpochSecond() + 60);
        assertThat(Cli.execute("run", "--start-at", soon, "-n", "10", URL).err())
                .contains("--start-at cannot be combined with -n");
    }
}
