package dev.ringload.engine.mix;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ringload.engine.http.RequestParser;

import java.lang.foreign.MemorySegment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link RawRequests}: a file is either refused with a one-line {@code NAME:LINE: reason}, or it is one
 * request that the built-in server's {@link RequestParser} frames as exactly one complete, valid request (the bytes
 * go to the wire unchanged, so anything a strict server would refuse must be refused here).
 */
class RawRequestsFuzzTest {

    @FuzzTest
    void acceptsOnlyOneWellFramedRequest(byte[] input) {
        RequestSpec spec;
        try {
            spec = RawRequests.parse("raw.http", input);
        } catch (IllegalArgumentException e) {
            // The message quotes the offending line, whatever bytes it holds, but never more than that line.
            assertThat(e.getMessage()).matches("(?s)raw\\.http:[1-9][0-9]*: .+").doesNotContain("\n");
            return;
        }
        assertThat(spec.raw()).isEqualTo(input);
        assertThat(HttpSyntax.isToken(spec.method())).isTrue();
        RequestParser parser = new RequestParser();
        parser.parse(MemorySegment.ofArray(input), 0, input.length);
        assertThat(parser.error()).as("the server's verdict on an accepted raw request").isZero();
        assertThat(parser.completed()).isEqualTo(1);
        // Nothing of the file is left over for a next request: a trailing byte would desynchronise keep-alive.
        parser.reset();
        parser.parse(MemorySegment.ofArray(input), 0, input.length - 1);
        assertThat(parser.completed()).isZero();
    }
}
