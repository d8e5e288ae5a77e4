package dev.ringload.engine.load;

/**
 * A worker's share of {@code -n}: requests it may still send. Requests lost with their connection come back
 * (never more than the share), so exactly N responses arrive however many connections break on the way, and
 * however often the same requests are lost again.
 */
final class RequestBudget {

    private final boolean limited;
    private final long share;
    private long left;

    /** @param requests the share, or -1 for no limit */
    RequestBudget(long requests) {
        this.limited = requests >= 0;
        this.share = Math.max(requests, 0);
        this.left = share;
    }

    /** Takes up to {@code k}; returns how many may go. */
    int take(int k) {
        if (!limited) {
            return k;
        }
        int granted = (int) Math.min(k, left);
        left -= granted;
        return granted;
    }

    /** Requests that were taken but will never be answered. */
    void giveBack(long n) {
        if (limited) {
            left = Math.min(share, left + n);
        }
    }

    /** Nothing more to take (never true without a limit). */
    boolean spent() {
        return limited && left == 0;
    }
}
