package dev.ringload.deploy;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/k8s/ringload-job.yaml as run.sh renders it, read by Kubernetes' own models: a field the API does not
 * define (a typo, a field at the wrong level) or a missing required one fails here, as the API server would fail
 * it; then the properties the recipe promises are checked on the parsed Job.
 */
class K8sJobManifestTest {

    private static final List<String> RUN = List.of("--", "run", "-c", "1000", "-p", "10", "-d", "60s",
            "http://target.default.svc:8080/api?q=\"x\"");

    /** YAML to JSON, then the model's strict reader. */
    static V1Job parse(String yaml) throws java.io.IOException {
        Object tree = new Yaml().load(yaml);
        return V1Job.fromJson(new Gson().toJson(tree));
    }

    @Test
    void theRenderedJobIsValidAgainstTheKubernetesModel() throws Exception {
        V1Job job = parse(Rendered.k8sJob(concat(List.of("--image", "registry.local/ringload:0.1", "--shards", "4",
                "--cpus", "8", "--memory", "2Gi", "--name", "load-42"), RUN)));
        assertThat(job.getKind()).isEqualTo("Job");
        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getMetadata().getName()).isEqualTo("load-42");
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getCompletions()).isEqualTo(4);
        assertThat(job.getSpec().getParallelism()).isEqualTo(4);
        assertThat(job.getSpec().getBackoffLimit()).as("a shard is never rerun").isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).as("lead + run + margin").isEqualTo(60 + 60 + 300);

        V1PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getHostNetwork()).isFalse();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("Localhost");
        assertThat(pod.getSecurityContext().getSeccompProfile().getLocalhostProfile())
                .isEqualTo("profiles/ringload-io_uring.json");
        var antiAffinity = pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(antiAffinity).singleElement().satisfies(term -> {
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(term.getLabelSelector().getMatchLabels())
                    .isEqualTo(job.getSpec().getTemplate().getMetadata().getLabels().entrySet().stream()
                            .filter(e -> e.getKey().equals("ringload.dev/run"))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        });

        V1Container c = pod.getContainers().getFirst();
        assertThat(c.getImage()).isEqualTo("registry.local/ringload:0.1");
        assertThat(c.getCommand()).containsExactly("ringload-shard");
        assertThat(c.getArgs()).containsExactlyElementsOf(RUN.subList(1, RUN.size()));
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("SHARDS");
            assertThat(e.getValue()).isEqualTo("4");
        });
        assertThat(c.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("START_AT");
            assertThat(Long.parseLong(e.getValue())).isBetween(System.currentTimeMillis() / 1000,
                    System.currentTimeMillis() / 1000 + 61);
        });
        guaranteedWithWholeCpus(c.getResources(), "8", "2Gi");
    }

    @Test
    void hostNetworkAndTheRuntimesDefaultProfileAreOptions() throws Exception {
        V1Job job = parse(Rendered.k8sJob(concat(List.of("--image", "r:1", "--shards", "1", "--host-network",
                "--seccomp", "runtime-default", "--lead", "5"), List.of("--", "run", "-d", "2m", "http://t/"))));
        V1PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getHostNetwork()).isTrue();
        assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(5 + 120 + 300);
        guaranteedWithWholeCpus(pod.getContainers().getFirst().getResources(), "2", "1Gi");
    }

    @Test
    void theStrictReaderRejectsAFieldTheApiDoesNotHave() throws Exception {
        String yaml = Rendered.k8sJob(concat(List.of("--image", "r:1", "--shards", "2"), RUN));
        assertThatThrownBy(() -> parse(yaml.replace("completionMode: Indexed", "completionMode: Indexed\n  completion: 2")))
                .hasMessageContaining("completion");
        assertThatThrownBy(() -> parse(yaml.replace("topologyKey:", "topologykey:"))).hasMessageContaining("topologykey");
    }

    @Test
    void badArgumentsAreOneLineErrorsWithExitTwo() throws Exception {
        for (List<String> bad : List.of(List.of("--shards", "3"), List.of("--image", "r", "--shards", "0"),
                List.of("--image", "r", "--shards", "2", "--cpus", "1.5"), List.of("--image", "r", "--shards", "2"))) {
            List<String> command = new java.util.ArrayList<>(List.of("bash",
                    Rendered.DEPLOY.resolve("k8s/run.sh").toString(), "--render"));
            command.addAll(bad);
            Rendered.Result r = Rendered.run(command, null);
            assertThat(r.code()).as("%s", bad).isEqualTo(2);
            assertThat(r.stderr().strip()).as("%s", bad).startsWith("k8s/run.sh: ").doesNotContain("\n");
        }
    }

    /** Requests equal to limits for CPU and memory (Guaranteed QoS), and a whole number of CPUs. */
    private static void guaranteedWithWholeCpus(V1ResourceRequirements r, String cpus, String memory) {
        assertThat(r.getRequests()).isEqualTo(r.getLimits());
        assertThat(r.getLimits().get("cpu").toSuffixedString()).isEqualTo(cpus);
        assertThat(r.getLimits().get("cpu").getNumber().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
        assertThat(r.getLimits().get("memory").toSuffixedString()).isEqualTo(memory);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
