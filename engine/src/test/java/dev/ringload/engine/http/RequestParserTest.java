package dev.ringload.engine.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestParserTest {

    /**
     * The word-at-a-time scan finds the same byte as a byte loop: the first below the bound or DEL, at every
     * offset and length (so every tail), with bytes from the whole range around it (high bytes are not flagged).
     */
    @Test
    void theWordScanFindsTheFirstControlByteAsAByteLoopWould() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        byte[] interesting = {0x00, 0x09, 0x0d, 0x1f, 0x20, 0x21, 0x41, 0x7e, 0x7f, (byte) 0x80, (byte) 0xa0,
                (byte) 0xff};
        MemorySegment segment = MemorySegment.ofArray(new byte[64]);
        for (int round = 0; round < 20_000; round++) {
            for (int k = 0; k < 64; k++) {
                boolean rare = random.nextInt(12) == 0;
                segment.set(java.lang.foreign.ValueLayout.JAVA_BYTE, k,
                        rare ? interesting[random.nextInt(interesting.length)] : (byte) (0x21 + random.nextInt(0x5e)));
            }
            long from = random.nextInt(32);
            long limit = from + random.nextInt(33);
            for (int below : new int[] {0x20, 0x21}) {
                long want = limit;
                for (long i = from; i < limit; i++) {
                    int b = segment.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) & 0xff;
                    if (b < below || b == 0x7f) {
                        want = i;
                        break;
                    }
                }
                assertThat(RequestParser.firstControl(segment, from, limit, below))
                        .as("round %d from %d limit %d below %x", round, from, limit, below).isEqualTo(want);
            }
        }
    }

    private static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    private static final String POST = "POST /x?y=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\nhello world";
    private static final String CHUNKED = "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\nB;ext=1\r\n world, yes\r\n0\r\nX-Trailer: t\r\n\r\n";
    private static final String CLOSE = "GET /last HTTP/1.1\r\nConnection: close\r\n\r\n";
    private static final String ALL = GET + POST + CHUNKED + GET + CLOSE;

    private final RequestParser parser = new RequestParser();

    /** Feeds each piece in turn; returns the total completed. */
    private int feed(byte[] bytes, int... cuts) {
        int total = 0;
        int from = 0;
        MemorySegment segment = MemorySegment.ofArray(bytes);
        for (int cut : cuts) {
            parser.parse(segment, from, cut - from);
            total += parser.completed();
            from = cut;
        }
        parser.parse(segment, from, bytes.length - from);
        return total + parser.completed();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void pipelinedRequestsInOneReceive() {
        assertThat(feed(bytes(GET + GET + GET))).isEqualTo(3);
        assertThat(parser.closeAfterLast()).isFalse();
        assertThat(parser.error()).isZero();
        assertThat(parser.stopped()).isFalse();
    }

    @Test
    void everySplitPointGivesTheSameFraming() {
        byte[] all = bytes(ALL);
        for (int cut = 1; cut < all.length; cut++) {
            parser.reset();
            assertThat(feed(all, cut)).as("split at %d", cut).isEqualTo(5);
            assertThat(parser.closeAfterLast()).isTrue();
            assertThat(parser.error()).isZero();
        }
    }

    /** Which requests were HEADs, by number (asking forgets them, as the server's asking does). */
    private java.util.List<Long> heads() {
        java.util.List<Long> numbers = new java.util.ArrayList<>();
        for (long n = parser.nextHeadFrom(0); n != Long.MAX_VALUE; n = parser.nextHeadFrom(n + 1)) {
            numbers.add(n);
        }
        return numbers;
    }

    @Test
    void headRequestsAreNumberedAtEverySplitPoint() {
        String head = "HEAD /h HTTP/1.1\r\nHost: a\r\n\r\n";
        String head10 = "HEAD /h HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"; // the state machine's
        String lookAlikes = "HEADX / HTTP/1.1\r\n\r\nhead / HTTP/1.1\r\n\r\nHEA / HTTP/1.1\r\n\r\n"
                + "HEAD /x HTTP/1.1\r\nContent-Length: 4\r\n\r\nHEAD"; // a HEAD, its body only looks like one
        byte[] all = bytes(GET + head + POST + head10 + lookAlikes + head + CLOSE);
        for (int cut = 0; cut < all.length; cut++) {
            parser.reset();
            assertThat(feed(all, cut)).as("split at %d", cut).isEqualTo(10);
            assertThat(heads()).as("split at %d", cut).containsExactly(1L, 3L, 7L, 8L);
        }
        int[] cuts = new int[all.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        parser.reset();
        feed(all, cuts);
        assertThat(parser.nextHeadFrom(4)).isEqualTo(7);
        assertThat(parser.nextHeadFrom(0)).as("the ones before 4 are forgotten").isEqualTo(7);
        assertThat(heads()).containsExactly(7L, 8L);
        parser.reset();
        assertThat(parser.nextHeadFrom(0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void manyPipelinedHeadsAreAllKept() {
        byte[] all = bytes(("HEAD / HTTP/1.1\r\n\r\n" + GET).repeat(1000));
        assertThat(feed(all)).isEqualTo(2000);
        java.util.List<Long> heads = heads();
        assertThat(heads).hasSize(1000);
        for (int i = 0; i < heads.size(); i++) {
            assertThat(heads.get(i)).isEqualTo(2L * i);
        }
    }

    @Test
    void byteByByte() {
        byte[] all = bytes(ALL);
        int[] cuts = new int[all.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertThat(feed(all, cuts)).isEqualTo(5);
        assertThat(parser.stopped()).isTrue();
    }

    @Test
    void bodiesAreNotMistakenForRequests() {
        String body = "GET / HTTP/1.1\r\n\r\n";
        String post = "POST / HTTP/1.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        assertThat(feed(bytes(post + GET))).isEqualTo(2);
    }

    @Test
    void inputAfterConnectionCloseIsIgnored() {
        assertThat(feed(bytes(CLOSE + GET + GET))).isEqualTo(1);
        assertThat(parser.closeAfterLast()).isTrue();
        parser.parse(MemorySegment.ofArray(bytes(GET)), 0, GET.length());
        assertThat(parser.completed()).isZero();
    }

    @Test
    void http10ClosesUnlessKeepAlive() {
        assertThat(feed(bytes("GET / HTTP/1.0\r\n\r\n"))).isEqualTo(1);
        assertThat(parser.closeAfterLast()).isTrue();
        parser.reset();
        assertThat(feed(bytes("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET / HTTP/1.0\r\n\r\n"))).isEqualTo(2);
        assertThat(parser.closeAfterLast()).isTrue();
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        assertThat(feed(bytes("POST / HTTP/1.1\r\ncOnTeNt-LeNgTh:  3 \r\n\r\nabc" + GET))).isEqualTo(2);
        parser.reset();
        assertThat(feed(bytes("GET / HTTP/1.1\r\nCONNECTION: CLOSE\r\n\r\n"))).isEqualTo(1);
        assertThat(parser.closeAfterLast()).isTrue();
    }

    @Test
    void bareLineFeedsAreAccepted() {
        assertThat(feed(bytes("GET / HTTP/1.1\nHost: a\n\nGET / HTTP/1.1\n\n"))).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GARBAGE\r\n\r\n",
            "GET /\r\n\r\n",
            "GET / HTTP/2.0\r\n\r\n",
            "GET / HTTP/1.\r\n\r\n",
            "GET / HTTP/1\r\n\r\n",
            "GET / HTTP/1.11\r\n\r\n",
            "GET / HTTP/1.x\r\n\r\n",
            "GET / FTP/1.1\r\n\r\n",
            "GET  / HTTP/1.1\r\n\r\n",
            "G(T / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nBad Header: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: 12a\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n",
            "GET / HTTP/1.1\rX\n\r\n",
            // Each of these once slipped past a mutant of the state machine that PIT made (no test failed).
            "GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n",
            "GET / HTTP/1.1\r\nX: a\u007fb\r\n\r\n",
            "GET / HTTP/1.1\r\nX\u0001: a\r\n\r\n",
            "GET / HTTP/1.1\r\n:a\r\n\r\n",
            "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n",
            "GET / HTTP/1.1\r\nX: a\r\n\rb\n",
            "GET /\u0001 HTTP/1.1\r\n\r\n",
            "GET /\u007f HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1 \r\n\r\n",
            "GET / HTTP/1.2\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: x\r\n\r\n",
            "\u0001GET / HTTP/1.1\r\n\r\n",
            " GET / HTTP/1.1\r\n\r\n",
    })
    void malformedRequestsGet400(String request) {
        assertThat(feed(bytes(request))).isZero();
        assertThat(parser.error()).isEqualTo(400);
        assertThat(parser.stopped()).isTrue();
    }

    @Test
    void goodRequestsBeforeAMalformedOneStillCount() {
        assertThat(feed(bytes(GET + GET + "NOT HTTP\r\n\r\n"))).isEqualTo(2);
        assertThat(parser.error()).isEqualTo(400);
    }

    @Test
    void overLongHeaderBlockGets431() {
        String big = "GET / HTTP/1.1\r\nX-Big: " + "a".repeat(RequestParser.MAX_HEAD_BYTES) + "\r\n\r\n";
        assertThat(feed(bytes(big))).isZero();
        assertThat(parser.error()).isEqualTo(431);
    }

    @Test
    void headerBlockJustUnderTheLimitIsFine() {
        String prefix = "GET / HTTP/1.1\r\nX-Big: ";
        String suffix = "\r\n\r\n";
        String ok = prefix + "a".repeat(RequestParser.MAX_HEAD_BYTES - prefix.length() - suffix.length()) + suffix;
        assertThat(ok).hasSize(RequestParser.MAX_HEAD_BYTES);
        assertThat(feed(bytes(ok + GET))).isEqualTo(2);
        assertThat(parser.error()).isZero();
    }

    @Test
    void largeBodiesAreSkippedWithoutCounting() {
        String body = "x".repeat(200_000);
        String post = "POST / HTTP/1.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        assertThat(feed(bytes(post + GET), 100, 50_000, 150_000)).isEqualTo(2);
        assertThat(parser.error()).isZero();
    }

    /**
     * The fast path (whole requests in one buffer) and the state machine (byte by byte) must agree on every input,
     * valid or mangled, and neither may throw.
     */
    @Test
    void wholeAndByteByByteAgreeOnMangledInput() {
        java.util.Random random = new java.util.Random(7);
        String[] pieces = {GET, POST, CHUNKED, CLOSE, "GET / HTTP/1.0\r\n\r\n", "GET /x HTTP/1.1\r\nA: b\r\nC: d\r\n\r\n"};
        byte[] noise = bytes(" :\r\n\t\0\u007fAz09-;chunked0");
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] input = bytes(text.toString());
            for (int flips = random.nextInt(3); flips > 0; flips--) {
                input[random.nextInt(input.length)] = noise[random.nextInt(noise.length)];
            }
            RequestParser whole = new RequestParser();
            whole.parse(MemorySegment.ofArray(input), 0, input.length);
            RequestParser bytewise = new RequestParser();
            int completed = 0;
            boolean closeAfterLast = false;
            for (int i = 0; i < input.length; i++) {
                bytewise.parse(MemorySegment.ofArray(input), i, 1);
                completed += bytewise.completed();
                if (bytewise.completed() > 0) {
                    closeAfterLast = bytewise.closeAfterLast();
                }
            }
            String what = new String(input, StandardCharsets.ISO_8859_1);
            assertThat(completed).as(what).isEqualTo(whole.completed());
            assertThat(bytewise.error()).as(what).isEqualTo(whole.error());
            assertThat(bytewise.stopped()).as(what).isEqualTo(whole.stopped());
            if (whole.completed() > 0) {
                assertThat(closeAfterLast).as(what).isEqualTo(whole.closeAfterLast());
            }
        }
    }
}
