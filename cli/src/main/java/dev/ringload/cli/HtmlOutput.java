package dev.ringload.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the HTML report of a JSON report: the same JSON {@code ringload report} renders from a file. */
final class HtmlOutput {

    private HtmlOutput() {
    }

    /** Renders {@code json} into {@code file}; false (and why, on err) when it cannot be written. */
    @SuppressWarnings("unchecked")
    static boolean write(String json, Path file, PrintWriter err) {
        try {
            Files.writeString(file, HtmlReport.render((Map<String, Object>) JsonReader.parse(json)),
                    StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            err.println("ringload: --html " + file + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }
}
