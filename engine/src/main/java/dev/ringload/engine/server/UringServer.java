package dev.ringload.engine.server;

import dev.ringload.engine.Engine;

import dev.ringload.engine.os.Sockets;

import java.lang.foreign.Arena;
import java.net.InetSocketAddress;

/**
 * The built-in target server on io_uring: {@code threads} pinned workers, each with its own ring and its own
 * SO_REUSEPORT listener on the same port, so the kernel spreads connections over them.
 */
public final class UringServer implements TargetServer {

    private static final int BACKLOG = 4096;

    private final ServerConfig config;
    private final int port;
    private ServerWorkers workers;
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
     * @throws dev.ringload.engine.os.ErrnoException when binding fails (port in use, permission denied)
     * @throws IllegalStateException when a worker cannot start (e.g. io_uring unusable)
     */
    public static UringServer start(ServerConfig config) {
        UringServer server = new UringServer(config);
        server.startWorkers();
        return server;
    }

    private void startWorkers() {
        try {
            workers = ServerWorkers.start(config, "ringload-serve-",
                    (i, cpu, started) -> new UringServerWorker(config, i, listenFds[i], cpu, started));
        } catch (RuntimeException e) {
            closeListeners();
            throw e;
        }
    }

    @Override
    public String engine() {
        return Engine.IO_URING.label();
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
        return workers.served();
    }

    @Override
    public long faultsSent(FaultKind kind) {
        return workers.faultsFired(kind);
    }

    /** The deepest pipeline any connection used so far (requests received but not yet answered). */
    @Override
    public long maxPipelineDepth() {
        return workers.maxPipelined();
    }

    /** Stops every worker, waits for them, and closes the listeners. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (workers != null) {
            workers.stop();
        }
        closeListeners();
    }

    private void closeListeners() {
        try (Arena arena = Arena.ofConfined()) {
            Sockets sockets = new Sockets(arena);
            for (int fd : listenFds) {
                sockets.close(fd);
            }
        }
    }
}
