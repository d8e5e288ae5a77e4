package dev.ringload.cli;

import dev.ringload.engine.os.KernelFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run happened, for reports that must be comparable later: in a container or not, the image version
 * when in ringload's image, the JDK and the kernel release.
 *
 * @param container true inside a container (Docker, Podman, containerd/Kubernetes)
 * @param image     ringload's image version (RINGLOAD_IMAGE_VERSION), or null outside the image
 * @param jdk       the running JDK's version
 * @param kernel    the kernel release
 */
record Environment(boolean container, String image, String jdk, String kernel) {

    static Environment detect() {
        return new Environment(inContainer(), System.getenv("RINGLOAD_IMAGE_VERSION"), Runtime.version().toString(),
                System.getProperty("os.version"));
    }

    private static boolean inContainer() {
        if (Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv"))) {
            return true;
        }
        try {
            String cgroup = KernelFiles.read(Path.of("/proc/1/cgroup"));
            return cgroup.contains("docker") || cgroup.contains("kubepods") || cgroup.contains("containerd")
                    || cgroup.contains("libpod");
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    void json(Json j) {
        j.beginObject().field("container", container).field("image", image).field("jdk", jdk).field("kernel", kernel)
                .endObject();
    }
}
