package dev.ringload.engine.mix;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link TargetsFile}: a file is either refused with a one-line {@code FILE:LINE: reason}, or read into
 * targets that each have a token method, an http URL, a weight of at least 1 and {@code Name: value} headers.
 * Body-file lines may only name the one body file the test writes, so the fuzzer reads nothing else.
 */
class TargetsFileFuzzTest {

    private static final Path DIR;
    private static final Path FILE;

    static {
        try {
            DIR = Files.createTempDirectory("ringload-targets-fuzz");
            DIR.toFile().deleteOnExit();
            Files.writeString(DIR.resolve("body.json"), "{\"id\":{seq}}\n");
            DIR.resolve("body.json").toFile().deleteOnExit();
            FILE = DIR.resolve("targets.txt");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void readsTargetsOrSaysWhereTheFileIsWrong(byte[] input) throws IOException {
        for (String line : new String(input, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("@") && !stripped.substring(1).strip().equals("body.json")) {
                return;
            }
        }
        Files.write(FILE, input);
        List<RequestSpec> specs;
        try {
            specs = TargetsFile.parse(FILE);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith(FILE + ":").doesNotContain("\n");
            return;
        }
        assertThat(specs).isNotEmpty();
        for (RequestSpec spec : specs) {
            assertThat(HttpSyntax.isToken(spec.method())).isTrue();
            assertThat(spec.url().toLowerCase(Locale.ROOT)).startsWith("http://");
            assertThat(spec.weight()).isPositive();
            for (String header : spec.headers()) {
                int colon = header.indexOf(':');
                assertThat(colon).isPositive();
                assertThat(HttpSyntax.isToken(header.substring(0, colon))).isTrue();
                assertThat(HttpSyntax.hasControl(header.substring(colon + 1))).isFalse();
            }
        }
    }
}
