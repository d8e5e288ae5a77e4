package dev.ringload.engine.os;

import dev.ringload.bindings.uring.ringload_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

import static dev.ringload.bindings.uring.ringload_h.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Plain socket system calls for the setup paths (listening sockets, socket options, closing). One instance per
 * thread: it owns the errno capture segment and a scratch int from the arena it was given.
 */
public final class Sockets {

    private final Arena arena;
    private final MemorySegment errnoState;
    private final MemorySegment intValue;
    private final MemorySegment lingerValue;

    public Sockets(Arena arena) {
        this.arena = arena;
        this.errnoState = ringload_h.errnoState(arena);
        this.intValue = arena.allocate(JAVA_INT);
        this.lingerValue = dev.ringload.bindings.uring.linger.allocate(arena);
    }

    /**
     * A listening TCP socket bound to {@code address} with {@code SO_REUSEADDR}, and {@code SO_REUSEPORT} when
     * asked (so several threads can each accept on their own socket for the same port).
     */
    public int listen(InetSocketAddress address, int backlog, boolean reusePort) {
        int fd = ringload_h.socket(errnoState, SocketAddresses.family(address), SOCK_STREAM() | SOCK_CLOEXEC(), 0);
        if (fd < 0) {
            throw new ErrnoException("socket", ringload_h.errno(errnoState));
        }
        try {
            setInt(fd, SOL_SOCKET(), SO_REUSEADDR(), 1, "SO_REUSEADDR");
            if (reusePort) {
                setInt(fd, SOL_SOCKET(), SO_REUSEPORT(), 1, "SO_REUSEPORT");
            }
            MemorySegment sockaddr = SocketAddresses.allocate(arena, address);
            if (ringload_h.bind(errnoState, fd, sockaddr, (int) sockaddr.byteSize()) != 0) {
                throw new ErrnoException("bind " + format(address), ringload_h.errno(errnoState));
            }
            if (ringload_h.listen(errnoState, fd, backlog) != 0) {
                throw new ErrnoException("listen " + format(address), ringload_h.errno(errnoState));
            }
            return fd;
        } catch (RuntimeException e) {
            ringload_h.close(errnoState, fd);
            throw e;
        }
    }

    /** A blocking TCP socket for {@code family} (io_uring does the waiting). */
    public int socket(int family) {
        int fd = ringload_h.socket(errnoState, family, SOCK_STREAM() | SOCK_CLOEXEC(), 0);
        if (fd < 0) {
            throw new ErrnoException("socket", ringload_h.errno(errnoState));
        }
        return fd;
    }

    /** The local port a socket is bound to (after binding port 0). */
    public int localPort(int fd) {
        MemorySegment sockaddr = arena.allocate(dev.ringload.bindings.uring.sockaddr_in6.layout());
        MemorySegment length = arena.allocate(JAVA_INT);
        length.set(JAVA_INT, 0, (int) sockaddr.byteSize());
        if (ringload_h.getsockname(errnoState, fd, sockaddr, length) != 0) {
            throw new ErrnoException("getsockname", ringload_h.errno(errnoState));
        }
        // sin_port and sin6_port sit at the same offset, in network byte order.
        return Short.toUnsignedInt(Short.reverseBytes(
                sockaddr.get(java.lang.foreign.ValueLayout.JAVA_SHORT, dev.ringload.bindings.uring.sockaddr_in.sin_port$offset())));
    }

    /**
     * Binds {@code fd} to the address in {@code sockaddr} (port 0) with {@code IP_BIND_ADDRESS_NO_PORT}: the port is
     * chosen at connect, for the whole 4-tuple, rather than reserved at bind for the address alone, so each source
     * address reaches one destination from its full ephemeral range.
     */
    public void bindSource(int fd, MemorySegment sockaddr) {
        setInt(fd, IPPROTO_IP(), IP_BIND_ADDRESS_NO_PORT(), 1, "IP_BIND_ADDRESS_NO_PORT");
        if (ringload_h.bind(errnoState, fd, sockaddr, (int) sockaddr.byteSize()) != 0) {
            throw new ErrnoException("bind", ringload_h.errno(errnoState));
        }
    }

    public void setNoDelay(int fd) {
        setInt(fd, IPPROTO_TCP(), TCP_NODELAY(), 1, "TCP_NODELAY");
    }

    public void setInt(int fd, int level, int option, int value, String what) {
        intValue.set(JAVA_INT, 0, value);
        if (ringload_h.setsockopt(errnoState, fd, level, option, intValue, (int) JAVA_INT.byteSize()) != 0) {
            throw new ErrnoException("setsockopt " + what, ringload_h.errno(errnoState));
        }
    }

    /** SO_LINGER on with a timeout of 0: close(2) then drops what is unsent and sends a reset instead of a FIN. */
    public void setLingerZero(int fd) {
        dev.ringload.bindings.uring.linger.l_onoff(lingerValue, 1);
        dev.ringload.bindings.uring.linger.l_linger(lingerValue, 0);
        if (ringload_h.setsockopt(errnoState, fd, SOL_SOCKET(), SO_LINGER(), lingerValue,
                (int) lingerValue.byteSize()) != 0) {
            throw new ErrnoException("setsockopt SO_LINGER", ringload_h.errno(errnoState));
        }
    }

    /**
     * shutdown(fd, SHUT_WR): sends FIN after the data already queued. Done synchronously on purpose: io_uring
     * always punts IORING_OP_SHUTDOWN to a worker, which looks the fd up only when it runs, so a connection closed
     * and replaced meanwhile could have its successor shut down instead.
     */
    public void shutdownWrite(int fd) {
        ringload_h.shutdown(errnoState, fd, SHUT_WR());
    }

    /** close(2); errors are ignored (nothing useful can be done about them at this point). */
    public void close(int fd) {
        if (fd >= 0) {
            ringload_h.close(errnoState, fd);
        }
    }

    private static String format(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
