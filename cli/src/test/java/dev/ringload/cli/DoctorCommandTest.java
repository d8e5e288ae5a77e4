package dev.ringload.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorCommandTest {

    @TempDir
    Path root;

    private void write(String relative, String content) throws Exception {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content + "\n");
    }

    private void smallHost() throws Exception {
        write("sys/devices/system/cpu/online", "0-3");
        write("sys/class/net/eth0/queues/rx-0/rps_cpus", "0");
        write("sys/class/net/eth0/queues/rx-0/rps_flow_cnt", "0");
        write("proc/sys/net/core/rps_sock_flow_entries", "0");
        write("proc/sys/net/ipv4/ip_local_port_range", "32768 60999");
        write("proc/sys/net/ipv4/tcp_tw_reuse", "1");
        write("proc/sys/net/core/somaxconn", "4096");
        write("proc/sys/kernel/io_uring_disabled", "0");
    }

    @Test
    void humanOutputHasOneLinePerFindingAndTheFixes() throws Exception {
        smallHost();
        Cli.Outcome o = Cli.execute("doctor", "--root", root.toString(), "--target", "10.0.0.5:8080");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("target: 10.0.0.5:8080")
                .contains("[ok  ] cpus             4 online (0-3)")
                .contains("[warn] rps.eth0         1 rx queues for 4 CPUs, RPS not set on 1 of them")
                .contains("         fix: echo f > /sys/class/net/eth0/queues/rx-0/rps_cpus");
    }

    @Test
    void jsonListsFindingsWithIdStatusWhyAndFix() throws Exception {
        smallHost();
        Cli.Outcome o = Cli.execute("doctor", "--root", root.toString(), "--connections", "40000", "--json");
        assertThat(o.exitCode()).as("ports fail for 40000 connections").isEqualTo(1);
        Object json = MiniJson.parse(o.out());
        List<?> findings = (List<?>) MiniJson.at(json, "findings");
        assertThat(findings).isNotEmpty();
        Object ports = findings.stream().filter(f -> "ports".equals(MiniJson.at(f, "id"))).findFirst().orElseThrow();
        assertThat(MiniJson.at(ports, "status")).isEqualTo("fail");
        assertThat(MiniJson.at(ports, "fix")).isEqualTo(List.of("sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\""));
        for (Object f : findings) {
            for (String key : List.of("id", "status", "value", "expected", "why", "fix")) {
                MiniJson.at(f, key);
            }
        }
    }

    @Test
    void applyWritesTheFixtureAndReportsEachWrite() throws Exception {
        smallHost();
        Cli.Outcome o = Cli.execute("doctor", "--root", root.toString(), "--apply");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("applying: echo f > /sys/class/net/eth0/queues/rx-0/rps_cpus");
        assertThat(Files.readString(root.resolve("sys/class/net/eth0/queues/rx-0/rps_cpus")).trim()).isEqualTo("f");
    }

    @Test
    void applyOnTheRealHostRefusesWithoutRoot() {
        java.util.function.BooleanSupplier real = DoctorCommand.isRoot;
        DoctorCommand.isRoot = () -> false;
        try {
            Cli.Outcome o = Cli.execute("doctor", "--apply");
            assertThat(o.exitCode()).isEqualTo(2);
            assertThat(o.err()).startsWith("ringload doctor: --apply needs root");
            assertThat(o.out()).as("nothing inspected or written").isEmpty();
        } finally {
            DoctorCommand.isRoot = real;
        }
    }

    @Test
    void runsOnThisMachine() {
        Cli.Outcome o = Cli.execute("doctor", "--connections", "100");
        assertThat(o.exitCode()).as(o.err()).isIn(0, 1);
        assertThat(o.out()).contains("cpus").contains("io_uring").doesNotContain("Exception");
    }

    @Test
    void runWarnsWhenTheConnectionsExceedTheEphemeralPorts() throws Exception {
        String[] range = dev.ringload.engine.os.KernelFiles.read(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .trim().split("\\s+");
        long ports = Long.parseLong(range[1]) - Long.parseLong(range[0]) + 1;
        java.io.StringWriter tooMany = new java.io.StringWriter();
        RunCommand.warnAboutHostLimits(ports + 1, 0, new java.io.PrintWriter(tooMany));
        assertThat(tooMany.toString()).startsWith("ringload: warning: " + (ports + 1) + " connections from one address to "
                + "one address need as many local ports, but the range is ").contains("more --source addresses")
                .contains("sysctl -w net.ipv4.ip_local_port_range=");
        java.io.StringWriter fine = new java.io.StringWriter();
        RunCommand.warnAboutHostLimits(ports - 1, 0, new java.io.PrintWriter(fine));
        RunCommand.warnAboutHostLimits(2 * ports, 2, new java.io.PrintWriter(fine)); // two sources: enough ports
        assertThat(fine.toString()).isEmpty();
    }
}
