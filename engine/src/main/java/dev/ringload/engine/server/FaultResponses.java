package dev.ringload.engine.server;

import dev.ringload.engine.http.FixedResponse;
import dev.ringload.engine.http.HttpDate;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The bytes of the faults that send something of their own (huge-headers, bad-status, bad-chunk, garbage), built
 * once per worker into one off-heap segment, so a fault is a send like any other. Faults that reuse the normal
 * response (reset, trickle, stall) or send nothing have no bytes here.
 */
final class FaultResponses {

    /** Filler header lines are at most this long, under the line limits of common clients. */
    private static final int FILLER_LINE_BYTES = 4096;
    private static final byte[] BAD_STATUS = ascii("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    /** The first chunk is fine; the second chunk's size "zz" has no hex digit. */
    private static final byte[] BAD_CHUNK = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
            + "Connection: keep-alive\r\n\r\n5\r\nhello\r\nzz\r\nbroken\r\n0\r\n\r\n");

    private final MemorySegment area;
    private final ByteBuffer view;
    private final long[] addresses;
    private final int[] lengths;

    FaultResponses(SegmentAllocator allocator, ServerConfig config, FaultPlan plan, long seed) {
        byte[][] bytes = new byte[plan.size()][];
        long size = 0;
        for (int i = 0; i < plan.size(); i++) {
            InjectedFault f = plan.fault(i);
            bytes[i] = switch (f.kind()) {
                case BAD_STATUS -> BAD_STATUS;
                case BAD_CHUNK -> BAD_CHUNK;
                case GARBAGE -> garbage((int) f.value(), seed + i);
                case HUGE_HEADERS -> hugeHeaders(config, (int) f.value());
                default -> new byte[0];
            };
            size += bytes[i].length;
        }
        area = allocator.allocate(Math.max(1, size), 64);
        view = area.asByteBuffer();
        addresses = new long[bytes.length];
        lengths = new int[bytes.length];
        long offset = 0;
        for (int i = 0; i < bytes.length; i++) {
            MemorySegment.copy(bytes[i], 0, area, JAVA_BYTE, offset, bytes[i].length);
            addresses[i] = area.address() + offset;
            lengths[i] = bytes[i].length;
            offset += bytes[i].length;
        }
    }

    /** Where fault {@code i}'s bytes start. */
    long address(int i) {
        return addresses[i];
    }

    int length(int i) {
        return lengths[i];
    }

    boolean contains(long address) {
        return address >= area.address() && address < area.address() + area.byteSize();
    }

    /** A buffer over bytes of this area, for channel writes; the same view is reused, valid until the next call. */
    ByteBuffer view(long address, long length) {
        int offset = (int) (address - area.address());
        view.limit(offset + (int) length).position(offset);
        return view;
    }

    /** Random bytes that cannot be read as the start of a status line. */
    static byte[] garbage(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        if (bytes[0] == 'H') {
            bytes[0] = 'G';
        }
        return bytes;
    }

    /** The configured response with filler header lines making its head (through the blank line) {@code headBytes}. */
    static byte[] hugeHeaders(ServerConfig config, int headBytes) {
        FixedResponse base = FixedResponse.of(config.status(), config.contentType(), config.body(), false);
        byte[] normal = base.bytes();
        // Built once, so it carries the date it was built at rather than the 1970 of the empty slot.
        byte[] date = HttpDate.format(System.currentTimeMillis() / 1000);
        System.arraycopy(date, 0, normal, base.dateOffset(), date.length);
        int headEnd = indexOfBlankLine(normal) + 2; // after the last header's CRLF, before the blank line
        ByteArrayOutputStream out = new ByteArrayOutputStream(headBytes + normal.length);
        out.write(normal, 0, headEnd);
        long filler = Math.max(10, headBytes - headEnd - 2); // at least one filler line, however long the head
        while (filler >= 10) {
            // "X-Pad: " + k times 'a' + CRLF is 9 + k bytes; the last line takes whatever is left.
            int lineBytes = (int) (filler >= FILLER_LINE_BYTES + 10 ? FILLER_LINE_BYTES : filler);
            out.writeBytes(ascii("X-Pad: " + "a".repeat(lineBytes - 9) + "\r\n"));
            filler -= lineBytes;
        }
        out.write(normal, headEnd, normal.length - headEnd);
        return out.toByteArray();
    }

    private static int indexOfBlankLine(byte[] response) {
        for (int i = 0; i + 3 < response.length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n' && response[i + 2] == '\r' && response[i + 3] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a response without a blank line");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
