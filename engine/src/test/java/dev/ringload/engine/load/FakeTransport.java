package dev.ringload.engine.load;

import dev.ringload.engine.transport.NanoClock;
import dev.ringload.engine.transport.Transport;
import dev.ringload.engine.transport.TransportEvents;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/** A transport that only writes down what the worker asked of it; the test plays the kernel's part. */
final class FakeTransport implements Transport {

    /** One call into the transport, e.g. {@code connect 0}, {@code send 1 3} (requests), {@code abort 2}. */
    final List<String> calls = new ArrayList<>();
    private final int requestLength;

    FakeTransport(int requestLength) {
        this.requestLength = requestLength;
    }

    @Override
    public void open(TransportEvents events, NanoClock clock) {
    }

    @Override
    public void connect(int connection) {
        calls.add("connect " + connection);
    }

    @Override
    public void send(int connection, MemorySegment bytes, long offset, int length) {
        calls.add("send " + connection + " " + length / requestLength);
    }

    @Override
    public void close(int connection) {
        calls.add("close " + connection);
    }

    @Override
    public void abort(int connection) {
        calls.add("abort " + connection);
    }

    @Override
    public int poll(long maxWaitNs) {
        return 0;
    }

    @Override
    public void close() {
    }

    /** The calls since the last take, and forgets them. */
    List<String> take() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }
}
