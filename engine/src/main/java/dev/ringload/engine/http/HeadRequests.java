package dev.ringload.engine.http;

/**
 * The numbers of a connection's framed HEAD requests not answered yet, oldest first: the server answers a run of
 * other requests as one repeated block and needs to know only where the next HEAD is. Grows (rarely: a client
 * pipelining more HEADs than the server has answered); a connection without HEADs never touches its array.
 */
final class HeadRequests {

    static final long NONE = Long.MAX_VALUE;

    private long[] numbers = new long[16];
    private int first;
    private int size;

    void add(long number) {
        if (size == numbers.length) {
            long[] grown = new long[numbers.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = numbers[(first + i) & (numbers.length - 1)];
            }
            numbers = grown;
            first = 0;
        }
        numbers[(first + size++) & (numbers.length - 1)] = number;
    }

    /** The oldest HEAD request numbered {@code from} or later, or {@link #NONE}; older ones are dropped. */
    long nextFrom(long from) {
        while (size > 0) {
            long n = numbers[first];
            if (n >= from) {
                return n;
            }
            first = (first + 1) & (numbers.length - 1);
            size--;
        }
        return NONE;
    }

    void clear() {
        first = 0;
        size = 0;
    }
}
