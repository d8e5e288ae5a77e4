package dev.ringload.engine.mix;

import dev.ringload.engine.load.RequestSlots;
import dev.ringload.engine.load.RequestTemplate;
import dev.ringload.engine.load.SendBatch;
import dev.ringload.engine.load.Shard;
import dev.ringload.engine.load.Target;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mix's requests as they leave a worker: picked in the promised shares, placeholders filled, lengths right. */
class MixPlanTest {

    private static final Target ENDPOINT = Target.parse("http://127.0.0.1:8083/");

    private static RequestSpec get(String url, int weight, String... headers) {
        return new RequestSpec("GET", url, List.of(headers), new byte[0], weight, "t:1", null);
    }

    private static RequestSpec post(String url, String body) {
        return new RequestSpec("POST", url, List.of("Content-Type: application/json"),
                body.getBytes(StandardCharsets.US_ASCII), 1, "t:5", null);
    }

    /** Renders {@code count} single-request sends and returns their text, with the mix index of each. */
    private static List<String> send(MixPlan plan, int count, int connection, List<Integer> picked) {
        Slots slots = new Slots();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CapturingBatch batch = new CapturingBatch();
            assertThat(plan.next(connection, i, 1, slots.slots, batch.batch)).isEqualTo(1);
            out.add(batch.text());
            picked.add(slots.slots.target(i));
        }
        return out;
    }

    @Test
    void roundRobinFollowsTheWeightsExactlyAndSpreadsTheHeavyOne() {
        RequestMix mix = RequestMix.compile(List.of(get("http://h/a", 1), get("http://h/b", 3)), ENDPOINT,
                RequestMix.Pick.ROUND_ROBIN);
        MixPlan plan = new MixPlan(mix, 0, 1, 0, 1, 1, 7);
        List<Integer> picked = new ArrayList<>();
        send(plan, 400, 0, picked);
        assertThat(picked.stream().filter(t -> t == 0).count()).isEqualTo(100);
        assertThat(picked.subList(0, 4)).as("one cycle: the light one between the heavy ones").containsExactly(1, 0, 1, 1);
    }

    @Test
    void randomPicksFollowTheWeights() {
        RequestMix mix = RequestMix.compile(List.of(get("http://h/a", 1), get("http://h/b", 3)), ENDPOINT,
                RequestMix.Pick.RANDOM);
        MixPlan plan = new MixPlan(mix, 0, 1, 0, 1, 1, 7);
        List<Integer> picked = new ArrayList<>();
        send(plan, 100_000, 0, picked);
        double share = picked.stream().filter(t -> t == 1).count() / 100_000.0;
        assertThat(share).isBetween(0.74, 0.76);
    }

    @Test
    void placeholdersAreFilledAndABodyWithThemGetsItsContentLength() {
        RequestMix mix = RequestMix.compile(List.of(
                get("http://h/item/{seq}?r={rand:5:7}&c={conn}", 1, "X-Thread: {thread}"),
                post("http://h/items", "{\"id\":{seq},\"n\":\"{rand:100:100000}\"}")), ENDPOINT,
                RequestMix.Pick.ROUND_ROBIN);
        MixPlan plan = new MixPlan(mix, 2, 3, 40, 4, 1, 7); // thread 2 of 3, its connections start at 40
        List<String> sent = send(plan, 200, 3, new ArrayList<>());
        Map<String, Integer> seqs = new HashMap<>();
        for (String request : sent) {
            String[] headAndBody = request.split("\r\n\r\n", 2);
            if (request.startsWith("GET ")) {
                assertThat(request).matches("(?s)GET /item/\\d+\\?r=[5-7]&c=43 HTTP/1\\.1\r\nHost: 127\\.0\\.0\\.1:8083\r\n"
                        + "X-Thread: 2\r\n\r\n");
                seqs.merge(request.split("/item/")[1].split("\\?")[0], 1, Integer::sum);
            } else {
                assertThat(headAndBody[1]).matches("\\{\"id\":\\d+,\"n\":\"\\d+\"}");
                assertThat(headAndBody[0]).endsWith("\r\nContent-Length: " + headAndBody[1].length());
                seqs.merge(headAndBody[1].split("[:,]")[1], 1, Integer::sum);
                long n = Long.parseLong(headAndBody[1].replaceAll(".*\"n\":\"(\\d+)\".*", "$1"));
                assertThat(n).isBetween(100L, 100_000L);
            }
        }
        assertThat(seqs).as("{seq}: thread 2 of 3 takes 2, 5, 8...").hasSize(200).allSatisfy((k, v) -> {
            assertThat(v).isEqualTo(1);
            assertThat(Long.parseLong(k) % 3).isEqualTo(2);
        });
    }

    /**
     * Shard 0 of 2 on one thread and shard 1 of 2 on two threads: together every {seq} value once, through the
     * general path (below 10000) and the fast path (from 10000 on).
     */
    @Test
    void shardsTakeDisjointSeqValuesWhateverTheirThreadCounts() {
        RequestMix mix = RequestMix.compile(List.of(get("http://h/a/{seq}", 1)), ENDPOINT, RequestMix.Pick.ROUND_ROBIN);
        List<Long> values = new ArrayList<>();
        values.addAll(seqValues(new MixPlan(mix, 0, 1, 0, 1, 1, 7, new Shard(0, 2)), 12_000));
        values.addAll(seqValues(new MixPlan(mix, 0, 2, 1, 1, 1, 7, new Shard(1, 2)), 6_000));
        values.addAll(seqValues(new MixPlan(mix, 1, 2, 2, 1, 1, 7, new Shard(1, 2)), 6_000));
        assertThat(values).doesNotHaveDuplicates().hasSize(24_000);
        assertThat(values.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(23_999);
    }

    private static List<Long> seqValues(MixPlan plan, int count) {
        List<Long> values = new ArrayList<>();
        for (String request : send(plan, count, 0, new ArrayList<>())) {
            values.add(Long.parseLong(request.substring("GET /a/".length(), request.indexOf(' ', 4))));
        }
        return values;
    }

    @Test
    void longRunsBetweenPlaceholdersAreCopiedWhole() {
        String big = "x".repeat(300);
        RequestMix mix = RequestMix.compile(List.of(get("http://h/{seq}", 1, "X-Big: " + big, "X-Seq: {seq}")),
                ENDPOINT, RequestMix.Pick.ROUND_ROBIN);
        MixPlan plan = new MixPlan(mix, 0, 1, 0, 1, 3, 7);
        CapturingBatch batch = new CapturingBatch();
        assertThat(plan.next(0, 0, 3, new Slots(3).slots, batch.batch)).isEqualTo(3);
        StringBuilder expected = new StringBuilder();
        for (int seq = 0; seq < 6; seq += 2) {
            expected.append("GET /").append(seq).append(" HTTP/1.1\r\nHost: 127.0.0.1:8083\r\nX-Big: ").append(big)
                    .append("\r\nX-Seq: ").append(seq + 1).append("\r\n\r\n");
        }
        assertThat(batch.text()).isEqualTo(expected.toString());
    }

    @Test
    void aPipelinedBatchMixesRequestsBackToBackAndNotesEachOne() {
        RequestMix mix = RequestMix.compile(List.of(get("http://h/a", 1),
                new RequestSpec("HEAD", "http://h/b", List.of(), new byte[0], 1, "t:3", null)), ENDPOINT,
                RequestMix.Pick.ROUND_ROBIN);
        MixPlan plan = new MixPlan(mix, 0, 1, 0, 2, 4, 7);
        Slots slots = new Slots(4);
        CapturingBatch batch = new CapturingBatch();
        assertThat(plan.next(1, 0, 4, slots.slots, batch.batch)).isEqualTo(4);
        assertThat(batch.text()).isEqualTo(("GET /a HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n\r\n"
                + "HEAD /b HTTP/1.1\r\nHost: 127.0.0.1:8083\r\n\r\n").repeat(2));
        assertThat(plan.head(slots.slots.target(0))).isFalse();
        assertThat(plan.head(slots.slots.target(1))).isTrue();
        assertThat(mix.mixesHead()).isTrue();
    }

    @Test
    void aFixedRequestAloneIsSentFromItsOwnBytes() {
        RequestMix mix = RequestMix.compile(List.of(get("http://h/a", 1), get("http://h/b", 1)), ENDPOINT,
                RequestMix.Pick.ROUND_ROBIN);
        MixPlan plan = new MixPlan(mix, 0, 1, 0, 1, 1, 7);
        CapturingBatch first = new CapturingBatch();
        plan.next(0, 0, 1, new Slots().slots, first.batch);
        assertThat(first.text()).isEqualTo(new String(RequestTemplate.encode("GET", Target.parse("http://127.0.0.1:8083/a"),
                List.of(), new byte[0]), StandardCharsets.US_ASCII));
        assertThat(first.batch.bytes()).isSameAs(mix.shapes().getFirst().whole);
    }

    /**
     * The round-robin fast path ({@link SeqCycle}): batches of every size, fixed requests between {seq} ones, every
     * value from the first on in order across 10000 -> 100000 -> 1000000 (a digit more mid-batch), each request noted.
     */
    @Test
    void roundRobinSeqBatchesCarryEveryValueInOrderAcrossDigitCounts() {
        RequestMix mix = RequestMix.compile(List.of(get("http://h/a/{seq}", 1), get("http://h/fixed", 1),
                get("http://h/b?id={seq}", 2, "X-Seq-Free: yes")), ENDPOINT, RequestMix.Pick.ROUND_ROBIN);
        int threads = 3;
        int pipelining = 16;
        MixPlan plan = new MixPlan(mix, 1, threads, 0, 2, pipelining, 7); // thread 1 of 3: 1, 4, 7, ...
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        long expected = 1;
        long first = 0;
        List<Integer> picked = new ArrayList<>();
        java.util.regex.Pattern request = java.util.regex.Pattern.compile(
                "GET (/a/(\\d+)|/fixed|/b\\?id=(\\d+)) HTTP/1\\.1\r\nHost: 127\\.0\\.0\\.1:8083\r\n"
                        + "(X-Seq-Free: yes\r\n)?\r\n");
        while (expected < 1_100_000) {
            int count = 1 + random.nextInt(pipelining);
            Slots slots = new Slots(pipelining);
            CapturingBatch batch = new CapturingBatch();
            assertThat(plan.next((int) (first % 2), first, count, slots.slots, batch.batch)).isEqualTo(count);
            java.util.regex.Matcher m = request.matcher(batch.text());
            int end = 0;
            for (int i = 0; i < count; i++) {
                assertThat(m.find(end)).as("request %d of a batch of %d", i, count).isTrue();
                assertThat(m.start()).as("back to back").isEqualTo(end);
                end = m.end();
                int t = slots.slots.target(first + i);
                picked.add(t);
                String value = m.group(2) != null ? m.group(2) : m.group(3);
                if (t == 1) {
                    assertThat(m.group(1)).isEqualTo("/fixed");
                } else {
                    assertThat(m.group(1)).startsWith(t == 0 ? "/a/" : "/b?id=");
                    assertThat(m.group(4) != null).isEqualTo(t == 2);
                    assertThat(Long.parseLong(value)).isEqualTo(expected);
                    assertThat(value).as("no leading zeros").doesNotStartWith("0");
                    expected += threads;
                }
            }
            assertThat(end).as("nothing after the last request").isEqualTo(batch.text().length());
            first += count;
        }
        // The cycle of weights 1, 1, 2 spreads b: b a b f, b a b f... over the whole run, in exact shares.
        int whole = picked.size() / 4 * 4;
        assertThat(picked.subList(0, whole).stream().filter(t -> t == 2).count()).isEqualTo(whole / 2);
        assertThat(picked.subList(0, whole).stream().filter(t -> t == 1).count()).isEqualTo(whole / 4);
    }

    @Test
    void aRequestThatCannotBeEncodedIsAnErrorNamingItsSource() {
        assertThatThrownBy(() -> RequestMix.compile(List.of(get("http://h/a b", 1)), ENDPOINT,
                RequestMix.Pick.ROUND_ROBIN)).hasMessageStartingWith("t:1: ").hasMessageContaining("percent-encode");
        assertThatThrownBy(() -> RequestMix.compile(List.of(get("http://h/a", 1, "Bad Header: x")), ENDPOINT,
                RequestMix.Pick.ROUND_ROBIN)).hasMessageStartingWith("t:1: invalid header");
    }

    /** Slots for a test: a connection with {@code size} pipeline slots. */
    private static final class Slots {
        final RequestSlots slots;

        Slots() {
            this(1);
        }

        Slots(int size) {
            this.slots = new RequestSlots(size);
        }
    }

    private static final class CapturingBatch {
        final SendBatch batch = new SendBatch();

        String text() {
            byte[] out = new byte[batch.length()];
            MemorySegment.copy(batch.bytes(), ValueLayout.JAVA_BYTE, batch.offset(), out, 0, out.length);
            return new String(out, StandardCharsets.ISO_8859_1);
        }
    }
}
