package dev.ringload.engine.transport;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Local addresses to open connections from ({@code --source}): connection i of the run goes out from address
 * {@code i mod n}, so each address brings its own range of ephemeral ports (one address:port destination can be
 * reached from about 28,000 ports per source address with Linux's default range).
 *
 * <p>Written as addresses, ranges and prefixes, comma-separated: {@code 127.0.0.2-127.0.0.9},
 * {@code 10.1.0.0/24} (its hosts: without the network and broadcast addresses when the prefix leaves more than two),
 * {@code fd00::10-fd00::1f}, {@code 10.0.0.5,10.0.0.7}. Literal addresses only: a name would be resolved once,
 * to one address, which is not what a list of sources is for.
 */
public final class SourceAddresses {

    /** More would only make a list longer than any port range needs. */
    public static final int MAX = 1 << 16;
    public static final SourceAddresses NONE = new SourceAddresses(List.of());

    private final List<InetAddress> addresses;

    private SourceAddresses(List<InetAddress> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    public static SourceAddresses of(List<InetAddress> addresses) {
        return addresses.isEmpty() ? NONE : new SourceAddresses(addresses);
    }

    /** Parses the {@code --source} syntax; IllegalArgumentException with a one-line reason. */
    public static SourceAddresses parse(String text) {
        List<InetAddress> out = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String s = item.strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty entry in '" + text + "'");
            }
            int dash = s.indexOf('-');
            int slash = s.indexOf('/');
            if (dash >= 0) {
                range(literal(s.substring(0, dash)), literal(s.substring(dash + 1)), s, out);
            } else if (slash >= 0) {
                prefix(literal(s.substring(0, slash)), s.substring(slash + 1), s, out);
            } else {
                add(literal(s), out);
            }
        }
        return of(out);
    }

    private static void range(InetAddress first, InetAddress last, String s, List<InetAddress> out) {
        if (first.getClass() != last.getClass()) {
            throw new IllegalArgumentException("'" + s + "' mixes IPv4 and IPv6");
        }
        BigInteger from = new BigInteger(1, first.getAddress());
        BigInteger to = new BigInteger(1, last.getAddress());
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("'" + s + "' ends before it starts");
        }
        addAll(from, to, first.getAddress().length, s, out);
    }

    private static void prefix(InetAddress network, String bitsText, String s, List<InetAddress> out) {
        int width = network.getAddress().length * 8;
        int bits;
        try {
            bits = Integer.parseInt(bitsText);
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > width) {
            throw new IllegalArgumentException("'" + s + "': the prefix length must be 0 to " + width);
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE);
        BigInteger first = new BigInteger(1, network.getAddress()).andNot(hostMask);
        BigInteger last = first.or(hostMask);
        if (network instanceof Inet4Address && width - bits > 1) { // the network and broadcast addresses
            first = first.add(BigInteger.ONE);
            last = last.subtract(BigInteger.ONE);
        }
        addAll(first, last, width / 8, s, out);
    }

    private static void addAll(BigInteger from, BigInteger to, int bytes, String s, List<InetAddress> out) {
        if (to.subtract(from).add(BigInteger.valueOf(out.size())).compareTo(BigInteger.valueOf(MAX)) >= 0) {
            throw new IllegalArgumentException("'" + s + "' makes more than " + MAX + " source addresses");
        }
        for (BigInteger a = from; a.compareTo(to) <= 0; a = a.add(BigInteger.ONE)) {
            add(address(a, bytes), out);
        }
    }

    private static void add(InetAddress a, List<InetAddress> out) {
        if (out.size() >= MAX) {
            throw new IllegalArgumentException("more than " + MAX + " source addresses");
        }
        if (!out.isEmpty() && out.getFirst().getClass() != a.getClass()) {
            throw new IllegalArgumentException("source addresses mix IPv4 and IPv6");
        }
        out.add(a);
    }

    private static InetAddress address(BigInteger value, int bytes) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[bytes];
        int n = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - n, fixed, bytes - n, n);
        try {
            return InetAddress.getByAddress(fixed);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong length, which cannot happen here
        }
    }

    /** An IPv4 or IPv6 literal; never a name lookup. */
    private static InetAddress literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not an IP address");
        }
        if (v4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("'" + text.strip() + "' is not an IP address");
                }
            }
        }
        try {
            return InetAddress.getByName(s); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not an IP address");
        }
    }

    public boolean isEmpty() {
        return addresses.isEmpty();
    }

    public int size() {
        return addresses.size();
    }

    /** The address connection {@code index} (run-wide) goes out from; only when not empty. */
    public InetAddress forConnection(long index) {
        return addresses.get((int) (index % addresses.size()));
    }

    public List<InetAddress> addresses() {
        return addresses;
    }

    @Override
    public String toString() {
        return addresses.stream().map(InetAddress::getHostAddress).toList().toString();
    }
}
