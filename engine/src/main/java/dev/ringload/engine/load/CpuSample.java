package dev.ringload.engine.load;

import dev.ringload.engine.os.KernelFiles;
import dev.ringload.engine.os.ThreadIds;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Per-thread CPU clocks of the engine threads and the process's user/system CPU, read together. */
record CpuSample(long[] threadCpuNs, long[] threadUserNs, long[] blockedNs, long processUserNs, long processSysNs,
                 long[] longestTurnNs, long[] runDelayNs, long gcPauseMs, long jitMs) {

    /** Linux reports process times in clock ticks of USER_HZ, which is 100 on every mainstream architecture. */
    private static final long NS_PER_TICK = 10_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static CpuSample take(List<Thread> threads, List<LoadWorker> workers) {
        long[] cpu = new long[threads.size()];
        long[] user = new long[threads.size()];
        long[] blocked = new long[threads.size()];
        long[] longestTurn = new long[threads.size()];
        long[] runDelay = new long[threads.size()];
        for (int i = 0; i < cpu.length; i++) {
            long id = threads.get(i).threadId();
            cpu[i] = Math.max(0, THREADS.getThreadCpuTime(id));
            user[i] = Math.max(0, THREADS.getThreadUserTime(id));
            Counts counts = workers.get(i).counts();
            blocked[i] = counts.get(Counter.BLOCKED_NS);
            longestTurn[i] = counts.get(Counter.LONGEST_TURN_NS);
            runDelay[i] = ThreadIds.runDelayNs(workers.get(i).nativeThreadId());
        }
        long[] process = processTimes();
        return new CpuSample(cpu, user, blocked, process[0], process[1], longestTurn, runDelay, collectedMsSoFar(),
                Math.max(0, WarmupSettle.compiledMsSoFar()));
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
        long[] descheduled = new long[threadCpuNs.length];
        for (int i = 0; i < cpu.length; i++) {
            // Unknown earlier but known now: the thread had not yet started, so all its waiting is in the window.
            descheduled[i] = runDelayNs[i] < 0 ? -1 : Math.max(0, runDelayNs[i] - Math.max(0, earlier.runDelayNs[i]));
        }
        // The longest turn is a maximum over the measured phase so far, not a total: this sample's, as it is.
        ClientStalls stalls = new ClientStalls(longestTurnNs, descheduled, gcPauseMs - earlier.gcPauseMs,
                jitMs - earlier.jitMs);
        return new ClientLoad(wallNs, cpu, user, blocked, processUserNs - earlier.processUserNs,
                processSysNs - earlier.processSysNs, stalls);
    }

    /** Stop-the-world collection time so far: every collector's but the concurrent cycles' (G1's, ZGC's). */
    private static long collectedMsSoFar() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!gc.getName().contains("Concurrent") && !gc.getName().contains("Cycles")) {
                ms += Math.max(0, gc.getCollectionTime());
            }
        }
        return ms;
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
