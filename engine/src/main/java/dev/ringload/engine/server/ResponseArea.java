package dev.ringload.engine.server;

import dev.ringload.engine.http.FixedResponse;
import dev.ringload.engine.http.HttpDate;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * Off-heap responses laid out so that any batch is one contiguous SEND:
 *
 * <pre>
 * +-----------+-----------+-----+-----------+---------+--------+--------+------+--------------+
 * | normal #0 | normal #1 | ... | normal #R-1| closing |  400   |  431   | HEAD | closing HEAD |
 * +-----------+-----------+-----+-----------+---------+--------+--------+------+--------------+
 *   k normal responses:          [0, k*len)
 *   k-1 normal + one closing:    [(R-k+1)*len, R*len + closingLen)
 * </pre>
 *
 * A HEAD request is answered alone, by the normal or closing response without its body.
 *
 * Two such areas alternate once per second when the Date header changes, so a send still in flight keeps reading
 * bytes that are not being rewritten.
 */
final class ResponseArea {

    /**
     * Batches are capped at this many responses (and at {@link #MAX_AREA_BYTES}): a 16 KiB receive holds at most
     * 1024 of the shortest valid requests (16 bytes), so one receive is answered by one send.
     */
    static final int MAX_REPEAT = 1024;
    private static final long MAX_AREA_BYTES = 4L << 20;

    private final FixedResponse normal;
    private final FixedResponse closing;
    private final FixedResponse badRequest;
    private final FixedResponse tooLarge;
    private final FixedResponse head;
    private final FixedResponse closingHead;
    private final int repeat;
    private final MemorySegment[] areas = new MemorySegment[2];
    private final long[] addresses = new long[2];
    private final java.nio.ByteBuffer[] views = new java.nio.ByteBuffer[2];
    private final long[] dateOffsets;
    private int current;
    private long dateSecond = Long.MIN_VALUE;

    ResponseArea(SegmentAllocator allocator, ServerConfig config) {
        normal = FixedResponse.of(config.status(), config.contentType(), config.body(), false);
        closing = FixedResponse.of(config.status(), config.contentType(), config.body(), true);
        badRequest = FixedResponse.of(400, null, new byte[0], true);
        tooLarge = FixedResponse.of(431, null, new byte[0], true);
        head = FixedResponse.toHead(config.status(), config.contentType(), config.body(), false);
        closingHead = FixedResponse.toHead(config.status(), config.contentType(), config.body(), true);
        repeat = (int) Math.max(1, Math.min(MAX_REPEAT, MAX_AREA_BYTES / normal.length()));
        long size = (long) repeat * normal.length() + closing.length() + badRequest.length() + tooLarge.length()
                + head.length() + closingHead.length();
        dateOffsets = new long[repeat + 5];
        for (int a = 0; a < 2; a++) {
            MemorySegment area = allocator.allocate(size, 64);
            long offset = 0;
            int d = 0;
            for (int i = 0; i < repeat; i++) {
                dateOffsets[d++] = offset + normal.dateOffset();
                offset = put(area, offset, normal);
            }
            dateOffsets[d++] = offset + closing.dateOffset();
            offset = put(area, offset, closing);
            dateOffsets[d++] = offset + badRequest.dateOffset();
            offset = put(area, offset, badRequest);
            dateOffsets[d++] = offset + tooLarge.dateOffset();
            offset = put(area, offset, tooLarge);
            dateOffsets[d++] = offset + head.dateOffset();
            offset = put(area, offset, head);
            dateOffsets[d] = offset + closingHead.dateOffset();
            put(area, offset, closingHead);
            areas[a] = area;
            addresses[a] = area.address();
            views[a] = area.asByteBuffer();
        }
    }

    private static long put(MemorySegment area, long offset, FixedResponse response) {
        MemorySegment.copy(response.bytes(), 0, area, JAVA_BYTE, offset, response.length());
        return offset + response.length();
    }

    int repeat() {
        return repeat;
    }

    int normalLength() {
        return normal.length();
    }

    /** Rewrites the Date of the idle area and switches to it, when the second changed. */
    void refreshDate(long epochSecond) {
        if (epochSecond == dateSecond) {
            return;
        }
        dateSecond = epochSecond;
        byte[] date = HttpDate.format(epochSecond);
        int next = current ^ 1;
        for (long offset : dateOffsets) {
            MemorySegment.copy(date, 0, areas[next], JAVA_BYTE, offset, HttpDate.LENGTH);
        }
        current = next;
    }

    /** Address of {@code k} normal responses. */
    long normalBatch() {
        return addresses[current];
    }

    long normalBatchLength(int k) {
        return (long) k * normal.length();
    }

    /** Address of {@code k - 1} normal responses followed by the closing one. */
    long closingBatch(int k) {
        return addresses[current] + (long) (repeat - (k - 1)) * normal.length();
    }

    long closingBatchLength(int k) {
        return (long) (k - 1) * normal.length() + closing.length();
    }

    /** Address and length of the error response for {@code status} (400 or 431). */
    long error(int status) {
        long base = addresses[current] + (long) repeat * normal.length() + closing.length();
        return status == 431 ? base + badRequest.length() : base;
    }

    int errorLength(int status) {
        return status == 431 ? tooLarge.length() : badRequest.length();
    }

    /**
     * Address of one response sent alone: to a HEAD request ({@code toHead}) the head only; the closing one when it
     * is the {@code last}.
     */
    long single(boolean toHead, boolean last) {
        if (!toHead) {
            return last ? closingBatch(1) : normalBatch();
        }
        long heads = addresses[current] + (long) repeat * normal.length() + closing.length() + badRequest.length()
                + tooLarge.length();
        return last ? heads + head.length() : heads;
    }

    long singleLength(boolean toHead, boolean last) {
        if (!toHead) {
            return last ? closingBatchLength(1) : normalBatchLength(1);
        }
        return last ? closingHead.length() : head.length();
    }

    /**
     * A buffer over {@code length} bytes at {@code address} (an address this area handed out), for channel writes.
     * The same view object is reused: it is only valid until the next call.
     */
    java.nio.ByteBuffer view(long address, long length) {
        int a = address >= addresses[1] && address < addresses[1] + areas[1].byteSize() ? 1 : 0;
        int offset = (int) (address - addresses[a]);
        java.nio.ByteBuffer view = views[a];
        view.limit(offset + (int) length).position(offset);
        return view;
    }

    /** For tests: the bytes currently served for a single normal response. */
    byte[] currentNormal() {
        return areas[current].asSlice(0, normal.length()).toArray(JAVA_BYTE);
    }
}
