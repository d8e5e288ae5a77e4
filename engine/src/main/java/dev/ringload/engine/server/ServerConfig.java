package dev.ringload.engine.server;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code ringload serve} answers and how.
 *
 * @param address     where to listen (port 0: any free port)
 * @param threads     worker threads, each with its own ring and SO_REUSEPORT listener
 * @param cpus        CPU for each worker (worker i pinned to cpus[i % length]); empty: not pinned
 * @param status      status code of every response
 * @param contentType Content-Type header, or null for none
 * @param body        response body
 * @param delayNs     answer each request this long after it arrived (0: at once)
 * @param closeEvery  close each connection after this many responses (0: never)
 * @param faults      stalls, a capacity limit and injected faults, for testing clients (see {@link Faults})
 */
public record ServerConfig(InetSocketAddress address, int threads, int[] cpus, int status, String contentType,
                           byte[] body, long delayNs, long closeEvery, Faults faults) {

    /**
     * Faults for testing clients: stop answering for {@code stallNs} out of every {@code stallEveryNs} (0: never),
     * send at most {@code maxRate} responses a second over all workers (0: no limit), and the {@code injected}
     * faults of {@code --fault} (chosen per request from {@code seed}, see {@link InjectedFault}).
     */
    public record Faults(long stallNs, long stallEveryNs, double maxRate, List<InjectedFault> injected, long seed) {
        public static final Faults NONE = new Faults(0, 0, 0);

        public Faults {
            if (stallNs < 0 || stallEveryNs < 0 || maxRate < 0) {
                throw new IllegalArgumentException("stall, stall-every and max-rate must not be negative");
            }
            if ((stallNs > 0) != (stallEveryNs > 0)) {
                throw new IllegalArgumentException("--stall and --stall-every go together");
            }
            if (stallNs > 0 && stallNs >= stallEveryNs) {
                throw new IllegalArgumentException("--stall must be shorter than --stall-every");
            }
            injected = injected == null ? List.of() : List.copyOf(injected);
        }

        /** Stalls and a rate limit, no injected faults. */
        public Faults(long stallNs, long stallEveryNs, double maxRate) {
            this(stallNs, stallEveryNs, maxRate, List.of(), 0);
        }

        /** Only the injected faults of {@code --fault}, drawn from {@code seed}. */
        public static Faults injected(long seed, InjectedFault... faults) {
            return new Faults(0, 0, 0, List.of(faults), seed);
        }
    }

    public static final String DEFAULT_BODY = "{\"message\":\"hi\"}";

    public ServerConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599, got " + status);
        }
        if (delayNs < 0 || closeEvery < 0) {
            throw new IllegalArgumentException("delay and close-every must not be negative");
        }
        cpus = cpus == null ? new int[0] : cpus.clone();
        body = body.clone();
        faults = faults == null ? Faults.NONE : faults;
    }

    /** The defaults of {@code ringload serve} on the given address. */
    public static ServerConfig defaults(InetSocketAddress address) {
        return new ServerConfig(address, 1, new int[0], 200, "application/json",
                DEFAULT_BODY.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 0, Faults.NONE);
    }

    public ServerConfig withThreads(int n) {
        return new ServerConfig(address, n, cpus, status, contentType, body, delayNs, closeEvery, faults);
    }

    public ServerConfig withDelayNs(long ns) {
        return new ServerConfig(address, threads, cpus, status, contentType, body, ns, closeEvery, faults);
    }

    public ServerConfig withCloseEvery(long n) {
        return new ServerConfig(address, threads, cpus, status, contentType, body, delayNs, n, faults);
    }

    public ServerConfig withFaults(Faults f) {
        return new ServerConfig(address, threads, cpus, status, contentType, body, delayNs, closeEvery, f);
    }

    public ServerConfig withCpus(int... list) {
        return new ServerConfig(address, threads, list, status, contentType, body, delayNs, closeEvery, faults);
    }

    public ServerConfig withResponse(int code, String type, byte[] content) {
        return new ServerConfig(address, threads, cpus, code, type, content, delayNs, closeEvery, faults);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerConfig c && address.equals(c.address) && threads == c.threads
                && Arrays.equals(cpus, c.cpus) && status == c.status && java.util.Objects.equals(contentType, c.contentType)
                && Arrays.equals(body, c.body) && delayNs == c.delayNs && closeEvery == c.closeEvery
                && faults.equals(c.faults);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(address, threads, Arrays.hashCode(cpus), status, contentType,
                Arrays.hashCode(body), delayNs, closeEvery);
    }

    @Override
    public String toString() {
        return "ServerConfig[" + address + ", threads=" + threads + ", cpus=" + Arrays.toString(cpus) + ", status="
                + status + ", body=" + body.length + "B, delayNs=" + delayNs + ", closeEvery=" + closeEvery + "]";
    }
}
