package dev.ringload.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ringload report RUN.json --html FILE}: the HTML report of a saved {@code --json} report. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
                "Render a saved --json report as an HTML page.",
                "Reads the JSON that run (a run or a ramp) or find-max printed with --json and writes the same "
                        + "self-contained HTML page --html writes at the end of a run."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  the page was written",
                "  1  the page could not be written",
                "  2  the file is missing, unreadable or not a ringload JSON report; or --html cannot be written",
        })
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPORT.json", description = "What ringload run or find-max printed with --json.")
    Path input;

    @Option(names = "--html", required = true, paramLabel = "FILE", description = "The HTML page to write.")
    Path html;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String json;
        try {
            OutputOptions.checkWritable(html, "--html");
            json = Files.readString(input, StandardCharsets.UTF_8);
            Object parsed = JsonReader.parse(json);
            if (!(parsed instanceof Map<?, ?> report) || !isRingloadReport(report)) {
                throw new IllegalArgumentException(input + " is not a ringload JSON report (no \"command\" of run or "
                        + "find-max)");
            }
        } catch (IOException e) {
            err.println("ringload report: " + input + ": cannot be read (" + e.getMessage() + ")");
            err.flush();
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("ringload report: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        return HtmlOutput.write(json, html, err) ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** A run, a ramp or a find-max report: what the HTML page knows how to draw. */
    static boolean isRingloadReport(Map<?, ?> report) {
        Object command = report.get("command");
        return ("run".equals(command) && report.get("requests") instanceof Map)
                || ("find-max".equals(command) && report.get("steps") instanceof java.util.List);
    }
}
