package dev.ringload.cli;

import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class ProvenanceTest {

    /** /proc/net/route of an x86 host (little endian): a default route, a LAN, a VPN inside a larger net. */
    private static final String ROUTE = """
            Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
            eth0	00000000	0100A8C0	0003	0	0	100	00000000	0	0	0
            wlan0	00000000	0101A8C0	0003	0	0	600	00000000	0	0	0
            eth0	0000A8C0	00000000	0001	0	0	100	00FFFFFF	0	0	0
            ens1f0	00000A0A	00000000	0001	0	0	0	0000FFFF	0	0	0
            wg0	00010A0A	00000000	0001	0	0	0	00FFFFFF	0	0	0
            down0	00020A0A	00000000	0000	0	0	0	00FFFFFF	0	0	0
            """;

    /** /proc/net/ipv6_route as a host with fd00::2/64 on eth0 lists it (main and local tables). */
    private static final String IPV6_ROUTE = """
            fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0
            fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000002 00000000 00000001     eth0
            20010db8000000000000000000000000 20 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003      wg0
            00000000000000000000000000000000 00 00000000000000000000000000000000 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0
            00000000000000000000000000000001 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000002 00000000 80200001       lo
            fd000000000000000000000000000002 80 00000000000000000000000000000000 00 00000000000000000000000000000000 00000000 00000004 00000000 80200001     eth0
            00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo
            """;

    private static Inet4Address v4(String address) throws Exception {
        return (Inet4Address) InetAddress.getByName(address);
    }

    private static Inet6Address v6(String address) throws Exception {
        return (Inet6Address) InetAddress.getByName(address);
    }

    @Test
    void ipv4TakesTheLongestMatchingPrefix() throws Exception {
        assertThat(Provenance.ipv4Interface(ROUTE, v4("8.8.8.8"), ByteOrder.LITTLE_ENDIAN)).as("default").isEqualTo("eth0");
        assertThat(Provenance.ipv4Interface(ROUTE, v4("192.168.0.9"), ByteOrder.LITTLE_ENDIAN)).isEqualTo("eth0");
        assertThat(Provenance.ipv4Interface(ROUTE, v4("10.10.7.7"), ByteOrder.LITTLE_ENDIAN)).as("/16")
                .isEqualTo("ens1f0");
        assertThat(Provenance.ipv4Interface(ROUTE, v4("10.10.1.7"), ByteOrder.LITTLE_ENDIAN)).as("/24 inside the /16")
                .isEqualTo("wg0");
        assertThat(Provenance.ipv4Interface(ROUTE, v4("10.10.2.7"), ByteOrder.LITTLE_ENDIAN)).as("route not up")
                .isEqualTo("ens1f0");
    }

    @Test
    void ipv4PrefersTheLowerMetricAndNeedsARoute() throws Exception {
        String swapped = ROUTE.replace("\t100\t00000000", "\t700\t00000000");
        assertThat(Provenance.ipv4Interface(swapped, v4("8.8.8.8"), ByteOrder.LITTLE_ENDIAN)).isEqualTo("wlan0");
        String noDefault = ROUTE.lines().filter(l -> !l.matches("\\S+\t00000000\t.*"))
                .reduce("", (x, y) -> x + y + "\n");
        assertThat(Provenance.ipv4Interface(noDefault, v4("8.8.8.8"), ByteOrder.LITTLE_ENDIAN)).isNull();
        assertThat(Provenance.ipv4Interface("", v4("8.8.8.8"), ByteOrder.LITTLE_ENDIAN)).isNull();
        assertThat(Provenance.ipv4Interface("garbage\nmore garbage here 1 2 3 4 5 6 7", v4("8.8.8.8"),
                ByteOrder.LITTLE_ENDIAN)).isNull();
    }

    @Test
    void ipv4ReadsTheNumbersInTheHostsByteOrder() throws Exception {
        String bigEndian = """
                Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
                eth0	C0A80000	00000000	0001	0	0	0	FFFFFF00	0	0	0
                """;
        assertThat(Provenance.ipv4Interface(bigEndian, v4("192.168.0.9"), ByteOrder.BIG_ENDIAN)).isEqualTo("eth0");
        assertThat(Provenance.ipv4Interface(bigEndian, v4("192.168.0.9"), ByteOrder.LITTLE_ENDIAN)).isNull();
    }

    @Test
    void ipv6TakesTheLongestPrefixSkipsRejectRoutesAndSeesLocalAddresses() throws Exception {
        assertThat(Provenance.ipv6Interface(IPV6_ROUTE, v6("2606:4700::1"))).as("default").isEqualTo("eth0");
        assertThat(Provenance.ipv6Interface(IPV6_ROUTE, v6("2001:db8::5"))).as("/32").isEqualTo("wg0");
        assertThat(Provenance.ipv6Interface(IPV6_ROUTE, v6("fd00::5"))).as("on-link /64").isEqualTo("eth0");
        assertThat(Provenance.ipv6Interface(IPV6_ROUTE, v6("fd00::2"))).as("this host's address").isEqualTo("lo");
        assertThat(Provenance.ipv6Interface(IPV6_ROUTE, v6("::1"))).isEqualTo("lo");
        String noDefault = IPV6_ROUTE.lines().filter(l -> !l.endsWith("00000003     eth0"))
                .reduce("", (x, y) -> x + y + "\n");
        assertThat(Provenance.ipv6Interface(noDefault, v6("2606:4700::1"))).as("only the reject route matches")
                .isNull();
    }

    @Test
    void loopbackAndOwnAddressesGoOverLo() throws Exception {
        assertThat(Provenance.route(InetAddress.getLoopbackAddress()))
                .isEqualTo(new Provenance.Route("lo", null, true));
        assertThat(Provenance.route(InetAddress.getByName("127.0.0.2")))
                .isEqualTo(new Provenance.Route("lo", null, true));
        InetAddress own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        assumeThat(own).as("a non-loopback IPv4 address on this host").isNotNull();
        assertThat(Provenance.route(own)).isEqualTo(new Provenance.Route("lo", null, true));
    }

    @Test
    void parsesCpuinfoMeminfoAndFriends() {
        String cpuinfo = """
                processor	: 0
                vendor_id	: GenuineIntel
                cpu family	: 6
                model		: 106
                model name	: Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz
                stepping	: 6

                processor	: 1
                model name	: Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz
                """;
        assertThat(Provenance.cpuModel(cpuinfo)).isEqualTo("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz");
        assertThat(Provenance.cpuModel("processor\t: 0\nBogoMIPS\t: 50.00\nCPU part\t: 0xd0c\n")).as("arm64").isNull();
        String meminfo = "MemTotal:       131891948 kB\nMemFree:        23503288 kB\n";
        assertThat(Provenance.memTotalBytes(meminfo)).isEqualTo(131_891_948L * 1024);
        assertThat(Provenance.memTotalBytes("MemFree: 1 kB\n")).isNull();
        assertThat(Provenance.memTotalBytes("MemTotal: lots kB\n")).isNull();
        assertThat(Provenance.cpuCount("0-3,8\n")).isEqualTo(5);
        assertThat(Provenance.cpuCount("")).isNull();
        assertThat(Provenance.portRange("32768\t60999\n")).isEqualTo(new Provenance.PortRange(32768, 60999));
        assertThat(Provenance.portRange("32768")).isNull();
        assertThat(Provenance.speedMbps("10000\n")).isEqualTo(10000);
        assertThat(Provenance.speedMbps("-1\n")).as("virtual link").isNull();
        assertThat(Provenance.speedMbps("")).isNull();
    }

    @Test
    void commandLineRowCanBePastedIntoAShell() {
        assertThat(Provenance.shellQuoted("http://10.0.0.5:8080/a?b=1")).isEqualTo("'http://10.0.0.5:8080/a?b=1'");
        assertThat(Provenance.shellQuoted("-c")).isEqualTo("-c");
        assertThat(Provenance.shellQuoted("X-Name: it's")).isEqualTo("'X-Name: it'\\''s'");
        assertThat(Provenance.shellQuoted("")).isEqualTo("''");
    }

    @Test
    void collectsThisHostAndWritesOneJsonObject() {
        List<String> args = List.of("run", "http://127.0.0.1:8080/", "-c", "10", "-H", "X-A: b");
        Instant started = Instant.parse("2025-01-02T03:04:05.123Z");
        Provenance p = Provenance.collect(args, InetAddress.getLoopbackAddress(), new int[] {0, 1}, started);

        assertThat(p.version()).isEqualTo(VersionProvider.version()).isNotEqualTo("unknown")
                .doesNotContain("${");
        assertThat(p.commit()).as("written by the build").matches("[0-9a-f]{40}(-dirty)?|unknown");
        assertThat(p.jdk()).startsWith(String.valueOf(Runtime.version().feature()));
        assertThat(p.kernel()).isEqualTo(System.getProperty("os.version"));
        assertThat(p.cpuCount()).isPositive();
        assertThat(p.ioUring().reason()).isNotBlank();

        Object json = MiniJson.parse(toJson(p));
        assertThat(List.copyOf(((Map<?, ?>) json).keySet())).isEqualTo(List.of("version", "commit", "commandLine",
                "jdk", "kernel", "cpuModel", "cpuCount", "engineCpus", "memoryBytes", "route", "nofile",
                "localPortRange", "ioUring", "container", "image", "startedAt"));
        assertThat(MiniJson.at(json, "version")).isEqualTo(p.version());
        assertThat(MiniJson.at(json, "commit")).isEqualTo(p.commit());
        assertThat(MiniJson.at(json, "commandLine")).isEqualTo(args);
        assertThat(MiniJson.at(json, "engineCpus")).isEqualTo(List.of(0.0, 1.0));
        assertThat(MiniJson.at(json, "cpuCount")).isEqualTo((double) p.cpuCount());
        assertThat(MiniJson.at(json, "route.interface")).isEqualTo("lo");
        assertThat(MiniJson.at(json, "route.loopback")).isEqualTo(true);
        assertThat(MiniJson.at(json, "route.speedMbps")).isNull();
        assertThat(MiniJson.at(json, "ioUring.usable")).isEqualTo(p.ioUring().usable());
        assertThat(MiniJson.at(json, "startedAt")).isEqualTo("2025-01-02T03:04:05.123Z");
        assertThat(MiniJson.at(json, "container")).isInstanceOf(Boolean.class);
        // A Linux host without the restrictions of gVisor publishes these; null would be allowed elsewhere.
        assertThat((Double) MiniJson.at(json, "memoryBytes")).isPositive();
        assertThat((Double) MiniJson.at(json, "nofile.soft")).isPositive()
                .isLessThanOrEqualTo((Double) MiniJson.at(json, "nofile.hard"));
        assertThat((Double) MiniJson.at(json, "localPortRange.low"))
                .isLessThan((Double) MiniJson.at(json, "localPortRange.high"));

        List<String[]> rows = p.rows();
        assertThat(rows).extracting(r -> r[0]).contains("ringload", "command line", "JDK", "kernel", "CPU",
                "engine CPUs", "memory", "route", "open files", "local ports", "io_uring", "container", "started");
        assertThat(rows).filteredOn(r -> r[0].equals("command line")).singleElement()
                .satisfies(r -> assertThat(r[1]).isEqualTo("run http://127.0.0.1:8080/ -c 10 -H 'X-A: b'"));
        assertThat(rows).filteredOn(r -> r[0].equals("route")).singleElement()
                .satisfies(r -> assertThat(r[1]).isEqualTo("lo (loopback)"));
        assertThat(rows).allSatisfy(r -> assertThat(r[1]).isNotNull());
    }

    @Test
    void unknownValuesAreNullInJsonAndUnknownInRows() {
        Provenance p = new Provenance("0.1.0", "unknown", List.of(), "25", "6.8.0", null, 4, List.of(), null,
                new Provenance.Route("eth0", null, false), null, null, new Provenance.IoUringState(false, "blocked"),
                true, null, Instant.EPOCH);
        Object json = MiniJson.parse(toJson(p));
        for (String key : List.of("cpuModel", "memoryBytes", "nofile", "localPortRange", "image", "route.speedMbps")) {
            assertThat(MiniJson.at(json, key)).as(key).isNull();
        }
        assertThat(MiniJson.at(json, "engineCpus")).isEqualTo(List.of());
        assertThat(p.rows()).extracting(r -> r[0] + ": " + r[1]).contains("memory: unknown", "open files: unknown",
                "route: eth0, speed unknown", "engine CPUs: not pinned", "CPU: unknown, 4 online",
                "io_uring: unusable: blocked", "container: yes");
    }

    private static String toJson(Provenance p) {
        Json j = new Json();
        p.json(j);
        return j.toString();
    }
}
