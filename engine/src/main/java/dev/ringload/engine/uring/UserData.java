package dev.ringload.engine.uring;

/**
 * Packs what a completion must be routed by into the 64-bit {@code user_data}, as Netty's {@code UserData} does:
 *
 * <pre>
 *  63            32 31      24 23             0
 * +----------------+----------+----------------+
 * |   connection   |    op    |      aux       |
 * +----------------+----------+----------------+
 * </pre>
 */
public final class UserData {

    private UserData() {
    }

    public static long encode(int connection, int op, int aux) {
        return ((long) connection << 32) | ((long) (op & 0xff) << 24) | (aux & 0xff_ffffL);
    }

    public static int connection(long userData) {
        return (int) (userData >>> 32);
    }

    public static int op(long userData) {
        return (int) (userData >>> 24) & 0xff;
    }

    public static int aux(long userData) {
        return (int) userData & 0xff_ffff;
    }
}
