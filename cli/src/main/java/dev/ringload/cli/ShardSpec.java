package dev.ringload.cli;

import dev.ringload.engine.load.Shard;

import java.util.function.UnaryOperator;

/**
 * {@code --shard I/N}: this process is shard I of N (0-based); {@code auto/N} takes I from
 * {@code JOB_COMPLETION_INDEX}, which a Kubernetes Indexed Job sets to each pod's index.
 */
final class ShardSpec {

    static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    private ShardSpec() {
    }

    /**
     * The shard {@code text} names, reading {@code environment} for {@code auto}.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    static Shard parse(String text, UnaryOperator<String> environment) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("--shard must be I/N or auto/N (e.g. 0/4), got '" + text + "'");
        }
        int count = number(text.substring(slash + 1), "N", text);
        String index = text.substring(0, slash);
        if (index.equals("auto")) {
            String fromEnv = environment.apply(INDEX_VARIABLE);
            if (fromEnv == null || fromEnv.isBlank()) {
                throw new IllegalArgumentException("--shard auto/" + count + " needs " + INDEX_VARIABLE
                        + " (set by a Kubernetes Indexed Job), which is not set");
            }
            index = fromEnv.strip();
        }
        int i = number(index, "I", text);
        if (count < 1 || i >= count) {
            throw new IllegalArgumentException("--shard " + text + ": need 0 <= I < N, got I=" + i + ", N=" + count);
        }
        return new Shard(i, count);
    }

    private static int number(String digits, String what, String text) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line reason
        }
        throw new IllegalArgumentException("--shard " + text + ": " + what + " must be a whole number >= 0, got '"
                + digits + "'");
    }
}
