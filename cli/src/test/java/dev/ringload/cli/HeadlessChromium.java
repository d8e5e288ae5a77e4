package dev.ringload.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium with no network, for tests that open a page from disk: in a fresh network namespace
 * ({@code unshare -n}: nothing but a loopback that is down) where the kernel allows it, and always with every host
 * name unresolvable and a proxy nobody listens on, so a page that reaches out for anything fails to load it.
 */
final class HeadlessChromium {

    private static final String[] NAMES = {"chromium", "chromium-browser"};
    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;
    private final boolean namespace;

    private HeadlessChromium(Path binary, boolean namespace) {
        this.binary = binary;
        this.namespace = namespace;
    }

    /** The Chromium on PATH, or empty when there is none. */
    static Optional<HeadlessChromium> find() {
        String path = System.getenv("PATH");
        for (String name : NAMES) {
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate, namespaceWorks()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether Chromium runs in its own, empty, network namespace (else only the flags keep it offline). */
    boolean inNetworkNamespace() {
        return namespace;
    }

    /** The DOM after the page's scripts ran: {@code --dump-dom}. */
    String dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
        return run(scratch, "--dump-dom", page.toUri().toString());
    }

    /** A PNG of the page at 1280 x 2400 CSS pixels. */
    void screenshot(Path page, Path png, Path scratch) throws IOException, InterruptedException {
        run(scratch, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2400", "--hide-scrollbars",
                page.toUri().toString());
    }

    private String run(Path scratch, String... args) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path profile = Files.createTempDirectory(scratch, "profile");
        List<String> command = new ArrayList<>();
        if (namespace) {
            command.addAll(List.of("unshare", "-n"));
        }
        command.addAll(List.of(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=5000",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"));
        command.addAll(List.of(args));
        Path out = profile.resolve("stdout");
        Path err = profile.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // No session bus here: without this Chromium waits on D-Bus timeouts before it starts.
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", "disabled:");
        try {
            int rc = waitBounded(pb.start(), command);
            if (rc != 0) {
                throw new IOException("chromium exited " + rc + ": " + command + "\n" + tail(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static boolean namespaceWorks() {
        try {
            return waitBounded(new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start(), List.of("unshare -n true")) == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int waitBounded(Process p, List<String> command) throws IOException, InterruptedException {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new IOException("killed after " + TIMEOUT_SECONDS + " s: " + command);
        }
        return p.exitValue();
    }

    private static String tail(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    @Override
    public String toString() {
        return binary + (namespace ? " under unshare -n" : " (host network, resolver and proxy flags only)");
    }
}
