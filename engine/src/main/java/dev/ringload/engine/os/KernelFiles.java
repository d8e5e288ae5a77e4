package dev.ringload.engine.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads /proc and /sys files whole. {@code Files.readString} is not used for them: procfs reports sizes that
 * do not match the content (seen here: it returned one byte of {@code ip_local_port_range}), so they are read as
 * streams until EOF.
 */
public final class KernelFiles {

    private KernelFiles() {
    }

    public static String read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
