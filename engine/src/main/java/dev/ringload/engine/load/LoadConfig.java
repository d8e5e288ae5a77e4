package dev.ringload.engine.load;

import dev.ringload.engine.transport.SourceAddresses;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Everything a run needs, validated. Build it with {@link #builder}, which holds the defaults in one place.
 *
 * @param target           where to send
 * @param request          one encoded request; a pipelined batch is k copies of it back to back
 * @param headRequests     the method is HEAD (responses have no body)
 * @param connections      total connections, spread evenly over the threads
 * @param threads          engine threads, each with its own ring and connections
 * @param cpus             thread i is pinned to cpus[i % length]; empty: not pinned
 * @param pipelining       requests kept in flight per connection
 * @param durationNs       measured duration after warmup; 0 with {@code requests > 0}: until the requests are done
 * @param requests         stop after exactly this many responses; -1: no limit
 * @param timeoutNs        a request older than this counts as a timeout and its connection is replaced
 * @param connectTimeoutNs a connect slower than this counts as a connect timeout
 * @param warmupNs         run this long first, measured separately and excluded from the results; with
 *                         {@code warmupAuto}, at most this long
 * @param warmupAuto       end the warmup as soon as the client is warm ({@link WarmupSettle})
 * @param rate             an open-loop rate for the whole run, split over the threads by their connections; null:
 *                         closed loop (a connection sends its next request when a response arrives)
 * @param sources          local addresses to connect from, spread over the connections; empty: the kernel picks
 * @param shard            which part of a run spread over several processes this is ({@link Shard#WHOLE}: all of
 *                         it); the other settings are already this shard's share, the shard only varies the seeds
 */
public record LoadConfig(Target target, byte[] request, boolean headRequests, int connections, int threads,
                         int[] cpus, int pipelining, long durationNs, long requests, long timeoutNs,
                         long connectTimeoutNs, long warmupNs, boolean warmupAuto, OpenLoopRate rate,
                         SourceAddresses sources, Shard shard) {

    public LoadConfig {
        if (connections < 1) throw new IllegalArgumentException("connections must be >= 1, got " + connections);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (threads > connections) {
            throw new IllegalArgumentException("threads (" + threads + ") must not exceed connections (" + connections + ")");
        }
        if (pipelining < 1 || pipelining > 65536) {
            throw new IllegalArgumentException("pipelining must be 1..65536, got " + pipelining);
        }
        if (durationNs <= 0 && requests <= 0) throw new IllegalArgumentException("duration must be positive");
        if (requests == 0 || requests < -1) throw new IllegalArgumentException("requests must be positive, got " + requests);
        if (timeoutNs <= 0 || connectTimeoutNs <= 0) throw new IllegalArgumentException("timeouts must be positive");
        if (warmupNs < 0) throw new IllegalArgumentException("warmup must not be negative");
        if (warmupAuto && warmupNs == 0) throw new IllegalArgumentException("an automatic warmup needs a maximum");
        if (rate != null && requests > 0) {
            throw new IllegalArgumentException("an open-loop rate cannot be combined with a request count");
        }
        if (shard == null) throw new IllegalArgumentException("shard must be given (Shard.WHOLE: not split)");
        request = request.clone();
        cpus = cpus == null ? new int[0] : cpus.clone();
        sources = sources == null ? SourceAddresses.NONE : sources;
    }

    /** The encoded request (a copy). */
    @Override
    public byte[] request() {
        return request.clone();
    }

    /** The CPU list (a copy). */
    @Override
    public int[] cpus() {
        return cpus.clone();
    }

    public static final int DEFAULT_CONNECTIONS = 100;
    public static final long DEFAULT_DURATION_NS = TimeUnit.SECONDS.toNanos(10);
    public static final long DEFAULT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    public static final long DEFAULT_CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    /** A configuration for {@code target} sending {@code request}, with every other setting at its default. */
    public static Builder builder(Target target, byte[] request) {
        return new Builder(target, request);
    }

    /** The highest latency the histograms track: twice the request timeout, at least a second. */
    public long highestLatencyNs() {
        return Math.max(timeoutNs * 2, TimeUnit.SECONDS.toNanos(1));
    }

    /** Connections owned by thread {@code index}: an even split, the first threads taking the remainder. */
    public int connectionsOf(int index) {
        return connections / threads + (index < connections % threads ? 1 : 0);
    }

    /** The run-wide number of thread {@code index}'s first connection. */
    public int firstConnectionOf(int index) {
        int first = 0;
        for (int i = 0; i < index; i++) {
            first += connectionsOf(i);
        }
        return first;
    }

    /** Request budget of thread {@code index} (-1: unlimited), split like the connections. */
    public long requestsOf(int index) {
        if (requests < 0) return -1;
        return requests / threads + (index < requests % threads ? 1 : 0);
    }

    /** Thread {@code index}'s share of the open-loop rate (its share of the connections), or null: closed loop. */
    public OpenLoopRate rateOf(int index) {
        return rate == null ? null : rate.share((double) connectionsOf(index) / connections);
    }

    /**
     * The seed of thread {@code index}'s Poisson schedule: fixed, so a run's schedule can be repeated, and another
     * for each shard, so that shards do not send the same bursts at the same moments.
     */
    public long seedOf(int index) {
        return 0x9E3779B97F4A7C15L * (index + 1 + ((long) shard.index() << 32));
    }

    public boolean openLoop() {
        return rate != null;
    }

    public int cpuOf(int index) {
        return cpus.length == 0 ? -1 : cpus[index % cpus.length];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadConfig c && target.equals(c.target) && Arrays.equals(request, c.request)
                && headRequests == c.headRequests && connections == c.connections && threads == c.threads
                && Arrays.equals(cpus, c.cpus) && pipelining == c.pipelining && durationNs == c.durationNs
                && requests == c.requests && timeoutNs == c.timeoutNs && connectTimeoutNs == c.connectTimeoutNs
                && warmupNs == c.warmupNs && warmupAuto == c.warmupAuto && java.util.Objects.equals(rate, c.rate)
                && sources.addresses().equals(c.sources.addresses()) && shard.equals(c.shard);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(target, Arrays.hashCode(request), connections, threads, pipelining, durationNs);
    }

    @Override
    public String toString() {
        return "LoadConfig[" + target.url() + ", c=" + connections + ", t=" + threads + ", p=" + pipelining
                + ", durationNs=" + durationNs + ", requests=" + requests + (rate == null ? "" : ", rate=" + rate)
                + (shard.whole() ? "" : ", shard=" + shard) + "]";
    }

    /**
     * Builds a {@link LoadConfig}: 100 connections on one unpinned thread, pipelining 1, 10 s (or, with
     * {@link #requests}, until they are done), request timeout 10 s, connect timeout 5 s, no warmup.
     */
    public static final class Builder {
        private final Target target;
        private final byte[] request;
        private boolean headRequests;
        private int connections = DEFAULT_CONNECTIONS;
        private int threads = 1;
        private int[] cpus = new int[0];
        private int pipelining = 1;
        private Long durationNs;
        private long requests = -1;
        private long timeoutNs = DEFAULT_TIMEOUT_NS;
        private long connectTimeoutNs = DEFAULT_CONNECT_TIMEOUT_NS;
        private long warmupNs;
        private boolean warmupAuto;
        private OpenLoopRate rate;
        private SourceAddresses sources = SourceAddresses.NONE;
        private Shard shard = Shard.WHOLE;

        private Builder(Target target, byte[] request) {
            this.target = target;
            this.request = request;
        }

        public Builder headRequests(boolean head) {
            this.headRequests = head;
            return this;
        }

        public Builder connections(int n) {
            this.connections = n;
            return this;
        }

        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        public Builder cpus(int[] list) {
            this.cpus = list;
            return this;
        }

        public Builder pipelining(int depth) {
            this.pipelining = depth;
            return this;
        }

        public Builder durationNs(long ns) {
            this.durationNs = ns;
            return this;
        }

        /** Stop after exactly {@code n} responses; -1 for no limit. */
        public Builder requests(long n) {
            this.requests = n;
            return this;
        }

        public Builder timeoutNs(long ns) {
            this.timeoutNs = ns;
            return this;
        }

        public Builder connectTimeoutNs(long ns) {
            this.connectTimeoutNs = ns;
            return this;
        }

        /** An automatic warmup of at most {@code maxNs} ({@link WarmupSettle}). */
        public Builder warmupAuto(long maxNs) {
            this.warmupNs = maxNs;
            this.warmupAuto = true;
            return this;
        }

        public Builder warmupNs(long ns) {
            this.warmupAuto = false;
            this.warmupNs = ns;
            return this;
        }

        /** Send on an open-loop schedule at {@code rate}; null (the default) for a closed loop. */
        public Builder rate(OpenLoopRate rate) {
            this.rate = rate;
            return this;
        }

        /** Connect from these local addresses (connection i from address i mod n). */
        public Builder sources(SourceAddresses sources) {
            this.sources = sources;
            return this;
        }

        /** This configuration is shard {@code shard}'s part of a larger run (the default: {@link Shard#WHOLE}). */
        public Builder shard(Shard shard) {
            this.shard = shard;
            return this;
        }

        /** @throws IllegalArgumentException for an invalid combination, with a one-line reason */
        public LoadConfig build() {
            long duration = durationNs != null ? durationNs : requests > 0 ? 0 : DEFAULT_DURATION_NS;
            return new LoadConfig(target, request, headRequests, connections, threads, cpus, pipelining, duration,
                    requests, timeoutNs, connectTimeoutNs, warmupNs, warmupAuto, rate, sources, shard);
        }
    }
}
