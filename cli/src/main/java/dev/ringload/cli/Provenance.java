package dev.ringload.cli;

import dev.ringload.engine.os.KernelFiles;
import dev.ringload.engine.os.ResourceLimits;
import dev.ringload.engine.uring.IoUring;
import dev.ringload.engine.uring.IoUringProbe;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where and how a run was made, so that two reports can be told apart months later: the build, the command line,
 * the host (CPU, memory, kernel, JDK), the NIC on the route to the target and its speed, the limits that cap
 * connections, io_uring's state and the container. Collected once per run, after the run. Each value is read
 * where Linux publishes it and is null when it cannot be read (containers and gVisor hide much of /proc and /sys):
 * provenance never fails a run.
 *
 * @param version        ringload's version
 * @param commit         the git commit the jar was built from ("-dirty" when tracked files had changes), or
 *                       "unknown" for a build without git
 * @param commandLine    the arguments as given
 * @param jdk            the running JDK's version
 * @param kernel         the kernel release
 * @param cpuModel       /proc/cpuinfo's "model name", or null
 * @param cpuCount       online CPUs
 * @param engineCpus     the CPUs the engine threads were pinned to (empty when not pinned)
 * @param memoryBytes    MemTotal, or null
 * @param route          the interface the target is reached through, or null when unknown
 * @param nofile         RLIMIT_NOFILE as the run had it, or null
 * @param localPortRange net.ipv4.ip_local_port_range, or null
 * @param ioUring        whether io_uring is usable, and why not
 * @param container      whether this runs in a container
 * @param image          ringload's image version, or null outside the image
 * @param startedAt      when the run started
 */
record Provenance(String version, String commit, List<String> commandLine, String jdk, String kernel,
                  String cpuModel, int cpuCount, List<Integer> engineCpus, Long memoryBytes, Route route,
                  OpenFiles nofile, PortRange localPortRange, IoUringState ioUring, boolean container, String image,
                  Instant startedAt) {

    /**
     * @param iface     the interface's name ("lo" for the host's own addresses)
     * @param speedMbps the link speed from /sys/class/net/IFACE/speed; null for virtual links and unknown speeds
     * @param loopback  whether the traffic never leaves the host
     */
    record Route(String iface, Integer speedMbps, boolean loopback) {
    }

    /** RLIMIT_NOFILE; {@link Long#MAX_VALUE} is unlimited. */
    record OpenFiles(long soft, long hard) {
    }

    record PortRange(int low, int high) {
    }

    record IoUringState(boolean usable, String reason) {
    }

    /** RTF_UP in /proc/net/route and /proc/net/ipv6_route flags. */
    private static final int RTF_UP = 0x0001;
    /** RTF_REJECT: unreachable routes, such as IPv6's catch-all {@code ::/0} on lo. */
    private static final int RTF_REJECT = 0x0200;
    /** RTF_LOCAL (include/uapi/linux/ipv6_route.h): an address of this host, delivered without leaving it. */
    private static final int RTF_LOCAL = 0x80000000;

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+^-]+");

    Provenance {
        commandLine = List.copyOf(commandLine);
        engineCpus = List.copyOf(engineCpus);
    }

    /** Reads everything once; {@code target} may be null when the run never resolved one. */
    static Provenance collect(List<String> commandLine, InetAddress target, int[] engineCpus, Instant startedAt) {
        Environment env = Environment.detect();
        Properties build = buildProperties();
        String cpuinfo = read("/proc/cpuinfo");
        String meminfo = read("/proc/meminfo");
        String online = read("/sys/devices/system/cpu/online");
        String ports = read("/proc/sys/net/ipv4/ip_local_port_range");
        Integer cpus = online == null ? null : cpuCount(online);
        return new Provenance(VersionProvider.version(), build.getProperty("commit", "unknown"), commandLine,
                env.jdk(), env.kernel(), cpuinfo == null ? null : cpuModel(cpuinfo),
                cpus != null ? cpus : Runtime.getRuntime().availableProcessors(),
                Arrays.stream(engineCpus).boxed().toList(), meminfo == null ? null : memTotalBytes(meminfo),
                target == null ? null : route(target), openFiles(), ports == null ? null : portRange(ports),
                probeIoUring(), env.container(), env.image(), startedAt);
    }

    /** One JSON object: the components by name, except {@code route.iface}, written as "interface". */
    void json(Json j) {
        j.beginObject().field("version", version).field("commit", commit).name("commandLine").beginArray();
        for (String arg : commandLine) j.value(arg);
        j.endArray().field("jdk", jdk).field("kernel", kernel).field("cpuModel", cpuModel).field("cpuCount", cpuCount)
                .name("engineCpus").beginArray();
        for (int cpu : engineCpus) j.value(cpu);
        j.endArray().name("memoryBytes");
        if (memoryBytes == null) j.nullValue(); else j.value(memoryBytes.longValue());
        j.name("route");
        if (route == null) {
            j.nullValue();
        } else {
            j.beginObject().field("interface", route.iface()).name("speedMbps");
            if (route.speedMbps() == null) j.nullValue(); else j.value(route.speedMbps().longValue());
            j.field("loopback", route.loopback()).endObject();
        }
        j.name("nofile");
        if (nofile == null) {
            j.nullValue();
        } else {
            j.beginObject().field("soft", nofile.soft()).field("hard", nofile.hard()).endObject();
        }
        j.name("localPortRange");
        if (localPortRange == null) {
            j.nullValue();
        } else {
            j.beginObject().field("low", localPortRange.low()).field("high", localPortRange.high()).endObject();
        }
        j.name("ioUring").beginObject().field("usable", ioUring.usable()).field("reason", ioUring.reason()).endObject();
        j.field("container", container).field("image", image).field("startedAt", startedAt.toString()).endObject();
    }

    /** Label and value per line, for the human and HTML reports; unknown values read "unknown". */
    List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ringload", version + " (commit " + commit + ")"});
        rows.add(new String[] {"command line", commandLine.stream().map(Provenance::shellQuoted)
                .collect(Collectors.joining(" "))});
        rows.add(new String[] {"JDK", jdk});
        rows.add(new String[] {"kernel", kernel});
        rows.add(new String[] {"CPU", known(cpuModel) + ", " + cpuCount + " online"});
        rows.add(new String[] {"engine CPUs", engineCpus.isEmpty() ? "not pinned"
                : engineCpus.stream().map(String::valueOf).collect(Collectors.joining(","))});
        rows.add(new String[] {"memory", memoryBytes == null ? "unknown"
                : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (double) (1L << 30))});
        rows.add(new String[] {"route", route == null || route.iface() == null ? "unknown"
                : route.iface() + (route.loopback() ? " (loopback)"
                : route.speedMbps() == null ? ", speed unknown" : ", " + route.speedMbps() + " Mb/s")});
        rows.add(new String[] {"open files", nofile == null ? "unknown"
                : limit(nofile.soft()) + " soft, " + limit(nofile.hard()) + " hard"});
        rows.add(new String[] {"local ports", localPortRange == null ? "unknown"
                : localPortRange.low() + "-" + localPortRange.high()});
        rows.add(new String[] {"io_uring", (ioUring.usable() ? "usable: " : "unusable: ") + ioUring.reason()});
        rows.add(new String[] {"container", container ? "yes" + (image == null ? "" : ", image " + image) : "no"});
        rows.add(new String[] {"started", startedAt.toString()});
        return rows;
    }

    /** The first "model name" line of /proc/cpuinfo (x86; most ARM kernels have none). */
    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                String model = line.substring(colon + 1).strip();
                return model.isEmpty() ? null : model;
            }
        }
        return null;
    }

    /** MemTotal of /proc/meminfo in bytes (the file says kB and means KiB). */
    static Long memTotalBytes(String meminfo) {
        for (String line : meminfo.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals("MemTotal:")) {
                try {
                    long value = Long.parseLong(f[1]);
                    return f.length >= 3 && f[2].equalsIgnoreCase("kB") ? value * 1024 : value;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The number of CPUs in a kernel CPU list such as /sys/devices/system/cpu/online ({@code 0-3,8}). */
    static Integer cpuCount(String cpuList) {
        try {
            return CpuListConverter.parse(cpuList).length;
        } catch (CommandLine.TypeConversionException e) {
            return null;
        }
    }

    static PortRange portRange(String text) {
        String[] f = text.strip().split("\\s+");
        try {
            return f.length == 2 ? new PortRange(Integer.parseInt(f[0]), Integer.parseInt(f[1])) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** /sys/class/net/IFACE/speed; virtual links say -1 (or refuse the read), which is "unknown", not a speed. */
    static Integer speedMbps(String text) {
        try {
            int speed = Integer.parseInt(text.strip());
            return speed > 0 ? speed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The interface of the longest matching prefix in /proc/net/route, lowest metric on a tie; null when none
     * matches. The file holds only the main table: local addresses (the local table) are the caller's business, and
     * policy routing is not followed. Destination and mask are the kernel's u32 printed in host byte order.
     */
    static String ipv4Interface(String procNetRoute, Inet4Address target, ByteOrder hostOrder) {
        byte[] b = target.getAddress();
        int address = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        String best = null;
        int bestPrefix = -1;
        long bestMetric = Long.MAX_VALUE;
        for (String line : procNetRoute.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface")) {
                continue;
            }
            try {
                int destination = networkOrder((int) Long.parseLong(f[1], 16), hostOrder);
                int flags = Integer.parseInt(f[3], 16);
                long metric = Long.parseLong(f[6]);
                int mask = networkOrder((int) Long.parseLong(f[7], 16), hostOrder);
                int prefix = Integer.bitCount(mask);
                if ((flags & RTF_UP) == 0 || (flags & RTF_REJECT) != 0 || (address & mask) != destination) {
                    continue;
                }
                if (prefix > bestPrefix || (prefix == bestPrefix && metric < bestMetric)) {
                    best = f[0];
                    bestPrefix = prefix;
                    bestMetric = metric;
                }
            } catch (NumberFormatException e) {
                // A line this parser does not understand routes nothing.
            }
        }
        return best;
    }

    /**
     * The interface of the longest matching prefix in /proc/net/ipv6_route, lowest metric on a tie; null when none
     * matches. Unlike IPv4's file it lists the local table too: a match flagged RTF_LOCAL is this host, so "lo".
     * Columns: destination, prefix length, source, source prefix length, next hop, metric, refcount, use, flags,
     * interface; addresses in network order.
     */
    static String ipv6Interface(String procNetIpv6Route, Inet6Address target) {
        BigInteger address = new BigInteger(1, target.getAddress());
        String best = null;
        int bestPrefix = -1;
        long bestMetric = Long.MAX_VALUE;
        for (String line : procNetIpv6Route.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 10 || f[0].length() != 32) {
                continue;
            }
            try {
                BigInteger destination = new BigInteger(f[0], 16);
                int prefix = Integer.parseInt(f[1], 16);
                long metric = Long.parseLong(f[5], 16);
                int flags = (int) Long.parseLong(f[8], 16);
                if (prefix > 128 || (flags & RTF_UP) == 0 || (flags & RTF_REJECT) != 0
                        || !address.shiftRight(128 - prefix).equals(destination.shiftRight(128 - prefix))) {
                    continue;
                }
                if (prefix > bestPrefix || (prefix == bestPrefix && metric < bestMetric)) {
                    best = (flags & RTF_LOCAL) != 0 ? "lo" : f[9];
                    bestPrefix = prefix;
                    bestMetric = metric;
                }
            } catch (NumberFormatException e) {
                // A line this parser does not understand routes nothing.
            }
        }
        return best;
    }

    /** The route to {@code target}: loopback and this host's own addresses go over lo, the rest per the FIB. */
    static Route route(InetAddress target) {
        if (target.isLoopbackAddress() || isOwnAddress(target)) {
            return new Route("lo", null, true);
        }
        String iface = null;
        if (target instanceof Inet4Address v4) {
            String table = read("/proc/net/route");
            iface = table == null ? null : ipv4Interface(table, v4, ByteOrder.nativeOrder());
        } else if (target instanceof Inet6Address v6) {
            String table = read("/proc/net/ipv6_route");
            iface = table == null ? null : ipv6Interface(table, v6);
        }
        if (iface == null) {
            return new Route(null, null, false);
        }
        if (iface.equals("lo")) {
            return new Route("lo", null, true);
        }
        // The name comes from a kernel file; still, keep it to one path element.
        String speed = iface.contains("/") ? null : read("/sys/class/net/" + iface + "/speed");
        return new Route(iface, speed == null ? null : speedMbps(speed), false);
    }

    private static boolean isOwnAddress(InetAddress target) {
        try {
            return NetworkInterface.getByInetAddress(target) != null;
        } catch (SocketException | RuntimeException e) {
            return false;
        }
    }

    /** Back to the address's own bit order: the kernel printed a network-order u32 as a host integer. */
    private static int networkOrder(int printed, ByteOrder hostOrder) {
        return hostOrder == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(printed) : printed;
    }

    /** getrlimit; asking for 0 descriptors never raises the limit, so this only reads it. */
    private static OpenFiles openFiles() {
        try {
            ResourceLimits.OpenFiles limits = ResourceLimits.ensureOpenFiles(0);
            return new OpenFiles(limits.soft(), limits.hard());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static IoUringState probeIoUring() {
        try {
            IoUringProbe.Result probe = IoUring.probe();
            return new IoUringState(probe.usable(), probe.reason());
        } catch (RuntimeException | LinkageError e) {
            return new IoUringState(false, "probe failed: " + e);
        }
    }

    /** build.properties, written at build time by cli/pom.xml; empty when the build did not write it. */
    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Unreadable is the same as absent: the commit is unknown.
        }
        return properties;
    }

    /** A kernel file's text, or null when it is absent or unreadable. */
    private static String read(String path) {
        try {
            return KernelFiles.read(Path.of(path));
        } catch (IOException | SecurityException | UncheckedIOException e) {
            return null;
        }
    }

    private static String known(String value) {
        return value == null ? "unknown" : value;
    }

    private static String limit(long value) {
        return value == Long.MAX_VALUE ? "unlimited" : Long.toString(value);
    }

    /** An argument as a POSIX shell would need it, so the row can be pasted back. */
    static String shellQuoted(String arg) {
        return SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
