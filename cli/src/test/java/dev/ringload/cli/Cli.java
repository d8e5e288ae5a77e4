package dev.ringload.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process with captured output, as picocli's testing guide suggests. */
final class Cli {

    record Outcome(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Outcome execute(String... args) {
        CommandLine cmd = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exitCode = cmd.execute(Main.withDefaultCommand(args));
        return new Outcome(exitCode, out.toString(), err.toString());
    }
}
