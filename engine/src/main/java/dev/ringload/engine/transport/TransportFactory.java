package dev.ringload.engine.transport;

import java.net.InetSocketAddress;

/** Creates one worker's transport (the engine choice). */
@FunctionalInterface
public interface TransportFactory {

    /**
     * @param target             where every connection goes
     * @param connections        connection numbers the worker will use
     * @param receiveBufferBytes the receive size the worker's traffic calls for (larger for deep pipelines)
     */
    Transport create(InetSocketAddress target, int connections, int receiveBufferBytes);
}
