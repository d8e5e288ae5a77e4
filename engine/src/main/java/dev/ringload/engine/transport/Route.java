package dev.ringload.engine.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where one worker's connections go and where they come from: the target, the run's source addresses, and the
 * run-wide number of the worker's first connection (so the run, not each worker, spreads over the sources).
 */
public record Route(InetSocketAddress target, SourceAddresses sources, int firstConnection) {

    /** To {@code target} from whatever address the kernel picks. */
    public static Route to(InetSocketAddress target) {
        return new Route(target, SourceAddresses.NONE, 0);
    }

    /** The source address of the worker's connection {@code c}, or null: the kernel picks. */
    public InetAddress sourceOf(int c) {
        return sources.isEmpty() ? null : sources.forConnection((long) firstConnection + c);
    }
}
