package dev.ringload.engine.server;

import dev.ringload.engine.uring.Sockets;

import java.lang.foreign.Arena;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The built-in target server on io_uring: {@code threads} pinned workers, each with its own ring and its own
 * SO_REUSEPORT listener on the same port, so the kernel spreads connections over them.
 */
public final class UringServer implements TargetServer {

    private static final int BACKLOG = 4096;

    private final ServerConfig config;
    private final int port;
    private final List<UringServerWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int[] listenFds;
    private boolean closed;

    private UringServer(ServerConfig config) {
        this.config = config;
        this.listenFds = new int[config.threads()];
        java.util.Arrays.fill(listenFds, -1);
        int boundPort;
        try (Arena arena = Arena.ofConfined()) {
            Sockets sockets = new Sockets(arena);
            try {
                listenFds[0] = sockets.listen(config.address(), BACKLOG, true);
                boundPort = sockets.localPort(listenFds[0]);
                InetSocketAddress same = new InetSocketAddress(config.address().getAddress(), boundPort);
                for (int i = 1; i < listenFds.length; i++) {
                    listenFds[i] = sockets.listen(same, BACKLOG, true);
                }
            } catch (RuntimeException e) {
                for (int fd : listenFds) {
                    sockets.close(fd);
                }
                throw e;
            }
        }
        this.port = boundPort;
    }

    /**
     * Binds, starts every worker and returns once all of them accept connections.
     *
     * @throws dev.ringload.engine.uring.ErrnoException when binding fails (port in use, permission denied)
     * @throws IllegalStateException when a worker cannot start (e.g. io_uring unusable)
     */
    public static UringServer start(ServerConfig config) {
        UringServer server = new UringServer(config);
        server.startWorkers();
        return server;
    }

    private void startWorkers() {
        CountDownLatch started = new CountDownLatch(config.threads());
        int[] cpus = config.cpus();
        for (int i = 0; i < config.threads(); i++) {
            int cpu = cpus.length == 0 ? -1 : cpus[i % cpus.length];
            UringServerWorker worker = new UringServerWorker(config, listenFds[i], cpu, started);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("ringload-serve-" + i).daemon(true).start(worker));
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting", e);
        }
        for (UringServerWorker worker : workers) {
            if (worker.failure() != null) {
                close();
                Throwable t = worker.failure();
                throw t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
            }
        }
    }

    @Override
    public String engine() {
        return "io_uring";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(config.address().getAddress(), port);
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    /** Responses fully sent so far, over all workers (updated once per loop iteration). */
    @Override
    public long served() {
        long total = 0;
        for (UringServerWorker worker : workers) {
            total += worker.served();
        }
        return total;
    }

    /** The deepest pipeline any connection used so far (requests received but not yet answered). */
    @Override
    public long maxPipelineDepth() {
        long max = 0;
        for (UringServerWorker worker : workers) {
            max = Math.max(max, worker.maxPipelined());
        }
        return max;
    }

    /** Stops every worker, waits for them, and closes the listeners. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (UringServerWorker worker : workers) {
            worker.stop();
        }
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            Sockets sockets = new Sockets(arena);
            for (int fd : listenFds) {
                sockets.close(fd);
            }
        }
    }

    /** Blocks until every worker has stopped (or the timeout passes). */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }
}
