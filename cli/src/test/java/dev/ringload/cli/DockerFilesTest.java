package dev.ringload.cli;

import dev.ringload.engine.uring.IoUring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The container files, checked without a Docker engine; docker/container-test.sh checks the built image under a real daemon. */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("../docker");
    private static final List<String> IO_URING = List.of("io_uring_setup", "io_uring_enter", "io_uring_register");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Object profile) {
        return (List<Map<String, Object>>) MiniJson.at(profile, "syscalls");
    }

    private static Object profile() throws Exception {
        return MiniJson.parse(Files.readString(DOCKER.resolve("seccomp-io_uring.json")));
    }

    @Test
    void seccompProfileDeniesByDefaultAndAllowsExactlyTheThreeIoUringCalls() throws Exception {
        Object profile = profile();
        assertThat(MiniJson.at(profile, "defaultAction")).isEqualTo("SCMP_ACT_ERRNO");
        List<String> allowedIoUring = new ArrayList<>();
        for (Map<String, Object> rule : rules(profile)) {
            for (Object name : (List<?>) rule.get("names")) {
                if (((String) name).startsWith("io_uring")) {
                    assertThat(rule.get("action")).isEqualTo("SCMP_ACT_ALLOW");
                    allowedIoUring.add((String) name);
                }
            }
            assertThat(rule.get("action")).isIn("SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO");
        }
        assertThat(allowedIoUring).containsExactlyInAnyOrderElementsOf(IO_URING);
        assertThat(rules(profile)).anyMatch(r -> r.get("names").equals(List.of("clone3")) && r.get("errnoRet").equals(38.0));
        assertThat(rules(profile)).noneMatch(r -> ((List<?>) r.get("names")).containsAll(List.of("mount", "ptrace", "bpf")));
    }

    @Test
    void dockerfileIsPinnedNonRootMultiStageAndUsesTheJlinkScript() throws Exception {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
        List<String> images = new ArrayList<>();
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).as("build and runtime stages").hasSize(2);
        for (String image : images) {
            assertThat(image).as("pinned base image").matches("[a-z0-9./-]+:[0-9][0-9A-Za-z._-]*|[a-z0-9./-]+@sha256:[0-9a-f]{64}")
                    .doesNotContain(":latest");
        }
        assertThat(dockerfile).containsPattern("(?m)^FROM \\S+ AS build$").contains("docker/jlink.sh /opt/ringload/jre")
                .containsPattern("(?m)^ENTRYPOINT \\[\"ringload\"\\]$").contains("org.opencontainers.image.version")
                .contains("org.opencontainers.image.source").contains("RINGLOAD_IMAGE_VERSION");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        assertThat(lastUser).as("the runtime stage runs as a non-root user").isNotNull()
                .isNotIn("root", "0", "0:0").doesNotStartWith("0:");
        assertThat(Files.isExecutable(DOCKER.resolve("ringload-entrypoint.sh"))).isTrue();
        assertThat(Files.readString(DOCKER.resolve("ringload-entrypoint.sh"))).contains("--enable-native-access=ALL-UNNAMED")
                .contains("/opt/ringload/jre/bin/java").contains("/opt/ringload/ringload.jar");
    }

    /** Runs `ringload demo` in a child JVM under the profile, loaded by a small libseccomp launcher. */
    @Test
    void profileIsCompleteUnderARealSeccompFilter(@TempDir Path dir) throws Exception {
        assumeTrue(IoUring.isAvailable(), "io_uring unusable on this host anyway");
        if (System.getenv("CI") == null) {
            assumeTrue(Files.exists(Path.of("/usr/include/seccomp.h")), "libseccomp-dev not installed");
        }
        Path launcher = dir.resolve("seccomp-run");
        Process gcc = new ProcessBuilder("gcc", "-O2", "-o", launcher.toString(), "../native/seccomp-run.c", "-lseccomp")
                .redirectErrorStream(true).start();
        String gccOut = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor()).as(gccOut).isZero();

        Path full = dir.resolve("full.rules");
        Path withoutIoUring = dir.resolve("no-io_uring.rules");
        Files.writeString(full, toRules(profile(), true));
        Files.writeString(withoutIoUring, toRules(profile(), false));

        String[] allowed = runDemo(launcher, full);
        assertThat(allowed[0]).as(allowed[1]).contains("Engine: io_uring").contains("Errors: none");
        assertThat(allowed[1]).doesNotContain("using the NIO engine");

        String[] blocked = runDemo(launcher, withoutIoUring);
        assertThat(blocked[1]).contains("ringload demo: io_uring blocked (EPERM: a seccomp filter refuses it")
                .contains("- using the NIO engine");
        assertThat(blocked[0]).contains("Engine: nio").contains("Errors: none");
    }

    private static String toRules(Object profile, boolean withIoUring) {
        StringBuilder rules = new StringBuilder();
        for (Map<String, Object> rule : rules(profile)) {
            for (Object n : (List<?>) rule.get("names")) {
                String name = (String) n;
                if (!withIoUring && IO_URING.contains(name)) {
                    continue;
                }
                if (rule.get("action").equals("SCMP_ACT_ERRNO")) {
                    rules.append("errno ").append(name).append(' ').append(((Double) rule.get("errnoRet")).longValue());
                } else if (rule.containsKey("args")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> arg = ((List<Map<String, Object>>) rule.get("args")).getFirst();
                    rules.append("allow-masked-eq ").append(name).append(' ').append(((Double) arg.get("index")).longValue())
                            .append(' ').append(((Double) arg.get("value")).longValue()).append(' ')
                            .append(((Double) arg.get("valueTwo")).longValue());
                } else {
                    rules.append("allow ").append(name);
                }
                rules.append('\n');
            }
        }
        return rules.toString();
    }

    private static String[] runDemo(Path launcher, Path rules) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(launcher.toString(), rules.toString(), "--", java,
                "--enable-native-access=ALL-UNNAMED", "-cp", classpath, Main.class.getName(), "demo", "-d", "1s", "-c", "4")
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)};
    }
}
