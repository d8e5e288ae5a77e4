package dev.ringload.engine.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Per-CPU busy time from /proc/stat: everything but idle and iowait, softirq included. For pinned threads on
 * dedicated CPUs this is their whole footprint, including kernel work their threads' CPU clocks do not show.
 */
public final class CoreUsage {

    private final long[] busy;
    private final long[] total;

    private CoreUsage(long[] busy, long[] total) {
        this.busy = busy;
        this.total = total;
    }

    /** A sample of every CPU's counters (zeros where /proc/stat is unreadable). */
    public static CoreUsage sample() {
        long[] busy = new long[4096];
        long[] total = new long[4096];
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            for (String line : lines) {
                if (!line.startsWith("cpu") || line.startsWith("cpu ")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                int cpu = Integer.parseInt(f[0].substring(3));
                if (cpu >= busy.length) {
                    continue;
                }
                long sum = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    sum += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                busy[cpu] = sum - idle;
                total[cpu] = sum;
            }
        } catch (IOException | RuntimeException e) {
            // leave zeros: utilisation then reads as 0
        }
        return new CoreUsage(busy, total);
    }

    /** Mean busy percentage of {@code cpus} between {@code earlier} and this sample. */
    public double busyPercentSince(CoreUsage earlier, int[] cpus) {
        double sum = 0;
        int n = 0;
        for (int cpu : cpus) {
            long t = total[cpu] - earlier.total[cpu];
            if (t > 0) {
                sum += 100.0 * (busy[cpu] - earlier.busy[cpu]) / t;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
