package dev.ringload.engine.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The running workers of either server engine: started together, summed together, stopped together. */
final class ServerWorkers {

    /** Creates worker {@code index}, pinned to {@code cpu} (-1: not pinned), counting {@code started} down. */
    @FunctionalInterface
    interface Factory {
        ServerWorkerBase create(int index, int cpu, CountDownLatch started);
    }

    private final List<ServerWorkerBase> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * Starts one pinned thread per configured worker and returns once every one accepts connections.
     * A worker that failed to start stops the others and its failure is rethrown.
     */
    static ServerWorkers start(ServerConfig config, String threadPrefix, Factory factory) {
        ServerWorkers all = new ServerWorkers();
        CountDownLatch started = new CountDownLatch(config.threads());
        int[] cpus = config.cpus();
        for (int i = 0; i < config.threads(); i++) {
            ServerWorkerBase worker = factory.create(i, cpus.length == 0 ? -1 : cpus[i % cpus.length], started);
            all.workers.add(worker);
            all.threads.add(Thread.ofPlatform().name(threadPrefix + i).daemon(true).start(worker));
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.stop();
            throw new IllegalStateException("interrupted while starting", e);
        }
        for (ServerWorkerBase worker : all.workers) {
            Throwable t = worker.failure();
            if (t != null) {
                all.stop();
                throw t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
            }
        }
        return all;
    }

    /** Responses fully sent so far, over all workers. */
    long served() {
        long total = 0;
        for (ServerWorkerBase worker : workers) {
            total += worker.served();
        }
        return total;
    }

    /** How often {@code kind} fired so far, over all workers. */
    long faultsFired(FaultKind kind) {
        long total = 0;
        for (ServerWorkerBase worker : workers) {
            total += worker.faultsFired(kind);
        }
        return total;
    }

    /** The deepest pipeline any connection used so far. */
    long maxPipelined() {
        long max = 0;
        for (ServerWorkerBase worker : workers) {
            max = Math.max(max, worker.maxPipelined());
        }
        return max;
    }

    /** Stops every worker and waits (5 s each at most) for its thread. */
    void stop() {
        for (ServerWorkerBase worker : workers) {
            worker.stop();
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
