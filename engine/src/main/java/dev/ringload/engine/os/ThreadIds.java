package dev.ringload.engine.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's ids of Java threads, and what the scheduler says about them. Java's thread ids are its own; the
 * kernel's come from {@code /proc/thread-self}, which links to {@code PID/task/TID} for the calling thread.
 */
public final class ThreadIds {

    private ThreadIds() {
    }

    /** The calling thread's kernel id, or -1 where /proc does not say. */
    public static int current() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
            return Integer.parseInt(link.substring(link.lastIndexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * How long thread {@code tid} of this process has waited on a run queue (runnable, not running), in ns: the
     * second field of its {@code schedstat}; -1 where unknown.
     */
    public static long runDelayNs(int tid) {
        if (tid < 0) {
            return -1;
        }
        try {
            String[] fields = KernelFiles.read(Path.of("/proc/self/task/" + tid + "/schedstat")).trim().split(" ");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
