package dev.ringload.engine.load;

import dev.ringload.engine.os.KernelFiles;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Per-thread CPU clocks of the engine threads and the process's user/system CPU, read together. */
record CpuSample(long[] threadCpuNs, long[] threadUserNs, long[] blockedNs, long processUserNs, long processSysNs) {

    /** Linux reports process times in clock ticks of USER_HZ, which is 100 on every mainstream architecture. */
    private static final long NS_PER_TICK = 10_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static CpuSample take(List<Thread> threads, List<LoadWorker> workers) {
        long[] cpu = new long[threads.size()];
        long[] user = new long[threads.size()];
        long[] blocked = new long[threads.size()];
        for (int i = 0; i < cpu.length; i++) {
            long id = threads.get(i).threadId();
            cpu[i] = Math.max(0, THREADS.getThreadCpuTime(id));
            user[i] = Math.max(0, THREADS.getThreadUserTime(id));
            blocked[i] = workers.get(i).counts().get(Counter.BLOCKED_NS);
        }
        long[] process = processTimes();
        return new CpuSample(cpu, user, blocked, process[0], process[1]);
    }

    /** What was used between {@code earlier} and this sample, over {@code wallNs}. */
    ClientLoad since(CpuSample earlier, long wallNs) {
        long[] cpu = new long[threadCpuNs.length];
        long[] user = new long[threadCpuNs.length];
        long[] blocked = new long[threadCpuNs.length];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = Math.max(0, threadCpuNs[i] - earlier.threadCpuNs[i]);
            user[i] = Math.max(0, threadUserNs[i] - earlier.threadUserNs[i]);
            blocked[i] = Math.max(0, blockedNs[i] - earlier.blockedNs[i]);
        }
        return new ClientLoad(wallNs, cpu, user, blocked, processUserNs - earlier.processUserNs,
                processSysNs - earlier.processSysNs);
    }

    /** utime and stime of this process from /proc/self/stat, in ns; zeros where /proc is unreadable. */
    private static long[] processTimes() {
        try {
            String stat = KernelFiles.read(Path.of("/proc/self/stat"));
            // The command name (field 2) may contain spaces; the fields after it are counted from its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]) * NS_PER_TICK, Long.parseLong(fields[12]) * NS_PER_TICK};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }
}
