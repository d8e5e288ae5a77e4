package dev.ringload.cli;

import dev.ringload.engine.os.Affinity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CeilingCommandTest {

    @Test
    void completesAndReportsConsistentFigures() {
        assumeTrue(Affinity.allowedCpus().cardinality() >= 2, "needs a CPU for the client and one for the server");
        Cli.Outcome o = Cli.execute("ceiling", "-d", "300ms", "--connections-per-thread", "8");
        assertThat(o.exitCode()).as(o.err()).isZero();
        List<Long> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\s+(\\d+)\\s+(\\d+)\\s+([\\d,]+)\\s+\\d+%\\s+\\d+%\\s+\\d+%$").matcher(o.out());
        while (row.find()) {
            rows.add(Long.parseLong(row.group(3).replace(",", "")));
        }
        assertThat(rows).as(o.out()).hasSizeGreaterThanOrEqualTo(2);
        long best = rows.stream().mapToLong(Long::longValue).max().orElseThrow();
        Matcher conclusion = Pattern.compile("(client ceiling: |client ceiling is above |at least )([\\d,]+) req/s with "
                + "(\\d+) connections x pipelining (\\d+) \\(([\\d,]+) req/s per client core, (\\d+) CPU-ns per request")
                .matcher(o.out());
        assertThat(conclusion.find()).as(o.out()).isTrue();
        long reported = Long.parseLong(conclusion.group(2).replace(",", ""));
        assertThat(reported).as("the conclusion names the best step").isEqualTo(best);
        int clientCores = Affinity.allowedCpus().cardinality() - CeilingCommand.defaultServerCpus(
                Affinity.allowedCpus().stream().toArray()).length;
        long perCore = Long.parseLong(conclusion.group(5).replace(",", ""));
        assertThat((double) perCore).isCloseTo((double) best / clientCores, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Long.parseLong(conclusion.group(6))).isPositive();
    }

    @Test
    void serverGetsTheLastQuarterOfTheCpus() {
        assertThat(CeilingCommand.defaultServerCpus(new int[] {0})).containsExactly(0);
        assertThat(CeilingCommand.defaultServerCpus(new int[] {0, 1})).containsExactly(1);
        assertThat(CeilingCommand.defaultServerCpus(new int[] {0, 1, 2, 3, 4, 5, 6, 7})).containsExactly(6, 7);
        int[] seventyTwo = java.util.stream.IntStream.range(0, 72).toArray();
        assertThat(CeilingCommand.defaultServerCpus(seventyTwo)).hasSize(18).startsWith(54).endsWith(71);
    }
}
