package dev.ringload.engine.doctor;

import java.util.List;

/**
 * One check's result.
 *
 * @param id       stable identifier, e.g. {@code rps.eth0}
 * @param status   ok, warn or fail
 * @param value    what the host has
 * @param expected what a high-ceiling run wants
 * @param why      one line on why it matters
 * @param fixes    what fixes it, in order
 */
public record Finding(String id, Status status, String value, String expected, String why, List<Fix> fixes) {

    public enum Status { OK, WARN, FAIL }

    /**
     * One fix: a shell command; when {@code file} is set, {@code --apply} can perform it by writing {@code value}
     * to that file (relative to the inspected root).
     */
    public record Fix(String command, String file, String value) {

        public static Fix write(String file, String value) {
            String shown = file.startsWith("proc/sys/")
                    ? "sysctl -w " + file.substring("proc/sys/".length()).replace('/', '.') + "=" + quote(value)
                    : "echo " + value + " > /" + file;
            return new Fix(shown, file, value);
        }

        public static Fix manual(String command) {
            return new Fix(command, null, null);
        }

        public boolean applicable() {
            return file != null;
        }

        private static String quote(String value) {
            return value.contains(" ") || value.contains("\t") ? "\"" + value + "\"" : value;
        }
    }
}
