package dev.ringload.engine.server;

import dev.ringload.engine.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

/** The built-in server on NIO, for hosts without io_uring: one selector per pinned worker, SO_REUSEPORT listeners. */
public final class NioServer implements TargetServer {

    private static final int BACKLOG = 4096;

    private final ServerConfig config;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private ServerWorkers workers;
    private final int port;
    private boolean closed;

    private NioServer(ServerConfig config) {
        this.config = config;
        try {
            ServerSocketChannel first = listen(config.address());
            port = ((InetSocketAddress) first.getLocalAddress()).getPort();
            InetSocketAddress same = new InetSocketAddress(config.address().getAddress(), port);
            for (int i = 1; i < config.threads(); i++) {
                listen(same);
            }
        } catch (IOException e) {
            closeListeners();
            throw new UncheckedIOException("listen " + config.address() + " failed: " + e.getMessage(), e);
        }
    }

    private ServerSocketChannel listen(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        listeners.add(channel);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        channel.bind(address, BACKLOG);
        channel.configureBlocking(false);
        return channel;
    }

    public static NioServer start(ServerConfig config) {
        NioServer server = new NioServer(config);
        try {
            server.workers = ServerWorkers.start(config, "ringload-serve-nio-",
                    (i, cpu, started) -> new NioServerWorker(config, i, server.listeners.get(i), cpu, started));
        } catch (RuntimeException e) {
            server.closeListeners();
            throw e;
        }
        return server;
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

    @Override
    public long served() {
        return workers.served();
    }

    @Override
    public long faultsSent(FaultKind kind) {
        return workers.faultsFired(kind);
    }

    @Override
    public long maxPipelineDepth() {
        return workers.maxPipelined();
    }

    @Override
    public String engine() {
        return Engine.NIO.label();
    }

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
        for (ServerSocketChannel channel : listeners) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing on the way out
            }
        }
    }
}
