package dev.ringload.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuListConverterTest {

    @Test
    void rangesAndSinglesInTheOrderGivenWithoutDuplicates() {
        assertThat(CpuListConverter.parse(" 0-3, 8,2,10-11 ")).containsExactly(0, 1, 2, 3, 8, 10, 11);
    }

    /** Every CPU the kernel can number, each once and in order, however often the list repeats them. */
    @Test
    void theWidestRangeIsEveryCpuOnce() {
        assertThat(CpuListConverter.parse("0-65535,100-200,65535,0-65535"))
                .containsExactly(IntStream.rangeClosed(0, 65535).toArray());
    }

    /** Found by ConverterFuzzTest: a list of nothing but commas used to parse as no CPUs at all. */
    @Test
    void onlyCommasAreRefused() {
        for (String text : new String[] {",", " , ", ",,", ",\u000b\u0000"}) {
            assertThatThrownBy(() -> CpuListConverter.parse(text))
                    .isInstanceOf(CommandLine.TypeConversionException.class)
                    .hasMessageContaining("is not a CPU list");
        }
    }

    @Test
    void reversedOrOutOfRangeRangesAreRefused() {
        for (String text : new String[] {"3-1", "-1", "0-65536", "1-2-3", ""}) {
            assertThatThrownBy(() -> CpuListConverter.parse(text))
                    .isInstanceOf(CommandLine.TypeConversionException.class);
        }
    }
}
