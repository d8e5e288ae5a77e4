package dev.ringload.engine.transport;

/** Creates one worker's transport (the engine choice). */
@FunctionalInterface
public interface TransportFactory {

    /**
     * @param route              where the worker's connections go, and come from
     * @param connections        connection numbers the worker will use
     * @param receiveBufferBytes the receive size the worker's traffic calls for (larger for deep pipelines)
     */
    Transport create(Route route, int connections, int receiveBufferBytes);
}
