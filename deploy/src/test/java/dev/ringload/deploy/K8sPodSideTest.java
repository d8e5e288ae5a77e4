package dev.ringload.deploy;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * The pods' side of deploy/k8s without a cluster: the rendered Job's own command, arguments and environment run as
 * N local processes with {@code JOB_COMPLETION_INDEX} set as an Indexed Job sets it, against `ringload serve`; each
 * one's output (stdout and stderr together, as {@code kubectl logs} gives them) goes through run.sh's
 * extract-shard.sh, and `ringload merge` must add the shards up exactly.
 */
class K8sPodSideTest {

    private static final int SHARDS = 3;
    private static final Path JAR = Rendered.CHECKOUT.resolve("cli/target/ringload.jar");

    @TempDir
    Path work;
    private Process server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void threeShardsRunAsTheJobWouldAndMergeToTheirSum() throws Exception {
        int port = freePort();
        server = new ProcessBuilder(java(), "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString(), "serve",
                "--port", String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(work.resolve("serve.log").toFile()).start();
        waitForPort(port);
        V1Job job = K8sJobManifestTest.parse(Rendered.k8sJob(List.of("--image", "ringload:test", "--shards",
                String.valueOf(SHARDS), "--lead", "8", "--", "run", "-c", "6", "-d", "2s", "--warmup", "0",
                "http://127.0.0.1:" + port + "/")));
        V1Container container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();

        // The image's commands on PATH: ringload-shard from deploy/, ringload as this checkout's launcher.
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("ringload-shard"), Rendered.DEPLOY.resolve("ringload-shard.sh"));
        Files.createSymbolicLink(bin.resolve("ringload"), Rendered.CHECKOUT.resolve("ringload"));
        Path out = Files.createDirectories(work.resolve("out"));

        List<Process> pods = new ArrayList<>();
        for (int index = 0; index < SHARDS; index++) {
            List<String> command = new ArrayList<>(container.getCommand());
            command.set(0, bin.resolve(command.getFirst()).toString()); // looked up on the image's PATH
            command.addAll(container.getArgs());
            ProcessBuilder pod = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("pod-" + index + ".log").toFile());
            Map<String, String> env = pod.environment();
            for (V1EnvVar e : container.getEnv()) {
                env.put(e.getName(), e.getValue());
            }
            env.put("JOB_COMPLETION_INDEX", String.valueOf(index));
            env.put("PATH", bin + ":" + env.get("PATH"));
            env.put("RINGLOAD_JAR", JAR.toString());
            env.put("TMPDIR", Files.createDirectories(work.resolve("tmp-" + index)).toString());
            pods.add(pod.start());
        }
        for (Process p : pods) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("a shard ends").isTrue();
            assertThat(p.exitValue()).isZero();
        }
        long sum = 0;
        for (int index = 0; index < SHARDS; index++) {
            String log = Files.readString(work.resolve("pod-" + index + ".log"));
            Rendered.Result extracted = Rendered.run(List.of("bash",
                    Rendered.DEPLOY.resolve("k8s/extract-shard.sh").toString(), out.toString()), log);
            assertThat(extracted.code()).as(extracted.stderr()).isZero();
            assertThat(extracted.stdout().strip()).isEqualTo(String.valueOf(index));
            assertThat(Files.readString(out.resolve("shard-" + index + ".exit")).strip()).as(log).isEqualTo("0");
            sum += total(Files.readString(out.resolve("shard-" + index + ".json")));
        }
        assertThat(sum).isPositive();

        List<String> merge = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-jar",
                JAR.toString(), "merge", "--json"));
        for (int index = 0; index < SHARDS; index++) {
            merge.add(out.resolve("shard-" + index + ".json").toString());
        }
        Rendered.Result merged = Rendered.run(merge, null);
        assertThat(merged.code()).as(merged.stderr()).isZero();
        assertThat(total(merged.stdout())).isEqualTo(sum);
        assertThat(merged.stdout()).contains("\"count\":" + SHARDS);
    }

    /** requests.total of a run's JSON report. */
    private static long total(String json) {
        Matcher m = Pattern.compile("\"requests\":\\{\"total\":(\\d+)").matcher(json);
        assertThat(m.find()).as("requests.total in %s", json.substring(0, Math.min(200, json.length()))).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("serve did not listen on " + port);
    }
}
