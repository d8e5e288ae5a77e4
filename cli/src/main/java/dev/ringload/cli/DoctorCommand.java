package dev.ringload.cli;

import dev.ringload.engine.doctor.Doctor;
import dev.ringload.engine.doctor.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringload doctor}: check the host for a high-ceiling run and print the commands that fix it. */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
                "Check and tune this host for high-ceiling runs.",
                "Checks NIC queues and RPS/RFS, interrupt placement and irqbalance, file descriptors, ephemeral "
                        + "ports, somaxconn, tcp_tw_reuse and io_uring. Each finding says why it matters and prints "
                        + "the exact commands that fix it; --apply runs the ones that are file writes."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no check failed (warnings allowed)", "  1  a check failed, or --apply could not write",
                "  2  invalid option, or --apply without root"})
final class DoctorCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--iface", paramLabel = "NAME", description = "Check only this network interface.")
    String iface;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "-1",
            description = "Connections the run will open (checks descriptors, ports and RFS sizes against it).")
    long connections;

    @Option(names = "--target", paramLabel = "HOST:PORT", description = "The server the run will load (reported).")
    String target;

    @Option(names = "--json", description = "Print the findings as one JSON object.")
    boolean json;

    @Option(names = "--apply", description = "Perform the fixes that are file writes (needs root); shows each first.")
    boolean apply;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/", hidden = true,
            description = "Read /sys and /proc under DIR (for tests with fixture trees).")
    Path root;

    /** Whether this process may write /proc/sys and /sys; replaceable by tests. */
    static java.util.function.BooleanSupplier isRoot = Doctor::isRoot;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean live = root.toAbsolutePath().normalize().equals(Path.of("/"));
        if (apply && live && !isRoot.getAsBoolean()) {
            err.println("ringload doctor: --apply needs root (it writes /proc/sys and /sys); run it with sudo, or run "
                    + "the printed commands yourself");
            err.flush();
            return ExitCodes.USAGE;
        }
        List<Finding> findings = Doctor.inspect(new Doctor.Options(root, iface, connections, live));
        boolean failed = findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL);
        if (json) {
            out.println(json(findings));
        } else {
            if (target != null) {
                out.println("target: " + target);
            }
            for (Finding f : findings) {
                out.printf(Locale.ROOT, "[%-4s] %-16s %s%s%n", f.status().name().toLowerCase(Locale.ROOT), f.id(),
                        f.value(), f.why().isEmpty() ? "" : " - " + f.why());
                if (f.status() != Finding.Status.OK) {
                    for (Finding.Fix fix : f.fixes()) {
                        out.println("         fix: " + fix.command());
                    }
                }
            }
        }
        out.flush();
        if (apply) {
            try {
                for (String line : Doctor.apply(findings, root)) {
                    (json ? err : out).println(line);
                }
            } catch (IOException e) {
                err.println("ringload doctor: --apply failed: " + e.getMessage());
                err.flush();
                return ExitCodes.FAILURE;
            }
            (json ? err : out).flush();
        }
        return failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    static String json(List<Finding> findings) {
        Json j = new Json().beginObject().name("findings").beginArray();
        for (Finding f : findings) {
            j.beginObject().field("id", f.id()).field("status", f.status().name().toLowerCase(Locale.ROOT))
                    .field("value", f.value()).field("expected", f.expected()).field("why", f.why()).name("fix")
                    .beginArray();
            for (Finding.Fix fix : f.fixes()) {
                j.value(fix.command());
            }
            j.endArray().endObject();
        }
        return j.endArray().endObject().toString();
    }
}
