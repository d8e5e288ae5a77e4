package dev.ringload.engine.load;

/**
 * A worker's share of {@code -n}: requests it may still send. Requests lost with their connection come back,
 * up to what was taken, so exactly N responses arrive however many connections break on the way.
 */
final class RequestBudget {

    private final boolean limited;
    private long left;
    private long returnable;

    /** @param requests the share, or -1 for no limit */
    RequestBudget(long requests) {
        this.limited = requests >= 0;
        this.left = Math.max(requests, 0);
        this.returnable = left;
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
            long back = Math.min(n, returnable);
            returnable -= back;
            left += back;
        }
    }

    /** Nothing more to take (never true without a limit). */
    boolean spent() {
        return limited && left == 0;
    }
}
