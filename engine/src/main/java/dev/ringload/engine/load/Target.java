package dev.ringload.engine.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code http://host[:port]/path?query} URL with its host resolved once, before the run.
 *
 * @param url        the URL as given
 * @param host       host name or literal address
 * @param port       TCP port (80 when absent)
 * @param requestTarget path and query sent on the request line ({@code /} when empty)
 * @param hostHeader value of the Host header
 * @param addresses  every address the host resolved to; connections go to the first
 */
public record Target(String url, String host, int port, String requestTarget, String hostHeader,
                     List<InetAddress> addresses) {

    /** Parses and resolves {@code url}; throws {@link IllegalArgumentException} with a one-line reason. */
    public static Target parse(String url) {
        return parse(url, InetAddress::getAllByName);
    }

    /** How a host name becomes addresses: the system resolver, or a stand-in where tests must not look names up. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static Target parse(String url, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new IllegalArgumentException("https is not supported yet (TLS comes in a later release): " + url);
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("invalid URL '" + url + "': expected http://host[:port]/path");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("invalid URL '" + url + "': no host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("invalid URL '" + url + "': user info is not supported");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid URL '" + url + "': port must be 1-65535");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String hostHeader = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (uri.getPort() == -1 || port == 80 ? "" : ":" + port);
        List<InetAddress> addresses;
        try {
            addresses = List.of(resolver.resolve(bareHost));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + bareHost + "'");
        }
        return new Target(url, bareHost, port, target, hostHeader, addresses);
    }

    public InetAddress address() {
        return addresses.getFirst();
    }
}
