package dev.ringload.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ringload} command. */
@Command(name = "ringload",
        mixinStandardHelpOptions = true,
        subcommands = {RunCommand.class, FindMaxCommand.class, ReportCommand.class, MergeCommand.class, CompareCommand.class,
                ServeCommand.class, DemoCommand.class, CeilingCommand.class, DoctorCommand.class},
        versionProvider = VersionProvider.class,
        description = {
                "High-ceiling HTTP/1.1 load generator for Linux.",
                "Pinned threads each drive one io_uring ring over their connections, or NIO where io_uring is "
                        + "unusable (--engine). ringload URL [options] is ringload run URL [options].",
                "--version says whether io_uring is usable on this host, and if not, why."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  run-time failure (e.g. cannot listen: port in use, permission denied)",
                "  2  invalid command line, option value or address",
                "  3  run, find-max: target unreachable (no connection ever succeeded)",
                "  4  --engine uring where io_uring is unusable (the reason is printed)",
                "  99  run: a --threshold failed; find-max: no rate met the SLOs",
                "  130  stopped by Ctrl-C (run, demo, find-max: or SIGTERM; partial results printed)",
                "  143  serve terminated by SIGTERM",
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(withDefaultCommand(args)));
    }

    /** {@code ringload URL [options]} means {@code ringload run URL [options]}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) {
            return args;
        }
        String first = args[0];
        boolean known = commandLine().getSubcommands().containsKey(first)
                || java.util.List.of("-h", "--help", "-V", "--version").contains(first);
        if (known) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }

    /** The configured command line; tests drive it with setOut/setErr and execute. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        // No subcommand given: show what is available rather than doing nothing silently.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
