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
    private final DueQueue delays;
    /** Per injected fault, its timers (stall, trickle tick), each queue of one length; null for faults without. */
    private final DueQueue[] faultTimers;
    private final Consumer<SelectionKey> onSelected = this::onSelected;

    NioServerWorker(ServerConfig config, int index, ServerSocketChannel listener, int cpu, CountDownLatch started) {
        super(config, index, cpu, started);
        this.listener = listener;
        this.delays = new DueQueue(config.delayNs());
        this.faultTimers = new DueQueue[faults == null ? 0 : faults.size()];
        for (int i = 0; i < faultTimers.length; i++) {
            long ns = faultTimerNs(faults.fault(i));
            faultTimers[i] = ns > 0 ? new DueQueue(ns) : null;
        }
    }

    @Override
    public void run() {
        try (Arena arena = Arena.ofConfined(); Selector s = Selector.open()) {
            if (cpu >= 0) {
                Affinity.pinCurrentThread(cpu);
            }
            selector = s;
            responses = new ResponseArea(arena, config);
            prepareFaults(arena);
            readSegment = arena.allocate(READ_BUFFER_SIZE, 64);
            readBuffer = readSegment.asByteBuffer();
            listener.register(selector, SelectionKey.OP_ACCEPT);
            started();
            try {
                while (running) {
                    tick();
                    long nextDueNs = runDue();
                    long wait = WAIT_MS;
                    if (nextDueNs != Long.MAX_VALUE) {
                        wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextDueNs - System.nanoTime()) + 1);
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
        if (key.isWritable() && c.sending && c.sendRemaining > 0) {
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

    /** A buffer over bytes the base handed to {@link #ioSend}: pre-encoded responses or a fault's own bytes. */
    private ByteBuffer view(long address, long length) {
        return faultResponses != null && faultResponses.contains(address) ? faultResponses.view(address, length)
                : responses.view(address, length);
    }

    private void write(ServerConnection c) {
        long written;
        try {
            written = channels[c.slot].write(view(c.sendAddress, c.sendRemaining));
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
        delays.add(System.nanoTime(), c.slot, c.generation);
    }

    @Override
    protected void ioFaultTimer(ServerConnection c, int fault) {
        faultTimers[fault].add(System.nanoTime(), c.slot, c.generation);
    }

    @Override
    protected void ioLingerZero(ServerConnection c) {
        try {
            channels[c.slot].setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // already broken: the close that follows ends it all the same
        }
    }

    /** Runs the timers that are due; returns when the next one is (Long.MAX_VALUE: none pending). */
    private long runDue() {
        long now = System.nanoTime();
        while (delays.headDue(now)) {
            ServerConnection c = connections[delays.headSlot()];
            int generation = delays.headGeneration();
            delays.removeHead();
            if (c.open && c.generation == generation) {
                delayed(c);
            }
        }
        long next = delays.isEmpty() ? Long.MAX_VALUE : delays.headDueNs();
        for (DueQueue timers : faultTimers) {
            if (timers == null) {
                continue;
            }
            while (timers.headDue(now)) {
                ServerConnection c = connections[timers.headSlot()];
                int generation = timers.headGeneration();
                timers.removeHead();
                if (c.open && c.generation == generation) {
                    faultTimerDone(c);
                }
            }
            if (!timers.isEmpty()) {
                next = Math.min(next, timers.headDueNs());
            }
        }
        return next;
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
