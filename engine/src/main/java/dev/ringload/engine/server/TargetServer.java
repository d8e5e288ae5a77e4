package dev.ringload.engine.server;

import dev.ringload.engine.Engine;

import java.net.InetSocketAddress;

/** The built-in server, on either engine. */
public interface TargetServer extends AutoCloseable {

    /** Starts {@code config} on {@code engine}. */
    static TargetServer start(ServerConfig config, Engine engine) {
        return engine == Engine.NIO ? NioServer.start(config) : UringServer.start(config);
    }

    int port();

    InetSocketAddress address();

    ServerConfig config();

    /**
     * Complete, well-formed responses fully sent so far (updated once per loop iteration), those a fault slowed,
     * held or padded included; a fault's broken or partial bytes are not responses.
     */
    long served();

    /** How often injected fault {@code kind} (--fault) fired so far, over all workers. */
    long faultsSent(FaultKind kind);

    /** The deepest pipeline any connection used so far. */
    long maxPipelineDepth();

    /** "io_uring" or "nio". */
    String engine();

    /** Stops every worker and closes the listeners. Idempotent. */
    @Override
    void close();
}
