package dev.ringload.engine.doctor;

import dev.ringload.engine.doctor.Finding.Fix;
import dev.ringload.engine.doctor.Finding.Status;
import dev.ringload.engine.uring.IoUringProbe;
import dev.ringload.engine.os.KernelFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a host (under a root, "/" normally, a fixture tree in tests) and says what limits a high-ceiling run:
 * NIC queues vs CPUs and RPS/RFS, NIC interrupt placement and irqbalance, file descriptors, ephemeral ports,
 * somaxconn, tcp_tw_reuse, io_uring. Each finding carries the exact commands that fix it.
 */
public final class Doctor {

    /** Fewer CPUs than this share of min(IRQs, CPUs) taking 95% of NIC interrupts counts as concentrated. */
    static final double SPREAD_SHARE = 0.75;
    static final int DEFAULT_FLOW_ENTRIES = 32768;
    static final int SPARE_FDS = 64;
    static final int SOMAXCONN = 4096;

    /**
     * @param root        where /sys and /proc are read from
     * @param iface       only this interface (null: every non-loopback one)
     * @param connections planned connections (-1: unknown)
     * @param probeLive   also run the real io_uring probe (only meaningful for the live root)
     */
    public record Options(Path root, String iface, long connections, boolean probeLive) {
    }

    private final Options options;
    private final Path root;
    private final List<Finding> findings = new ArrayList<>();
    private BitSet online = new BitSet();

    private Doctor(Options options) {
        this.options = options;
        this.root = options.root();
    }

    public static List<Finding> inspect(Options options) {
        Doctor d = new Doctor(options);
        d.cpus();
        for (String iface : d.interfaces()) {
            d.nic(iface);
        }
        d.irqbalance();
        d.fileDescriptors();
        d.ports();
        d.somaxconn();
        d.twReuse();
        d.ioUring();
        d.memlock();
        return List.copyOf(d.findings);
    }

    /** Only the checks that limit a run of {@code options.connections()}: descriptors and ephemeral ports. */
    public static List<Finding> inspectLimits(Options options) {
        Doctor d = new Doctor(options);
        d.fileDescriptors();
        d.ports();
        return List.copyOf(d.findings);
    }

    private void add(String id, Status status, String value, String expected, String why, List<Fix> fixes) {
        findings.add(new Finding(id, status, value, expected, why, fixes));
    }

    private String read(String relative) {
        try {
            return KernelFiles.read(root.resolve(relative)).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private void cpus() {
        String list = read("sys/devices/system/cpu/online");
        online = list == null ? CpuMask.firstN(Runtime.getRuntime().availableProcessors()) : CpuMask.parseList(list);
        add("cpus", Status.OK, online.cardinality() + " online (" + CpuMask.list(online) + ")", "",
                "engine threads, NIC queues and interrupts are spread over these", List.of());
    }

    private List<String> interfaces() {
        if (options.iface() != null) {
            return List.of(options.iface());
        }
        try (Stream<Path> entries = Files.list(root.resolve("sys/class/net"))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals("lo")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private int[] queues(String iface, String prefix) {
        try (Stream<Path> entries = Files.list(root.resolve("sys/class/net/" + iface + "/queues"))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))
                    .mapToInt(n -> Integer.parseInt(n.substring(prefix.length()))).sorted().toArray();
        } catch (IOException | NumberFormatException e) {
            return new int[0];
        }
    }

    private void nic(String iface) {
        int[] rx = queues(iface, "rx-");
        int cpus = online.cardinality();
        if (rx.length == 0) {
            add("nic." + iface, Status.WARN, "no rx queues under /sys/class/net/" + iface + "/queues", "",
                    "cannot check RPS/RFS for this interface", List.of());
            return;
        }
        String all = CpuMask.mask(online);
        int missing = 0;
        List<Fix> rpsFixes = new ArrayList<>();
        for (int q : rx) {
            String file = "sys/class/net/" + iface + "/queues/rx-" + q + "/rps_cpus";
            String mask = read(file);
            BitSet set = mask == null ? new BitSet() : CpuMask.parseMask(mask);
            if (!set.equals(online)) {
                missing++;
                rpsFixes.add(Fix.write(file, all));
            }
        }
        if (rx.length >= cpus) {
            add("rps." + iface, Status.OK, rx.length + " rx queues for " + cpus + " CPUs", "",
                    "every CPU can have its own hardware queue: RPS is not needed", List.of());
        } else if (missing == 0) {
            add("rps." + iface, Status.OK, rx.length + " rx queues, RPS spreads them over all " + cpus + " CPUs",
                    "rps_cpus=" + all, "packets are processed on every CPU", List.of());
        } else {
            add("rps." + iface, Status.WARN, rx.length + " rx queues for " + cpus + " CPUs, RPS not set on " + missing
                    + " of them", "rps_cpus=" + all + " on every rx queue", "without RPS only " + rx.length
                    + " CPUs process this NIC's packets, whatever the engine threads do", rpsFixes);
        }
        rfs(iface, rx);
        irqs(iface, rx.length);
    }

    private void rfs(String iface, int[] rx) {
        long wanted = Long.highestOneBit(Math.max(DEFAULT_FLOW_ENTRIES, Math.max(options.connections(), 1)) * 2 - 1);
        long perQueue = wanted / rx.length;
        String entriesFile = "proc/sys/net/core/rps_sock_flow_entries";
        long entries = parseLong(read(entriesFile), 0);
        List<Fix> fixes = new ArrayList<>();
        if (entries < wanted) {
            fixes.add(Fix.write(entriesFile, Long.toString(wanted)));
        }
        for (int q : rx) {
            String file = "sys/class/net/" + iface + "/queues/rx-" + q + "/rps_flow_cnt";
            if (parseLong(read(file), 0) < perQueue) {
                fixes.add(Fix.write(file, Long.toString(perQueue)));
            }
        }
        String expected = "rps_sock_flow_entries >= " + wanted + ", rps_flow_cnt >= " + perQueue + " per queue";
        if (fixes.isEmpty()) {
            add("rfs." + iface, Status.OK, "rps_sock_flow_entries=" + entries, expected,
                    "RFS steers each flow's packets to the CPU running its socket's thread", List.of());
        } else {
            add("rfs." + iface, Status.WARN, "rps_sock_flow_entries=" + entries, expected,
                    "without RFS a connection's packets are processed on another CPU than its engine thread's "
                            + "(cache misses, cross-CPU wakeups)", fixes);
        }
    }

    /** NIC interrupts: which CPUs take them, and commands that spread one per core. */
    private void irqs(String iface, int rxQueues) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve("proc/interrupts"));
        } catch (IOException e) {
            return;
        }
        if (lines.isEmpty()) {
            return;
        }
        int columns = lines.getFirst().trim().split("\\s+").length;
        List<Integer> irqs = new ArrayList<>();
        long[] perCpu = new long[columns];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < columns + 2 || !f[0].endsWith(":") || !f[f.length - 1].contains(iface)) {
                continue;
            }
            int irq;
            try {
                irq = Integer.parseInt(f[0].substring(0, f[0].length() - 1));
            } catch (NumberFormatException e) {
                continue;
            }
            irqs.add(irq);
            for (int c = 0; c < columns; c++) {
                perCpu[c] += parseLong(f[c + 1], 0);
            }
        }
        if (irqs.isEmpty()) {
            add("irq." + iface, Status.OK, "no interrupts named after " + iface + " in /proc/interrupts", "",
                    "nothing to place", List.of());
            return;
        }
        long total = Arrays.stream(perCpu).sum();
        long[] sorted = perCpu.clone();
        Arrays.sort(sorted);
        int taking = 0;
        long covered = 0;
        for (int i = sorted.length - 1; i >= 0 && total > 0 && covered < total * 0.95; i--) {
            covered += sorted[i];
            taking++;
        }
        int cpus = online.cardinality();
        int ideal = Math.min(irqs.size(), cpus);
        String value = total == 0 ? irqs.size() + " IRQs, no interrupts counted yet"
                : String.format(Locale.ROOT, "%d of %d CPUs take 95%% of %s's interrupts (%d IRQs)", taking, cpus, iface,
                irqs.size());
        // Spread plan: IRQ i on the i-th CPU of an even stride; engine threads get the rest.
        int[] cpuList = online.stream().toArray();
        List<Fix> fixes = new ArrayList<>();
        BitSet irqCpus = new BitSet();
        for (int i = 0; i < irqs.size(); i++) {
            int cpu = irqs.size() <= cpuList.length ? cpuList[(int) ((long) i * cpuList.length / irqs.size())]
                    : cpuList[i % cpuList.length];
            irqCpus.set(cpu);
            fixes.add(Fix.write("proc/irq/" + irqs.get(i) + "/smp_affinity_list", Integer.toString(cpu)));
        }
        BitSet rest = (BitSet) online.clone();
        rest.andNot(irqCpus);
        String engineCpus = rest.isEmpty() ? CpuMask.list(online) : CpuMask.list(rest);
        fixes.add(Fix.manual("ringload run --cpus " + engineCpus + " ...   # engine threads off the interrupt CPUs"));
        boolean concentrated = total > 0 && taking < Math.ceil(ideal * SPREAD_SHARE);
        add("irq." + iface, concentrated ? Status.WARN : Status.OK, value, "one IRQ per core, " + ideal + " CPUs",
                concentrated ? "interrupts pile up on a few CPUs: those CPUs saturate first and the rest idle"
                        : "interrupts are spread; keep engine threads off those CPUs with --cpus " + engineCpus,
                concentrated ? fixes : List.of(fixes.getLast()));
    }

    private void irqbalance() {
        boolean running = false;
        try (Stream<Path> entries = Files.list(root.resolve("proc"))) {
            running = entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .anyMatch(p -> "irqbalance".equals(readQuietly(p.resolve("comm"))));
        } catch (IOException e) {
            // no /proc: nothing to say
        }
        if (running) {
            add("irqbalance", Status.WARN, "running", "stopped", "irqbalance moves NIC interrupts between CPUs during "
                    + "a run and undoes a deliberate placement", List.of(Fix.manual("systemctl stop irqbalance"),
                    Fix.manual("systemctl disable irqbalance")));
        } else {
            add("irqbalance", Status.OK, "not running", "stopped", "interrupt placement stays as set", List.of());
        }
    }

    private static String readQuietly(Path path) {
        try {
            return KernelFiles.read(path).trim();
        } catch (IOException e) {
            return null;
        }
    }

    /** Soft and hard limit of a "Max ..." line of /proc/self/limits (-1 for unlimited), or null. */
    private long[] limit(String name) {
        String limits = read("proc/self/limits");
        if (limits == null) {
            return null;
        }
        for (String line : limits.split("\n")) {
            if (line.startsWith(name)) {
                String[] f = line.substring(name.length()).trim().split("\\s+");
                return new long[] {f[0].equals("unlimited") ? -1 : parseLong(f[0], 0),
                        f[1].equals("unlimited") ? -1 : parseLong(f[1], 0)};
            }
        }
        return null;
    }

    private void fileDescriptors() {
        long[] nofile = limit("Max open files");
        if (nofile == null) {
            return;
        }
        String value = "soft " + nofile[0] + ", hard " + nofile[1];
        if (options.connections() < 0) {
            add("nofile", Status.OK, value, "", "each connection is a file descriptor (pass --connections to check)",
                    List.of());
            return;
        }
        long needed = options.connections() + SPARE_FDS;
        List<Fix> fixes = List.of(Fix.manual("ulimit -n " + needed),
                Fix.manual("# systemd: LimitNOFILE=" + needed + "; docker: --ulimit nofile=" + needed));
        if (nofile[1] != -1 && nofile[1] < needed) {
            add("nofile", Status.FAIL, value, ">= " + needed, options.connections()
                    + " connections need about " + needed + " descriptors: more than the hard limit allows", fixes);
        } else if (nofile[0] != -1 && nofile[0] < needed) {
            add("nofile", Status.WARN, value, ">= " + needed, "ringload raises the soft limit itself; other tools "
                    + "and child processes will not", fixes);
        } else {
            add("nofile", Status.OK, value, ">= " + needed, "enough descriptors for the connections", List.of());
        }
    }

    /** The most ephemeral ports per source address: 1024-65535. */
    private static final long WIDEST_PORT_RANGE = 65535 - 1024 + 1;

    private void ports() {
        String file = "proc/sys/net/ipv4/ip_local_port_range";
        String range = read(file);
        if (range == null) {
            return;
        }
        String[] f = range.split("\\s+");
        long size = parseLong(f[1], 0) - parseLong(f[0], 0) + 1;
        String value = f[0] + "-" + f[1] + " (" + size + " ports)";
        if (options.connections() > size) {
            // Per source address: --source multiplies the range by the number of addresses.
            long sources = (options.connections() + size - 1) / size;
            long widened = (options.connections() + WIDEST_PORT_RANGE - 1) / WIDEST_PORT_RANGE;
            add("ports", Status.FAIL, value, ">= " + options.connections() + " ports per destination address",
                    "each connection to one address:port needs its own local port: only " + size + " exist per "
                            + "source address, so " + options.connections() + " connections need " + sources
                            + " source addresses (--source ADDR-ADDR)" + (widened < sources ? ", or " + widened
                            + " with the range widened" : "") + "; doctor --connections N checks again",
                    List.of(Fix.write(file, "1024 65535")));
        } else {
            add("ports", Status.OK, value, options.connections() < 0 ? "" : ">= " + options.connections(),
                    "enough ephemeral ports per destination address", List.of());
        }
    }

    private void somaxconn() {
        String file = "proc/sys/net/core/somaxconn";
        long value = parseLong(read(file), -1);
        if (value < 0) {
            return;
        }
        if (value < SOMAXCONN) {
            add("somaxconn", Status.WARN, Long.toString(value), ">= " + SOMAXCONN, "a listener's accept queue is capped "
                    + "here: connection bursts beyond it are dropped and retried after a second",
                    List.of(Fix.write(file, Integer.toString(SOMAXCONN))));
        } else {
            add("somaxconn", Status.OK, Long.toString(value), ">= " + SOMAXCONN, "accept queues are long enough",
                    List.of());
        }
    }

    private void twReuse() {
        String file = "proc/sys/net/ipv4/tcp_tw_reuse";
        long value = parseLong(read(file), -1);
        if (value < 0) {
            return;
        }
        if (value != 1) {
            add("tw_reuse", Status.WARN, Long.toString(value), "1", "reconnecting clients leave TIME_WAIT sockets "
                    + "behind; without reuse they exhaust the ports of a destination", List.of(Fix.write(file, "1")));
        } else {
            add("tw_reuse", Status.OK, "1", "1", "TIME_WAIT ports are reused for new connections", List.of());
        }
    }

    private void ioUring() {
        String file = "proc/sys/kernel/io_uring_disabled";
        long disabled = parseLong(read(file), 0);
        if (disabled != 0) {
            add("io_uring", disabled == 2 ? Status.FAIL : Status.WARN, "kernel.io_uring_disabled=" + disabled, "0",
                    "io_uring is " + (disabled == 2 ? "disabled for every process" : "limited to kernel.io_uring_group")
                            + ": ringload falls back to its slower NIO engine", List.of(Fix.write(file, "0")));
            return;
        }
        if (options.probeLive()) {
            IoUringProbe.Result probe = IoUringProbe.probe();
            if (!probe.usable()) {
                add("io_uring", Status.FAIL, probe.reason(), "usable", "ringload falls back to its slower NIO engine",
                        List.of(Fix.manual("# e.g. Docker: --security-opt seccomp=docker/seccomp-io_uring.json")));
                return;
            }
        }
        add("io_uring", Status.OK, "kernel.io_uring_disabled=0", "0", "the io_uring engine can run", List.of());
    }

    private void memlock() {
        long[] memlock = limit("Max locked memory");
        if (memlock == null) {
            return;
        }
        add("memlock", Status.OK, "soft " + (memlock[0] == -1 ? "unlimited" : memlock[0]) + ", hard "
                        + (memlock[1] == -1 ? "unlimited" : memlock[1]), "",
                "since Linux 5.12 io_uring charges its rings to the memory cgroup, not to this limit", List.of());
    }

    private static long parseLong(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Performs every applicable fix of every finding that is not ok, writing under {@code root}; returns what was
     * done, one line each (manual fixes are listed as such, never run).
     */
    public static List<String> apply(List<Finding> findings, Path root) throws IOException {
        List<String> log = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Finding finding : findings) {
            if (finding.status() == Status.OK) {
                continue;
            }
            for (Fix fix : finding.fixes()) {
                if (!done.add(fix.command())) {
                    continue; // e.g. the same sysctl asked for by several interfaces
                }
                if (fix.applicable()) {
                    log.add("applying: " + fix.command());
                    Files.writeString(root.resolve(fix.file()), fix.value() + "\n");
                } else {
                    log.add("run yourself: " + fix.command());
                }
            }
        }
        return log;
    }

    /** Whether this process runs with effective uid 0 (from /proc/self/status). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
