package dev.ringload.engine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The built-in server on NIO, for hosts without io_uring: one selector per pinned worker, SO_REUSEPORT listeners. */
public final class NioServer implements TargetServer {

    private static final int BACKLOG = 4096;

    private final ServerConfig config;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final List<NioServerWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
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
        CountDownLatch started = new CountDownLatch(config.threads());
        int[] cpus = config.cpus();
        for (int i = 0; i < config.threads(); i++) {
            NioServerWorker worker = new NioServerWorker(config, server.listeners.get(i),
                    cpus.length == 0 ? -1 : cpus[i % cpus.length], started);
            server.workers.add(worker);
            server.threads.add(Thread.ofPlatform().name("ringload-serve-nio-" + i).daemon(true).start(worker));
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (NioServerWorker worker : server.workers) {
            if (worker.failure() != null) {
                server.close();
                throw new IllegalStateException("NIO server worker failed: " + worker.failure(), worker.failure());
            }
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
        long total = 0;
        for (NioServerWorker worker : workers) total += worker.served();
        return total;
    }

    @Override
    public long maxPipelineDepth() {
        long max = 0;
        for (NioServerWorker worker : workers) max = Math.max(max, worker.maxPipelined());
        return max;
    }

    @Override
    public String engine() {
        return "nio";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (NioServerWorker worker : workers) {
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
