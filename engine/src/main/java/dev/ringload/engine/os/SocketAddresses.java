package dev.ringload.engine.os;

import dev.ringload.bindings.uring.sockaddr_in;
import dev.ringload.bindings.uring.sockaddr_in6;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

import static dev.ringload.bindings.uring.ringload_h.AF_INET;
import static dev.ringload.bindings.uring.ringload_h.AF_INET6;

/** Encodes resolved Java socket addresses as {@code sockaddr_in}/{@code sockaddr_in6} for connect/bind. */
public final class SocketAddresses {

    private static final ValueLayout.OfShort NETWORK_SHORT = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

    private SocketAddresses() {
    }

    /** A native sockaddr for {@code address}; its byte size is the length to pass to the kernel. */
    public static MemorySegment allocate(SegmentAllocator allocator, InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        if (address.getAddress() instanceof Inet4Address v4) {
            MemorySegment sa = sockaddr_in.allocate(allocator);
            sockaddr_in.sin_family(sa, (short) AF_INET());
            sa.set(NETWORK_SHORT, sockaddr_in.sin_port$offset(), (short) address.getPort());
            MemorySegment.copy(v4.getAddress(), 0, sa, ValueLayout.JAVA_BYTE, sockaddr_in.sin_addr$offset(), 4);
            return sa;
        }
        Inet6Address v6 = (Inet6Address) address.getAddress();
        MemorySegment sa = sockaddr_in6.allocate(allocator);
        sockaddr_in6.sin6_family(sa, (short) AF_INET6());
        sa.set(NETWORK_SHORT, sockaddr_in6.sin6_port$offset(), (short) address.getPort());
        MemorySegment.copy(v6.getAddress(), 0, sa, ValueLayout.JAVA_BYTE, sockaddr_in6.sin6_addr$offset(), 16);
        sockaddr_in6.sin6_scope_id(sa, v6.getScopeId());
        return sa;
    }

    /** The address family constant for {@code address}. */
    public static int family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address ? AF_INET() : AF_INET6();
    }
}
