package dev.ringload.engine.doctor;

import dev.ringload.engine.doctor.Finding.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorTest {

    @TempDir
    Path root;

    /** Writes a fake /sys and /proc under the test's root. */
    private final class Host {
        private final int cpus;

        Host(int cpus) throws IOException {
            this.cpus = cpus;
            write("sys/devices/system/cpu/online", "0-" + (cpus - 1));
            write("proc/sys/net/core/rps_sock_flow_entries", "0");
            write("proc/sys/net/core/somaxconn", "4096");
            write("proc/sys/net/ipv4/ip_local_port_range", "32768\t60999");
            write("proc/sys/net/ipv4/tcp_tw_reuse", "1");
            write("proc/sys/kernel/io_uring_disabled", "0");
            limits(1024, 1048576);
            Files.createDirectories(root.resolve("sys/class/net/lo/queues/rx-0"));
            write("proc/interrupts", header());
        }

        String header() {
            StringBuilder s = new StringBuilder("     ");
            for (int c = 0; c < cpus; c++) s.append("      CPU").append(c);
            return s.append('\n').toString();
        }

        Host limits(long soft, long hard) throws IOException {
            write("proc/self/limits", "Limit                     Soft Limit           Hard Limit           Units\n"
                    + "Max open files            " + soft + "                 " + hard + "                 files\n"
                    + "Max locked memory         8388608              8388608              bytes\n");
            return this;
        }

        Host nic(String iface, int queues, String rpsMask, int flowCnt) throws IOException {
            for (int q = 0; q < queues; q++) {
                write("sys/class/net/" + iface + "/queues/rx-" + q + "/rps_cpus", rpsMask);
                write("sys/class/net/" + iface + "/queues/rx-" + q + "/rps_flow_cnt", Integer.toString(flowCnt));
                Files.createDirectories(root.resolve("sys/class/net/" + iface + "/queues/tx-" + q));
            }
            return this;
        }

        /** One IRQ per queue (numbered from 40); {@code cpuOf(i)} takes all of IRQ i's interrupts. */
        Host irqs(String iface, int count, java.util.function.IntUnaryOperator cpuOf) throws IOException {
            StringBuilder s = new StringBuilder(header());
            for (int i = 0; i < count; i++) {
                s.append(String.format(" %3d:", 40 + i));
                for (int c = 0; c < cpus; c++) s.append(c == cpuOf.applyAsInt(i) ? "   100000" : "        0");
                s.append("  IR-PCI-MSI 524288-edge      ").append(iface).append("-TxRx-").append(i).append('\n');
                write("proc/irq/" + (40 + i) + "/smp_affinity_list", "0-" + (cpus - 1));
            }
            write("proc/interrupts", s.toString());
            return this;
        }

        Host irqbalance() throws IOException {
            write("proc/812/comm", "irqbalance");
            return this;
        }

        void write(String relative, String content) throws IOException {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content + (content.endsWith("\n") ? "" : "\n"));
        }
    }

    private List<Finding> inspect(long connections) {
        return Doctor.inspect(new Doctor.Options(root, null, connections, false));
    }

    private static Finding find(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + findings));
    }

    private static List<String> commands(Finding f) {
        return f.fixes().stream().map(Finding.Fix::command).toList();
    }

    @Test
    void masksAreGroupedIn32BitWordsForAnyCpuCount() {
        assertThat(CpuMask.mask(CpuMask.firstN(2))).isEqualTo("3");
        assertThat(CpuMask.mask(CpuMask.firstN(16))).isEqualTo("ffff");
        assertThat(CpuMask.mask(CpuMask.firstN(32))).isEqualTo("ffffffff");
        assertThat(CpuMask.mask(CpuMask.firstN(40))).isEqualTo("ff,ffffffff");
        assertThat(CpuMask.mask(CpuMask.firstN(72))).isEqualTo("ff,ffffffff,ffffffff");
        assertThat(CpuMask.mask(CpuMask.firstN(128))).isEqualTo("ffffffff,ffffffff,ffffffff,ffffffff");
        assertThat(CpuMask.mask(CpuMask.firstN(256))).isEqualTo(String.join(",", java.util.Collections.nCopies(8, "ffffffff")));
        assertThat(CpuMask.mask(CpuMask.parseList("0,33,70"))).isEqualTo("40,00000002,00000001");
        assertThat(CpuMask.parseMask("ff,ffffffff,ffffffff")).isEqualTo(CpuMask.firstN(72));
        assertThat(CpuMask.parseMask("00000000,00000001")).isEqualTo(CpuMask.parseList("0"));
        assertThat(CpuMask.list(CpuMask.parseList("0-3,8,10-11"))).isEqualTo("0-3,8,10-11");
        assertThat(CpuMask.mask(new java.util.BitSet())).isEqualTo("0");
    }

    @Test
    void bigHostWithFewQueuesNoRpsConcentratedIrqsAndIrqbalance() throws IOException {
        new Host(128).nic("eth0", 16, "0", 0).irqs("eth0", 16, i -> 0).irqbalance();
        List<Finding> f = inspect(-1);
        Finding rps = find(f, "rps.eth0");
        assertThat(rps.status()).isEqualTo(Status.WARN);
        assertThat(rps.value()).isEqualTo("16 rx queues for 128 CPUs, RPS not set on 16 of them");
        assertThat(commands(rps)).hasSize(16).first()
                .isEqualTo("echo ffffffff,ffffffff,ffffffff,ffffffff > /sys/class/net/eth0/queues/rx-0/rps_cpus");
        Finding rfs = find(f, "rfs.eth0");
        assertThat(rfs.status()).isEqualTo(Status.WARN);
        assertThat(commands(rfs)).contains("sysctl -w net.core.rps_sock_flow_entries=32768",
                "echo 2048 > /sys/class/net/eth0/queues/rx-15/rps_flow_cnt");
        Finding irq = find(f, "irq.eth0");
        assertThat(irq.status()).isEqualTo(Status.WARN);
        assertThat(irq.value()).isEqualTo("1 of 128 CPUs take 95% of eth0's interrupts (16 IRQs)");
        assertThat(commands(irq)).startsWith("echo 0 > /proc/irq/40/smp_affinity_list",
                "echo 8 > /proc/irq/41/smp_affinity_list", "echo 16 > /proc/irq/42/smp_affinity_list");
        assertThat(commands(irq)).contains("echo 120 > /proc/irq/55/smp_affinity_list");
        assertThat(commands(irq).getLast()).startsWith("ringload run --cpus 1-7,9-15,17-23,");
        assertThat(find(f, "irqbalance").status()).isEqualTo(Status.WARN);
        assertThat(commands(find(f, "irqbalance"))).containsExactly("systemctl stop irqbalance", "systemctl disable irqbalance");
        assertThat(f).noneMatch(x -> x.id().endsWith(".lo"));
    }

    @Test
    void queuePerCpuWithSpreadIrqsIsFine() throws IOException {
        new Host(16).nic("eth0", 16, "0", 0).irqs("eth0", 16, i -> i);
        List<Finding> f = inspect(-1);
        assertThat(find(f, "rps.eth0").status()).isEqualTo(Status.OK);
        assertThat(find(f, "rps.eth0").value()).isEqualTo("16 rx queues for 16 CPUs");
        assertThat(find(f, "irq.eth0").status()).isEqualTo(Status.OK);
        assertThat(find(f, "irq.eth0").value()).isEqualTo("16 of 16 CPUs take 95% of eth0's interrupts (16 IRQs)");
        assertThat(find(f, "irqbalance").status()).isEqualTo(Status.OK);
    }

    @Test
    void rpsAndRfsAlreadySetOn72Cpus() throws IOException {
        Host host = new Host(72).nic("eth0", 8, "ff,ffffffff,ffffffff", 4096);
        host.write("proc/sys/net/core/rps_sock_flow_entries", "32768");
        host.irqs("eth0", 8, i -> i * 9);
        List<Finding> f = inspect(-1);
        assertThat(find(f, "rps.eth0").status()).isEqualTo(Status.OK);
        assertThat(find(f, "rfs.eth0").status()).isEqualTo(Status.OK);
        assertThat(find(f, "irq.eth0").status()).isEqualTo(Status.OK);
    }

    @Test
    void twoCpusOneQueueAnd256CpusEightQueues() throws IOException {
        new Host(2).nic("eth0", 1, "0", 0);
        assertThat(commands(find(inspect(-1), "rps.eth0"))).containsExactly("echo 3 > /sys/class/net/eth0/queues/rx-0/rps_cpus");
        Path big = root.resolve("big");
        Files.createDirectories(big);
        root = big;
        new Host(256).nic("eth1", 8, "0", 0);
        List<Finding> f = inspect(100_000);
        assertThat(commands(find(f, "rps.eth1")).getFirst()).isEqualTo("echo "
                + String.join(",", java.util.Collections.nCopies(8, "ffffffff")) + " > /sys/class/net/eth1/queues/rx-0/rps_cpus");
        // 100k connections: entries rounded up to a power of two, split over 8 queues.
        assertThat(commands(find(f, "rfs.eth1"))).contains("sysctl -w net.core.rps_sock_flow_entries=131072",
                "echo 16384 > /sys/class/net/eth1/queues/rx-7/rps_flow_cnt");
    }

    @Test
    void limitsAgainstThePlannedConnections() throws IOException {
        Host host = new Host(4).limits(1024, 4096);
        host.write("proc/sys/net/ipv4/tcp_tw_reuse", "2");
        host.write("proc/sys/net/core/somaxconn", "128");
        host.write("proc/sys/kernel/io_uring_disabled", "2");
        List<Finding> f = inspect(3000);
        assertThat(find(f, "nofile").status()).isEqualTo(Status.WARN);
        assertThat(commands(find(f, "nofile")).getFirst()).isEqualTo("ulimit -n 3064");
        assertThat(find(f, "ports").status()).isEqualTo(Status.OK);
        assertThat(find(f, "tw_reuse").status()).isEqualTo(Status.WARN);
        assertThat(commands(find(f, "tw_reuse"))).containsExactly("sysctl -w net.ipv4.tcp_tw_reuse=1");
        assertThat(commands(find(f, "somaxconn"))).containsExactly("sysctl -w net.core.somaxconn=4096");
        assertThat(find(f, "io_uring").status()).isEqualTo(Status.FAIL);
        assertThat(commands(find(f, "io_uring"))).containsExactly("sysctl -w kernel.io_uring_disabled=0");
        List<Finding> many = inspect(50_000);
        assertThat(find(many, "nofile").status()).isEqualTo(Status.FAIL);
        assertThat(find(many, "ports").status()).isEqualTo(Status.FAIL);
        assertThat(find(many, "ports").value()).isEqualTo("32768-60999 (28232 ports)");
        assertThat(commands(find(many, "ports"))).containsExactly("sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\"");
        assertThat(find(many, "ports").why()).contains("50000 connections need 2 source addresses (--source");
        assertThat(find(inspect(100_000), "ports").why()).contains("need 4 source addresses").contains("or 2 with the range widened");
    }

    @Test
    void applyWritesExactlyTheListedValuesAndNothingElse() throws IOException {
        Host host = new Host(8).nic("eth0", 2, "0", 0).irqs("eth0", 2, i -> 0);
        host.write("proc/sys/net/ipv4/tcp_tw_reuse", "0");
        Map<String, String> before = snapshot();
        List<Finding> findings = inspect(1000);
        List<String> log = Doctor.apply(findings, root);
        Map<String, String> after = snapshot();
        Map<String, String> expected = new TreeMap<>(before);
        for (Finding f : findings) {
            if (f.status() != Status.OK) {
                for (Finding.Fix fix : f.fixes()) {
                    if (fix.applicable()) {
                        expected.put(fix.file(), fix.value());
                    }
                }
            }
        }
        assertThat(after).isEqualTo(expected);
        assertThat(after.get("sys/class/net/eth0/queues/rx-1/rps_cpus")).isEqualTo("ff");
        assertThat(after.get("proc/sys/net/ipv4/tcp_tw_reuse")).isEqualTo("1");
        assertThat(after.get("proc/irq/41/smp_affinity_list")).isEqualTo("4");
        assertThat(after.get("proc/sys/net/ipv4/ip_local_port_range")).isEqualTo(before.get("proc/sys/net/ipv4/ip_local_port_range"));
        assertThat(log).contains("applying: echo ff > /sys/class/net/eth0/queues/rx-0/rps_cpus")
                .anyMatch(line -> line.startsWith("run yourself: ringload run --cpus"));
        assertThat(log.stream().filter(l -> l.contains("rps_sock_flow_entries")).count()).as("deduplicated").isEqualTo(1);
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p).trim());
            }
        }
        return files;
    }

    @Test
    void thisRealMachineIsInspectedWithoutError() {
        List<Finding> f = Doctor.inspect(new Doctor.Options(Path.of("/"), null, 1000, true));
        assertThat(find(f, "cpus").value()).contains("online");
        assertThat(f).extracting(Finding::id).contains("cpus", "irqbalance", "nofile", "ports", "io_uring");
        List<String> ids = new ArrayList<>(f.stream().map(Finding::id).toList());
        assertThat(ids).doesNotHaveDuplicates();
    }
}
