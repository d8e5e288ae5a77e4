package dev.ringload.engine.server;

import dev.ringload.engine.os.Affinity;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One pinned thread of the NIO server: a selector over its listener and connections. */
final class NioServerWorker extends ServerWorkerBase {

    private static final int READ_BUFFER_SIZE = 16 * 1024;
    private static final long WAIT_MS = 200;

    private final ServerSocketChannel listener;
    private Selector selector;
    private MemorySegment readSegment;
    private ByteBuffer readBuffer;
    private SocketChannel[] channels = new SocketChannel[64];
    private SelectionKey[] keys = new SelectionKey[64];
    /** Delay batches due, in order (the delay is constant, so deadlines only grow). */
    private long[] dueNs = new long[256];
    private int[] dueSlot = new int[256];
    private int[] dueGeneration = new int[256];
    private int dueHead;
    private int dueTail;
    private final Consumer<SelectionKey> onSelected = this::onSelected;

    NioServerWorker(ServerConfig config, ServerSocketChannel listener, int cpu, CountDownLatch started) {
        super(config, cpu, started);
        this.listener = listener;
    }

    @Override
    public void run() {
        try (Arena arena = Arena.ofConfined(); Selector s = Selector.open()) {
            if (cpu >= 0) {
                Affinity.pinCurrentThread(cpu);
            }
            selector = s;
            responses = new ResponseArea(arena, config);
            readSegment = arena.allocate(READ_BUFFER_SIZE, 64);
            readBuffer = readSegment.asByteBuffer();
            listener.register(selector, SelectionKey.OP_ACCEPT);
            started();
            try {
                while (running) {
                    tick();
                    runDue();
                    long wait = WAIT_MS;
                    if (dueHead != dueTail) {
                        wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(dueNs[dueHead % dueNs.length] - System.nanoTime()) + 1);
                    }
                    selector.select(onSelected, Math.min(wait, WAIT_MS));
                    publish();
                }
            } finally {
                for (int i = 0; i < slotsUsed; i++) {
                    if (connections[i] != null && connections[i].open) {
                        closeChannel(i);
                    }
                }
            }
        } catch (Throwable t) {
            failed(t);
        }
    }

    private void onSelected(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        ServerConnection c = (ServerConnection) key.attachment();
        if (!c.open || keys[c.slot] != key) {
            return;
        }
        if (key.isWritable() && c.sending) {
            write(c);
            if (!c.open) {
                return;
            }
        }
        if (key.isReadable()) {
            read(c);
        }
    }

    private void accept() {
        try {
            for (SocketChannel channel = listener.accept(); channel != null; channel = listener.accept()) {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ServerConnection c = allocate(0);
                if (c.slot >= channels.length) {
                    channels = java.util.Arrays.copyOf(channels, connections.length);
                    keys = java.util.Arrays.copyOf(keys, connections.length);
                }
                channels[c.slot] = channel;
                keys[c.slot] = channel.register(selector, SelectionKey.OP_READ, c);
            }
        } catch (IOException e) {
            // fd exhaustion or a connection reset before accept: the listener stays registered and retries
        }
    }

    private void read(ServerConnection c) {
        for (int round = 0; round < 4 && c.open; round++) {
            int n;
            try {
                readBuffer.clear();
                n = channels[c.slot].read(readBuffer);
            } catch (IOException e) {
                closeNow(c);
                return;
            }
            if (n < 0) {
                closeNow(c); // peer closed: nothing more can be answered
                return;
            }
            if (n == 0) {
                return;
            }
            frame(c, readSegment, 0, n);
            if (n < READ_BUFFER_SIZE) {
                return;
            }
        }
    }

    @Override
    protected void ioSend(ServerConnection c, long address, long length) {
        write(c);
    }

    private void write(ServerConnection c) {
        long written;
        try {
            written = channels[c.slot].write(responses.view(c.sendAddress, c.sendRemaining));
        } catch (IOException e) {
            sendDone(c, -1);
            return;
        }
        if (written < c.sendRemaining) {
            c.sendAddress += written;
            c.sendRemaining -= written;
            keys[c.slot].interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return;
        }
        keys[c.slot].interestOps(SelectionKey.OP_READ);
        sendDone(c, c.sendRemaining);
    }

    @Override
    protected void ioDelay(ServerConnection c) {
        if (dueTail - dueHead == dueNs.length) {
            int n = dueNs.length * 2;
            long[] ns = new long[n];
            int[] slot = new int[n];
            int[] gen = new int[n];
            for (int i = dueHead; i < dueTail; i++) {
                ns[i % n] = dueNs[i % dueNs.length];
                slot[i % n] = dueSlot[i % dueNs.length];
                gen[i % n] = dueGeneration[i % dueNs.length];
            }
            dueNs = ns;
            dueSlot = slot;
            dueGeneration = gen;
        }
        int i = dueTail++ % dueNs.length;
        dueNs[i] = System.nanoTime() + config.delayNs();
        dueSlot[i] = c.slot;
        dueGeneration[i] = c.generation;
    }

    private void runDue() {
        long now = System.nanoTime();
        while (dueHead != dueTail && dueNs[dueHead % dueNs.length] <= now) {
            int i = dueHead++ % dueNs.length;
            ServerConnection c = connections[dueSlot[i]];
            if (c.open && c.generation == dueGeneration[i]) {
                delayed(c);
            }
        }
    }

    @Override
    protected void ioShutdownWrite(ServerConnection c) {
        try {
            channels[c.slot].shutdownOutput();
        } catch (IOException e) {
            closeNow(c);
        }
    }

    @Override
    protected void ioClose(ServerConnection c) {
        closeChannel(c.slot);
    }

    private void closeChannel(int slot) {
        if (keys[slot] != null) {
            keys[slot].cancel();
            keys[slot] = null;
        }
        if (channels[slot] != null) {
            try {
                channels[slot].close();
            } catch (IOException ignored) {
                // already broken
            }
            channels[slot] = null;
        }
    }
}
