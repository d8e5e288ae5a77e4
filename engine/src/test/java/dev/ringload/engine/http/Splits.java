package dev.ringload.engine.http;

/** Where to cut input when a test feeds a parser the same bytes in two pieces. */
final class Splits {

    private Splits() {
    }

    /** Every cut that leaves both pieces non-empty: 1 .. length-1. */
    static int[] everyByte(String text) {
        int[] cuts = new int[text.length() - 1];
        for (int k = 0; k < cuts.length; k++) {
            cuts[k] = k + 1;
        }
        return cuts;
    }
}
