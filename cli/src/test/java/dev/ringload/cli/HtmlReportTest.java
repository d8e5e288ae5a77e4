package dev.ringload.cli;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report: the Java side directly, then each kind of report opened in headless Chromium with no network,
 * where every chart must be drawn with all its series and no error may show. Screenshots land in
 * {@code target/html-report/}.
 */
class HtmlReportTest {

    private static final Path OUT = Path.of("target", "html-report");
    private static final Pattern SELF_CHECK = Pattern.compile(
            "<pre id=\"ringload-self-check\"[^>]*>(\\{.*?)</pre>", Pattern.DOTALL);

    private static HeadlessChromium chromium;

    @BeforeAll
    static void findChromium() {
        Optional<HeadlessChromium> found = HeadlessChromium.find();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("CI=true but no chromium or chromium-browser on PATH (.ci/run installs the chromium package)");
        }
        chromium = found.orElse(null);
    }

    @Test
    void theSpectrumPutsEachNineOneDecadeFurtherRight() {
        // 1..1000 us, each once: the value at percentile p is p * 10 us, so the curve is known exactly.
        Histogram h = new Histogram(1, 60_000_000_000L, 3);
        for (int us = 1; us <= 1000; us++) h.recordValue(us * 1000L);
        LatencySpectrum s = LatencySpectrum.decode(HtmlReportFixtures.encode(h));
        double[] nines = s.nines();
        double[] micros = s.micros();

        assertThat(s.points()).isGreaterThan(30);
        assertThat(nines[0]).isEqualTo(1);
        assertThat(micros[0]).isCloseTo(1, within(0.01));
        assertThat(nines[s.points() - 1]).as("1000 samples resolve up to 99.9%").isEqualTo(1000);
        assertThat(micros[s.points() - 1]).isCloseTo(1000, within(1.0));
        for (int i = 1; i < s.points(); i++) {
            assertThat(nines[i]).isGreaterThan(nines[i - 1]);
            assertThat(micros[i]).isGreaterThanOrEqualTo(micros[i - 1]);
            if (nines[i] < 1000) {
                double expected = LatencySpectrum.percentile(nines[i]) * 10;
                assertThat(micros[i]).as("latency at %.4f%%", LatencySpectrum.percentile(nines[i]))
                        .isCloseTo(expected, within(expected * 0.002 + 10.5));
            }
        }
    }

    @Test
    void aRealisticSpectrumIsMonotonicAndEndsAtTheMax() {
        Histogram h = HtmlReportFixtures.latencyNs(new java.util.Random(3), 200_000, 900_000, 0.4);
        LatencySpectrum s = LatencySpectrum.decode(HtmlReportFixtures.encode(h));
        double[] nines = s.nines();
        double[] micros = s.micros();
        for (int i = 1; i < s.points(); i++) {
            assertThat(nines[i]).isGreaterThan(nines[i - 1]);
            assertThat(micros[i]).isGreaterThanOrEqualTo(micros[i - 1]);
        }
        assertThat(nines[s.points() - 1]).isEqualTo(200_000);
        assertThat(micros[s.points() - 1]).isEqualTo(h.highestEquivalentValue(h.getMaxValue()) / 1e3);
    }

    @Test
    void anEmptyHistogramHasNoSpectrumAndGarbageIsRefused() {
        assertThat(LatencySpectrum.decode(HtmlReportFixtures.encode(new Histogram(3))).points()).isZero();
        try {
            LatencySpectrum.decode("bm90IGEgaGlzdG9ncmFt");
            fail("decoded text that is no histogram");
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageContaining("not an encoded HdrHistogram");
        }
    }

    @Test
    void theEmbeddedReportCannotEndItsScriptEarly() {
        Map<String, Object> report = HtmlReportFixtures.closedLoop();
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = (Map<String, Object>) report.get("provenance");
        provenance.put("note", "</script><script>window.hijacked = 1</script> and <!--<script> too");
        String page = HtmlReport.render(report);

        assertThat(page).doesNotContain("</script><script>window.hijacked");
        assertThat(page).doesNotContain("<!--<script>");
        String embedded = between(page, "<script type=\"application/json\" id=\"ringload-report\">", "</script>");
        assertThat(embedded).contains("<\\/script><script>window.hijacked = 1<\\/script>");
        assertThat(MiniJson.parse(embedded)).as("the same report, once parsed").isEqualTo(report);
        assertThat(page).as("and the provenance table escapes it for HTML")
                .contains("&lt;/script&gt;&lt;script&gt;window.hijacked = 1&lt;/script&gt;");
    }

    @Test
    void uPlotAndTheStylesAreInlinedAndNothingIsFetched() {
        String page = HtmlReport.render(HtmlReportFixtures.closedLoop());
        String uPlot = HtmlReport.resource(HtmlReport.UPLOT_JS);

        assertThat(uPlot).startsWith("/*! https://github.com/leeoniya/uPlot (v" + HtmlReport.UPLOT_VERSION + ")")
                .contains("var uPlot=");
        assertThat(page).contains(uPlot).contains(HtmlReport.resource(HtmlReport.UPLOT_CSS))
                .contains(HtmlReport.resource(HtmlReport.PAGE_JS)).contains(HtmlReport.resource(HtmlReport.PAGE_CSS));
        assertThat(page).doesNotContainPattern("(?i)<script[^>]*\\ssrc\\s*=")
                .doesNotContainPattern("(?i)<link[\\s>]")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)url\\(\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)@import");
    }

    @Test
    void theScriptsReachTheJarUnfiltered() throws Exception {
        // Maven filters src/main/resources of this module; a "${...}" in a script would be rewritten there.
        for (String path : List.of(HtmlReport.PAGE_JS, HtmlReport.SELF_CHECK_JS, HtmlReport.PAGE_CSS)) {
            assertThat(HtmlReport.resource(path)).as(path)
                    .isEqualTo(Files.readString(Path.of("src/main/resources", path), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theSummaryShowsTheNumbersTheVerdictsTheThresholdsAndTheProvenance() {
        String page = HtmlReport.render(HtmlReportFixtures.closedLoop());

        assertThat(page).contains("<title>ringload run http://10.0.0.2:8080/api/items</title>")
                .contains("<div class=\"value\">52,067</div>")
                .contains("timeout 5, connection-reset 2")
                .contains("client: 4 threads, 39% busy (user 14%, sys 24%) -&gt; not client-bound")
                .contains("<tr><td><code>p99.9 &lt; 8ms</code></td><td class=\"num\">9.43 ms</td>"
                        + "<td class=\"fail\">FAIL</td></tr>")
                .contains("<td class=\"pass\">PASS</td>")
                .contains("<tr><th>cpus</th><td><code>16</code></td></tr>")
                .contains("<tr><th>ioUring</th><td><code>{&quot;setupFlags&quot;:&quot;SINGLE_ISSUER|DEFER_TASKRUN"
                        + "&quot;,&quot;providedBuffers&quot;:true}</code></td></tr>")
                .contains("<tr><th>argv</th><td><code>[&quot;run&quot;,&quot;-c&quot;,&quot;64&quot;,")
                .doesNotContain("PARTIAL");

        Map<String, Object> partial = HtmlReportFixtures.closedLoop();
        partial.put("partial", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> thresholds = (List<Map<String, Object>>) partial.get("thresholds");
        thresholds.forEach(t -> t.put("pass", null));
        assertThat(HtmlReport.render(partial)).contains("PARTIAL: interrupted")
                .contains("<td class=\"skip\">not judged</td>").doesNotContain("PASS").doesNotContain("FAIL");
        partial.remove("thresholds");
        assertThat(HtmlReport.render(partial)).doesNotContain("Thresholds");
    }

    @Test
    void aMixShowsEachRequestsRowAndOneRequestNone() {
        Map<String, Object> mix = HtmlReportFixtures.closedLoop();
        mix.put("pick", "round-robin");
        mix.put("targets", HtmlReportFixtures.parse("""
                {"t": [{"label": "GET /items/{seq}", "weight": 3, "responses": 30000, "share": 0.75,
                        "statusCodes": {"1xx": 0, "2xx": 29990, "3xx": 0, "4xx": 10, "5xx": 0, "other": 2},
                        "errors": 4, "latency": {"unit": "us", "p50": 812.5, "p99": 4100, "max": 9000, "count": 30000}},
                       {"label": "POST /a?b=<c>", "weight": 1, "responses": 10000, "share": 0.25,
                        "statusCodes": {"2xx": 10000}, "errors": 0, "latency": null}]}
                """).get("t"));
        String table = between(HtmlReport.render(mix), "<table class=\"requests\">", "</table>");
        assertThat(count(table, "<tr>")).isEqualTo(1 + 2);
        assertThat(table).contains("<tr><td><code>GET /items/{seq}</code></td><td class=\"num\">30,000</td>"
                        + "<td class=\"num\">75.0%</td><td class=\"num\">29,990</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">10</td><td class=\"num\">0</td><td class=\"num\">2</td>"
                        + "<td class=\"num\">4</td><td class=\"num\">" + Report.time(812_500) + "</td>"
                        + "<td class=\"num\">" + Report.time(4_100_000) + "</td></tr>")
                .contains("<code>POST /a?b=&lt;c&gt;</code>")
                .contains("<td class=\"num\">-</td><td class=\"num\">-</td></tr>"); // no per-request latency kept
        assertThat(HtmlReport.render(mix)).contains("<h2>Requests (round-robin)</h2>");

        mix.put("targets", List.of(((List<?>) mix.get("targets")).getFirst()));
        assertThat(HtmlReport.render(mix)).doesNotContain("class=\"requests\"");
    }

    @Test
    void anOpenLoopRunShowsTheRateAndTheServiceLatency() {
        String page = HtmlReport.render(HtmlReportFixtures.openLoop());
        assertThat(page).contains("<div class=\"label\">target rate</div><div class=\"value\">20,000</div>"
                        + "<div class=\"sub\">achieved 19,990 (100.0%)</div>")
                .contains("service p99").contains("target 20,000 req/s, achieved 19,990 req/s (99.95%)");
        String spectra = between(page, "<script type=\"application/json\" id=\"ringload-spectrum\">", "</script>");
        assertThat(spectra).contains("\"label\":\"corrected (from intended send)\"")
                .contains("\"label\":\"service (from actual send)\"");
    }

    @Test
    void findMaxShowsTheConclusionAndEveryStepWithItsVerdict() {
        String page = HtmlReport.render(HtmlReportFixtures.findMax());
        String steps = between(page, "<table class=\"steps\">", "</table>");

        assertThat(page).contains("<title>ringload find-max http://10.0.0.2:8080/api/items</title>")
                .contains("<div class=\"value\">32,500 req/s</div>")
                .contains("max sustainable rate: 32,500 req/s (p99 4.12 ms at 32,488 req/s)")
                .contains("<div class=\"value\">p99&lt;5ms, errors&lt;0.1%</div>");
        assertThat(count(steps, "<tr>")).isEqualTo(1 + 6);
        assertThat(count(steps, "<td class=\"fail\">")).isEqualTo(2);
        assertThat(steps).contains("<td class=\"num\">40,000</td><td class=\"num\">33,100</td>")
                .contains("<td class=\"fail\">p99 61.00 ms &gt; 5ms</td>");
    }

    @Test
    void aRampMarksItsKnee() {
        String page = HtmlReport.render(HtmlReportFixtures.ramp());
        String steps = between(page, "<table class=\"steps\">", "</table>");
        assertThat(page).contains("<title>ringload ramp http://10.0.0.2:8080/api/items</title>")
                .contains("knee at 64 connections");
        assertThat(steps).contains("<tr class=\"knee\"><td class=\"num\">4</td><td class=\"num\">64</td>")
                .contains("not client-bound (knee)");
    }

    static Stream<Arguments> reports() {
        Map<String, Object> closed = HtmlReportFixtures.closedLoop();
        Map<String, Object> open = HtmlReportFixtures.openLoop();
        Map<String, Object> ramp = HtmlReportFixtures.ramp();
        return Stream.of(
                Arguments.of("closed-loop", closed, charts("throughput", 1, 20, "latency", 5, 20,
                        "spectrum", 1, spectrumPoints(closed, "latency"), "errors", 2, 20)),
                Arguments.of("open-loop", open, charts("throughput", 2, 20, "latency", 5, 20,
                        "service-latency", 5, 20, "spectrum", 2, spectrumPoints(open, "latency", "serviceLatency"),
                        "errors", 2, 20)),
                Arguments.of("find-max", HtmlReportFixtures.findMax(), charts("steps", 3, 6)),
                Arguments.of("ramp", ramp, charts("spectrum", 1, spectrumPoints(ramp, "latency"), "steps", 2, 6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void chromiumDrawsEveryChartOfflineWithoutAnError(String name, Map<String, Object> report,
                                                      Map<String, List<Integer>> expected) throws Exception {
        assumeTrue(chromium != null, "no chromium on PATH (CI=true makes this a failure)");
        Path page = write(name, HtmlReport.render(report));

        Map<String, Object> check = selfCheck(chromium.dumpDom(page, OUT.resolve("scratch")));
        assertThat(check.get("errors")).as("errors on the page (%s)", chromium).isEqualTo(List.of());
        assertThat(check.get("done")).as("the page script ran to its end").isEqualTo(true);
        Map<String, List<Integer>> drawn = new LinkedHashMap<>();
        for (Object o : (List<?>) check.get("charts")) {
            Map<?, ?> chart = (Map<?, ?>) o;
            assertThat(chart.get("drawn")).as("uPlot drew %s", chart.get("id")).isEqualTo(true);
            assertThat(chart.get("nonEmptySeries")).as("series with data in %s", chart.get("id"))
                    .isEqualTo(chart.get("series"));
            drawn.put((String) chart.get("id"), List.of(((Double) chart.get("series")).intValue(),
                    ((Double) chart.get("points")).intValue()));
        }
        assertThat(drawn).as("chart -> [series, points]").isEqualTo(expected);

        Path png = OUT.resolve(name + ".png");
        Files.deleteIfExists(png);
        chromium.screenshot(page, png, OUT.resolve("scratch"));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("a screenshot with something on it").isGreaterThan(40_000);
        ByteBuffer header = ByteBuffer.wrap(bytes);
        assertThat(header.getLong(0)).as("PNG signature").isEqualTo(0x89504E470D0A1A0AL);
        assertThat(header.getInt(16)).as("width").isEqualTo(1280);
    }

    @Test
    void aPageThatNeedsTheNetworkFailsTheSelfCheck() throws Exception {
        // The control for the test above: the same page, but with uPlot from a CDN instead of inlined.
        assumeTrue(chromium != null, "no chromium on PATH (CI=true makes this a failure)");
        String page = HtmlReport.render(HtmlReportFixtures.closedLoop());
        String uPlot = "<script>\n" + HtmlReport.resource(HtmlReport.UPLOT_JS) + "\n</script>";
        assertThat(page).contains(uPlot);
        String cdn = page.replace(uPlot, "<script src=\"https://cdn.jsdelivr.net/npm/uplot@1.6.30/dist/"
                + "uPlot.iife.min.js\"></script>");

        Map<String, Object> check = selfCheck(chromium.dumpDom(write("needs-network", cdn), OUT.resolve("scratch")));
        assertThat(check.get("errors").toString()).as("errors on the page (%s)", chromium)
                .contains("failed to load https://cdn.jsdelivr.net/npm/uplot@1.6.30/dist/uPlot.iife.min.js")
                .contains("uPlot is not defined");
    }

    private static Map<String, List<Integer>> charts(Object... idSeriesPoints) {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < idSeriesPoints.length; i += 3) {
            m.put((String) idSeriesPoints[i], List.of((Integer) idSeriesPoints[i + 1], (Integer) idSeriesPoints[i + 2]));
        }
        return m;
    }

    /** How many x values the spectrum chart has: uPlot.join aligns the curves on the union of their points. */
    private static int spectrumPoints(Map<String, Object> report, String... latencies) {
        TreeSet<Double> xs = new TreeSet<>();
        for (String latency : latencies) {
            String histogram = (String) MiniJson.at(report, latency + ".histogram");
            for (double x : LatencySpectrum.decode(histogram).nines()) xs.add(x);
        }
        return xs.size();
    }

    private static Path write(String name, String html) throws Exception {
        Files.createDirectories(OUT);
        Path page = OUT.resolve(name + ".html").toAbsolutePath();
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> selfCheck(String dom) {
        Matcher m = SELF_CHECK.matcher(dom);
        assertThat(m.find()).as("the self-check element in the DOM Chromium dumped:\n%s",
                dom.length() > 2000 ? dom.substring(0, 2000) : dom).isTrue();
        String text = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
        return (Map<String, Object>) MiniJson.parse(text);
    }

    private static String between(String s, String start, String end) {
        int from = s.indexOf(start);
        assertThat(from).as("%s in the page", start).isNotNegative();
        from += start.length();
        return s.substring(from, s.indexOf(end, from));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
