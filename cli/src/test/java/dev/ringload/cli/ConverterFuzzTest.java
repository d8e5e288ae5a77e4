package dev.ringload.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the option converters: each either returns a valid value or throws picocli's
 * {@link CommandLine.TypeConversionException} with a message, which picocli prints as the usage error.
 */
class ConverterFuzzTest {

    @FuzzTest
    void durationIsValidOrRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Duration duration;
        try {
            duration = DurationConverter.parse(text);
        } catch (CommandLine.TypeConversionException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(duration.isNegative()).isFalse();
    }

    @FuzzTest
    void cpuListIsValidOrRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int[] cpus;
        try {
            cpus = CpuListConverter.parse(text);
        } catch (CommandLine.TypeConversionException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(cpus).isNotEmpty();
        assertThat(Arrays.stream(cpus).allMatch(cpu -> cpu >= 0 && cpu <= 65535)).isTrue();
        assertThat(Arrays.stream(cpus).distinct().count()).isEqualTo(cpus.length);
    }
}
