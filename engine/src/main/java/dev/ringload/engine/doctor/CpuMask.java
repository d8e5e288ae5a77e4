package dev.ringload.engine.doctor;

import java.util.BitSet;
import java.util.StringJoiner;

/**
 * CPU sets as the kernel writes them: masks in comma-separated 32-bit hex groups, most significant first
 * ({@code rps_cpus}, {@code smp_affinity}), and lists ({@code 0-3,8}). A 128-CPU mask written as one 32-digit
 * value is rejected by the kernel; it must be {@code ffffffff,ffffffff,ffffffff,ffffffff}.
 */
public final class CpuMask {

    private CpuMask() {
    }

    /** The mask of {@code cpus}: 32-bit groups, the first without leading zeros, the rest zero-padded to 8 digits. */
    public static String mask(BitSet cpus) {
        int groups = Math.max(1, (cpus.length() + 31) / 32);
        StringJoiner joiner = new StringJoiner(",");
        for (int g = groups - 1; g >= 0; g--) {
            long bits = 0;
            for (int b = 0; b < 32; b++) {
                if (cpus.get(g * 32 + b)) {
                    bits |= 1L << b;
                }
            }
            joiner.add(g == groups - 1 ? Long.toHexString(bits) : String.format("%08x", bits));
        }
        return joiner.toString();
    }

    /** CPUs 0..count-1. */
    public static BitSet firstN(int count) {
        BitSet set = new BitSet();
        set.set(0, count);
        return set;
    }

    /** Parses a mask as read from sysfs (commas between groups; leading zeros allowed). */
    public static BitSet parseMask(String text) {
        String hex = text.trim().replace(",", "");
        BitSet set = new BitSet();
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(hex.length() - 1 - i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("not a CPU mask: " + text);
            }
            for (int b = 0; b < 4; b++) {
                if ((digit & (1 << b)) != 0) {
                    set.set(i * 4 + b);
                }
            }
        }
        return set;
    }

    /** Parses a list such as {@code 0-3,8} (empty: no CPU). */
    public static BitSet parseList(String text) {
        BitSet set = new BitSet();
        String t = text.trim();
        if (t.isEmpty()) {
            return set;
        }
        for (String part : t.split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            set.set(from, to + 1);
        }
        return set;
    }

    /** Writes {@code cpus} as a list ({@code 0-3,8}). */
    public static String list(BitSet cpus) {
        StringJoiner joiner = new StringJoiner(",");
        for (int start = cpus.nextSetBit(0); start >= 0; ) {
            int end = cpus.nextClearBit(start) - 1;
            joiner.add(start == end ? Integer.toString(start) : start + "-" + end);
            start = cpus.nextSetBit(end + 1);
        }
        return joiner.toString();
    }
}
