package dev.ringload.engine.http;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseParserTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nServer: ringload\r\nDate: Sat, 28 Nov 2026 01:44:19 GMT\r\n"
            + "Content-Type: application/json\r\nContent-Length: 16\r\nConnection: keep-alive\r\n\r\n{\"message\":\"hi\"}";
    private static final String CHUNKED = "HTTP/1.1 201 Created\r\ntransfer-ENCODING: gzip, Chunked\r\n\r\n"
            + "4;ext=1\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: never\r\nX: y\r\n\r\n";
    private static final String CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";
    private static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n";
    private static final String CLOSE = "HTTP/1.1 404 Not Found\r\nCONNECTION: Close\r\ncontent-length: 3\r\n\r\nno!";
    private static final String ALL = OK + CHUNKED + CONTINUE + OK + NO_CONTENT + CLOSE;

    record Done(int status, boolean closes) {
    }

    private final ResponseParser parser = new ResponseParser();

    private List<Done> feed(byte[] bytes, int... cuts) {
        List<Done> done = new ArrayList<>();
        MemorySegment segment = MemorySegment.ofArray(bytes);
        int from = 0;
        for (int k = 0; k <= cuts.length; k++) {
            long to = k < cuts.length ? cuts[k] : bytes.length;
            long i = from;
            while (i < to && !parser.failed()) {
                i = parser.parse(segment, i, to);
                if (parser.complete()) {
                    done.add(new Done(parser.status(), parser.closes()));
                }
            }
            from = (int) to;
        }
        return done;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final List<Done> EXPECTED = List.of(new Done(200, false), new Done(201, false),
            new Done(200, false), new Done(204, false), new Done(404, true));

    @Test
    void wholeBuffer() {
        assertThat(feed(bytes(ALL))).isEqualTo(EXPECTED);
    }

    @Test
    void everySplitPoint() {
        byte[] all = bytes(ALL);
        for (int cut = 1; cut < all.length; cut++) {
            parser.reset();
            assertThat(feed(all, cut)).as("split at %d", cut).isEqualTo(EXPECTED);
        }
    }

    @Test
    void byteByByte() {
        byte[] all = bytes(ALL);
        int[] cuts = new int[all.length - 1];
        for (int i = 0; i < cuts.length; i++) cuts[i] = i + 1;
        assertThat(feed(all, cuts)).isEqualTo(EXPECTED);
    }

    @Test
    void headResponsesHaveNoBody() {
        parser.expectNoBody(true);
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n";
        assertThat(feed(bytes(head + head))).containsExactly(new Done(200, false), new Done(200, false));
    }

    @Test
    void http10ClosesUnlessKeepAlive() {
        assertThat(feed(bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"))).containsExactly(new Done(200, true));
        assertThat(feed(bytes("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")))
                .containsExactly(new Done(200, false));
    }

    @Test
    void bodyWithoutLengthRunsUntilClose() {
        assertThat(feed(bytes("HTTP/1.1 200 OK\r\n\r\nsome body that never ends"))).isEmpty();
        assertThat(parser.finishAtClose()).isTrue();
        assertThat(parser.closes()).isTrue();
        assertThat(parser.status()).isEqualTo(200);
    }

    @Test
    void garbageFails() {
        for (String garbage : List.of("HTTX/1.1 200 OK\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n", "<html>hello</html>",
                "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HTTP/1.1 200 OK\r\n: empty name\r\n\r\n",
                "HTTP/1. 200 OK\r\n\r\n", "HTTP/1 200 OK\r\n\r\n", "HTTP/1.11 200 OK\r\n\r\n", "HTTP/1.x 200 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n")) {
            ResponseParser p = new ResponseParser();
            MemorySegment s = MemorySegment.ofArray(bytes(garbage));
            long i = 0;
            while (i < s.byteSize() && !p.failed()) {
                i = p.parse(s, i, s.byteSize());
                assertThat(p.complete()).as(garbage).isFalse();
            }
            assertThat(p.failed()).as(garbage).isTrue();
        }
    }

    @Test
    void hugeHeadFails() {
        String huge = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseParser.MAX_HEAD_BYTES) + "\r\n\r\n";
        feed(bytes(huge));
        assertThat(parser.failed()).isTrue();
    }

    @Test
    void largeBodiesAreSkippedAcrossBuffers() {
        String body = "x".repeat(100_000);
        String big = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        assertThat(feed(bytes(big + OK), 50, 16_384, 32_768, 99_000)).containsExactly(new Done(200, false),
                new Done(200, false));
    }

    @Test
    void wholeAndByteByByteAgreeOnMangledInput() {
        Random random = new Random(11);
        String[] pieces = {OK, CHUNKED, CONTINUE + OK, NO_CONTENT, CLOSE, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nab"};
        byte[] noise = bytes(" :\r\n\t0aZ;");
        int lenient = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) text.append(pieces[random.nextInt(pieces.length)]);
            byte[] input = bytes(text.toString());
            for (int flips = random.nextInt(3); flips > 0; flips--) {
                input[random.nextInt(input.length)] = noise[random.nextInt(noise.length)];
            }
            ResponseParser whole = new ResponseParser();
            List<Done> wholeDone = new ArrayList<>();
            MemorySegment s = MemorySegment.ofArray(input);
            long i = 0;
            while (i < input.length && !whole.failed()) {
                i = whole.parse(s, i, input.length);
                if (whole.complete()) wholeDone.add(new Done(whole.status(), whole.closes()));
            }
            ResponseParser bytewise = new ResponseParser();
            List<Done> bytewiseDone = new ArrayList<>();
            for (int k = 0; k < input.length && !bytewise.failed(); k++) {
                bytewise.parse(s, k, k + 1);
                if (bytewise.complete()) bytewiseDone.add(new Done(bytewise.status(), bytewise.closes()));
            }
            String what = new String(input, StandardCharsets.ISO_8859_1);
            // The whole-buffer fast path does not validate names of headers that cannot change framing, so it
            // may accept what the byte-wise path rejects, never the reverse, and never frames differently.
            if (!bytewise.failed()) {
                assertThat(whole.failed()).as(what).isFalse();
                assertThat(wholeDone).as(what).isEqualTo(bytewiseDone);
            } else if (!whole.failed()) {
                lenient++;
            }
        }
        assertThat(lenient).as("inputs only the fast path accepts").isLessThan(300);
    }

    /** Line scanning works a word at a time: lone CRs must be caught at every position relative to a word. */
    @Test
    void loneCarriageReturnIsRejectedAtEveryOffset() {
        for (int pad = 0; pad < 20; pad++) {
            String line = "X-Pad: " + "a".repeat(pad);
            String good = "HTTP/1.1 200 OK\r\n" + line + "\r\nContent-Length: 0\r\n\r\n";
            ResponseParser ok = new ResponseParser();
            MemorySegment s = MemorySegment.ofArray(bytes(good));
            ok.parse(s, 0, s.byteSize());
            assertThat(ok.complete()).as("pad %d", pad).isTrue();
            for (int at = 0; at <= line.length(); at++) {
                String bad = "HTTP/1.1 200 OK\r\n" + line.substring(0, at) + "\r" + line.substring(at)
                        + "\r\nContent-Length: 0\r\n\r\n";
                ResponseParser p = new ResponseParser();
                MemorySegment b = MemorySegment.ofArray(bytes(bad));
                long i = 0;
                while (i < b.byteSize() && !p.failed()) {
                    i = p.parse(b, i, b.byteSize());
                    assertThat(p.complete()).as("pad %d, CR at %d", pad, at).isFalse();
                }
                assertThat(p.failed()).as("pad %d, CR at %d", pad, at).isTrue();
            }
        }
    }

    /**
     * A head read byte by byte (here: split across receives) starts from nothing, whatever the whole head before it
     * set: its status, version, Content-Length and Connection tokens are not carried over.
     */
    @Test
    void aSplitHeadForgetsTheHeadReadWholeBeforeIt() {
        String first = "HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok";
        String second = "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        assertThat(feed(bytes(first + second), first.length() + 5))
                .containsExactly(new Done(200, false), new Done(404, false));
        assertThat(parser.failed()).isFalse();
    }
}
