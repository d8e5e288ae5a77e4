package dev.ringload.engine.load;

import dev.ringload.engine.Engine;
import dev.ringload.engine.EngineAssumptions;
import dev.ringload.engine.Engines;
import dev.ringload.engine.server.ServerConfig;
import dev.ringload.engine.server.TargetServer;
import dev.ringload.engine.transport.NanoClock;
import dev.ringload.engine.transport.Transport;
import dev.ringload.engine.transport.TransportError;
import dev.ringload.engine.transport.TransportEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seam a TLS transport will use: a transport that wraps another, a {@code Transport} to the worker and
 * {@code TransportEvents} to the one below, runs a whole load test on either engine without the worker knowing.
 * This one only counts what passes through.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class TransportWrappingTest {

    @Parameter
    Engine engine;

    @BeforeEach
    void engineUsable() {
        EngineAssumptions.assumeUsable(engine);
    }

    /** Passes everything through, counting bytes each way. */
    static class CountingTransport implements Transport, TransportEvents {
        private final Transport inner;
        private TransportEvents outer;
        long bytesSent;
        long bytesReceived;
        long connects;

        CountingTransport(Transport inner) {
            this.inner = inner;
        }

        @Override
        public void open(TransportEvents events, NanoClock clock) {
            outer = events;
            inner.open(this, clock);
        }

        @Override
        public void connect(int connection) {
            inner.connect(connection);
        }

        @Override
        public void send(int connection, MemorySegment bytes, long offset, int length) {
            bytesSent += length;
            inner.send(connection, bytes, offset, length);
        }

        @Override
        public void close(int connection) {
            inner.close(connection);
        }

        @Override
        public void abort(int connection) {
            inner.abort(connection);
        }

        @Override
        public int poll(long maxWaitNs) {
            return inner.poll(maxWaitNs);
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public void onWake(long nowNs, long blockedNs) {
            outer.onWake(nowNs, blockedNs);
        }

        @Override
        public void onConnected(int connection) {
            connects++;
            outer.onConnected(connection);
        }

        @Override
        public void onConnectFailed(int connection, TransportError error, int errno) {
            outer.onConnectFailed(connection, error, errno);
        }

        @Override
        public boolean onData(int connection, MemorySegment segment, long offset, int length) {
            bytesReceived += length;
            return outer.onData(connection, segment, offset, length);
        }

        @Override
        public void onSent(int connection) {
            outer.onSent(connection);
        }

        @Override
        public void onClosed(int connection, TransportError error) {
            outer.onClosed(connection, error);
        }
    }

    @Test
    void aWrappingTransportCarriesAWholeRunUnnoticed() throws Exception {
        try (TargetServer server = TargetServer.start(ServerConfig.defaults(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), Engines.usable())) {
            Target target = Target.parse("http://127.0.0.1:" + server.port() + "/");
            byte[] request = RequestTemplate.encode("GET", target, List.of(), new byte[0]);
            LoadConfig config = LoadConfig.builder(target, request).connections(6).threads(2).pipelining(4)
                    .requests(3000).build();
            CountingTransport[] wrappers = new CountingTransport[2];
            int[] created = {0};
            RunResult r = new LoadRun(config, engine.label(), (route, connections, receiveBytes) ->
                    wrappers[created[0]++] = new CountingTransport(engine.transports().create(route, connections,
                            receiveBytes))).execute();
            assertThat(r.responses()).isEqualTo(3000);
            assertThat(r.errors()).isZero();
            long sent = wrappers[0].bytesSent + wrappers[1].bytesSent;
            long received = wrappers[0].bytesReceived + wrappers[1].bytesReceived;
            assertThat(sent).isEqualTo(3000L * request.length);
            assertThat(received).isEqualTo(r.totals().get(Counter.BYTES_READ));
            assertThat(wrappers[0].connects + wrappers[1].connects).isEqualTo(6);
        }
    }
}
