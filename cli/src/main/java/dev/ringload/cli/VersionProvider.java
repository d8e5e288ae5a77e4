package dev.ringload.cli;

import dev.ringload.engine.Engines;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code --version}: ringload's version, the JVM, the kernel, and whether io_uring is usable (and why not). */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
                "ringload " + version(),
                "java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
                "kernel " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " " + System.getProperty("os.arch"),
                "io_uring: " + Engines.ioUringStatus(),
        };
    }
}
