package dev.ringload.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A ringload JSON report (a run, a ramp or a find-max search) as one self-contained HTML page: the summary and the
 * tables are rendered here, the charts by the page's own script with uPlot. uPlot, the styles and the report itself
 * are inlined, so the file opens offline and can be mailed or archived as it is.
 */
final class HtmlReport {

    /** Keep in step with the uplot WebJar's version in cli/pom.xml. */
    static final String UPLOT_VERSION = "1.6.30";
    static final String UPLOT_JS = "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.iife.min.js";
    static final String UPLOT_CSS = "META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css";
    static final String SELF_CHECK_JS = "dev/ringload/cli/html-report-check.js";
    static final String PAGE_JS = "dev/ringload/cli/html-report.js";
    static final String PAGE_CSS = "dev/ringload/cli/html-report.css";

    private HtmlReport() {
    }

    /** The page for {@code report}, a parsed JSON report (maps, lists, doubles, strings, booleans, nulls). */
    static String render(Map<String, Object> report) {
        boolean findMax = "find-max".equals(report.get("command"));
        StringBuilder h = new StringBuilder(128 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title(report, findMax))).append("</title>\n");
        inline(h, "style", resource(UPLOT_CSS));
        inline(h, "style", resource(PAGE_CSS));
        // First of the scripts, so that it also hears about errors in uPlot's.
        inline(h, "script", resource(SELF_CHECK_JS));
        h.append("</head>\n<body>\n<pre id=\"ringload-self-check\" hidden>")
                .append("{\"done\":false,\"charts\":[],\"errors\":[]}</pre>\n<main>\n");
        header(h, report, findMax);
        if (findMax) {
            findMaxSummary(h, report);
        } else {
            runSummary(h, report);
        }
        thresholds(h, report);
        requests(h, report);
        provenance(h, report);
        h.append("<section class=\"charts\" id=\"charts\" aria-label=\"charts\"></section>\n");
        steps(h, report, findMax);
        h.append("<noscript><p class=\"line\">The charts need JavaScript.</p></noscript>\n</main>\n");
        h.append("<script type=\"application/json\" id=\"ringload-report\">")
                .append(scriptJson(json(report))).append("</script>\n");
        h.append("<script type=\"application/json\" id=\"ringload-spectrum\">")
                .append(scriptJson(spectra(report))).append("</script>\n");
        inline(h, "script", resource(UPLOT_JS));
        inline(h, "script", resource(PAGE_JS));
        return h.append("</body>\n</html>\n").toString();
    }

    /**
     * JSON text made safe inside a script element: {@code </} becomes {@code <\/} so no {@code </script>} ends it
     * early, and the {@code <} of {@code <!--} becomes a JSON unicode escape so the parser never enters its
     * escaped-script states. Both can only occur inside JSON strings, where the replacements mean the same text.
     */
    static String scriptJson(String json) {
        return json.replace("</", "<\\/").replace("<!--", "\\u003c!--");
    }

    /** Compact JSON text of a parsed value; numbers as the report writer writes them. */
    static String json(Object value) {
        Json j = new Json();
        write(j, value);
        return j.toString();
    }

    private static void write(Json j, Object value) {
        switch (value) {
            case null -> j.nullValue();
            case Map<?, ?> m -> {
                j.beginObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    j.name(String.valueOf(e.getKey()));
                    write(j, e.getValue());
                }
                j.endObject();
            }
            case List<?> list -> {
                j.beginArray();
                for (Object item : list) write(j, item);
                j.endArray();
            }
            case Boolean b -> j.value(b);
            case Double d -> j.value(d);
            case Float f -> j.value(f.doubleValue());
            case Number n -> j.value(n.longValue());
            default -> j.value(value.toString());
        }
    }

    /** The percentile spectra as {@code {"series":[{label, nines, micros}]}}, computed from the histograms. */
    private static String spectra(Map<String, Object> report) {
        Json j = new Json().beginObject().name("series").beginArray();
        boolean open = report.get("serviceLatency") instanceof Map;
        spectrum(j, open ? "corrected (from intended send)" : "latency", at(report, "latency", "histogram"));
        if (open) {
            spectrum(j, "service (from actual send)", at(report, "serviceLatency", "histogram"));
        }
        return j.endArray().endObject().toString();
    }

    private static void spectrum(Json j, String label, Object histogram) {
        if (!(histogram instanceof String base64) || base64.isEmpty()) {
            return;
        }
        LatencySpectrum s = LatencySpectrum.decode(base64);
        if (s.points() == 0) {
            return;
        }
        j.beginObject().field("label", label).name("nines").beginArray();
        for (double v : s.nines()) j.value(v);
        j.endArray().name("micros").beginArray();
        for (double v : s.micros()) j.value(v);
        j.endArray().endObject();
    }

    private static String title(Map<String, Object> report, boolean findMax) {
        String kind = findMax ? "find-max" : report.get("ramp") instanceof Map ? "ramp" : "run";
        Object url = at(report, "config", "url");
        if (url == null) url = report.get("url");
        return "ringload " + kind + (url == null ? "" : " " + url);
    }

    private static void header(StringBuilder h, Map<String, Object> report, boolean findMax) {
        h.append("<header>\n<h1>").append(esc(title(report, findMax))).append("</h1>\n<p class=\"meta\">");
        StringJoiner meta = new StringJoiner(" &middot; ");
        if (report.get("startedAt") != null) meta.add("started " + esc(str(report.get("startedAt"))));
        Double seconds = num(report.get("durationSeconds"));
        if (seconds != null) meta.add(esc(String.format(Locale.ROOT, "%.1f s measured", seconds)));
        if (report.get("engine") != null) meta.add("engine " + esc(str(report.get("engine"))));
        if (report.get("config") instanceof Map<?, ?> c) {
            meta.add(esc(String.format(Locale.ROOT, "%s connections, pipelining %s, %s thread(s)",
                    plain(c.get("connections")), plain(c.get("pipelining")), plain(c.get("threads")))));
            if (c.get("mode") != null) meta.add(esc(str(c.get("mode"))));
        }
        h.append(meta).append("</p>\n");
        if (Boolean.TRUE.equals(report.get("partial"))) {
            h.append("<p class=\"banner\">PARTIAL: interrupted before the end; the numbers cover what ran.</p>\n");
        }
        if (report.get("error") != null) {
            h.append("<p class=\"banner\">error: ").append(esc(str(report.get("error")))).append("</p>\n");
        }
        h.append("</header>\n");
    }

    private static void runSummary(StringBuilder h, Map<String, Object> report) {
        h.append("<section class=\"summary\" aria-label=\"summary\">\n<div class=\"cards\">\n");
        Double seconds = num(report.get("durationSeconds"));
        card(h, "requests/s", count(num(at(report, "requests", "average"))),
                count(num(at(report, "requests", "total"))) + " responses"
                        + (seconds == null ? "" : String.format(Locale.ROOT, " in %.1f s", seconds)));
        card(h, "errors", count(num(at(report, "errors", "total"))), errorKinds(report.get("errors")));
        if (report.get("rate") instanceof Map<?, ?> rate) {
            Double target = num(rate.get("target"));
            Double achieved = num(rate.get("achieved"));
            card(h, "target rate", count(target), target == null || achieved == null || target == 0 ? ""
                    : String.format(Locale.ROOT, "achieved %s (%.1f%%)", count(achieved), 100 * achieved / target));
        }
        card(h, "latency p50", micros(num(at(report, "latency", "p50"))),
                "mean " + micros(num(at(report, "latency", "mean"))));
        card(h, "latency p99", micros(num(at(report, "latency", "p99"))),
                "p99.9 " + micros(num(at(report, "latency", "p99_9"))) + " \u00b7 max "
                        + micros(num(at(report, "latency", "max"))));
        if (report.get("serviceLatency") instanceof Map) {
            card(h, "service p99", micros(num(at(report, "serviceLatency", "p99"))),
                    "p50 " + micros(num(at(report, "serviceLatency", "p50"))) + " \u00b7 schedule lag p99 "
                            + micros(num(at(report, "scheduleLag", "p99"))));
        }
        Object busy = at(report, "client", "busyPercent");
        card(h, "client busy", busy == null ? "-" : plain(busy) + "%",
                Boolean.TRUE.equals(at(report, "client", "clientBound")) ? "CLIENT-BOUND" : "not client-bound");
        h.append("</div>\n");
        line(h, at(report, "client", "line"), Boolean.TRUE.equals(at(report, "client", "clientBound")));
        line(h, at(report, "rate", "line"), String.valueOf(at(report, "rate", "line")).startsWith("RATE NOT HELD"));
        line(h, at(report, "ramp", "knee"), false);
        h.append("</section>\n");
    }

    private static void findMaxSummary(StringBuilder h, Map<String, Object> report) {
        h.append("<section class=\"summary\" aria-label=\"summary\">\n<div class=\"cards\">\n");
        Double max = num(at(report, "conclusion", "maxRate"));
        card(h, "max sustainable rate", max == null ? "none" : count(max) + " req/s",
                str(at(report, "conclusion", "outcome")));
        int good = 0;
        int all = 0;
        for (Map<?, ?> step : maps(report.get("steps"))) {
            all++;
            if (Boolean.TRUE.equals(step.get("good"))) good++;
        }
        card(h, "steps", Integer.toString(all), good + " met the SLOs, " + (all - good) + " did not");
        StringJoiner slos = new StringJoiner(", ");
        if (report.get("slos") instanceof List<?> list) list.forEach(s -> slos.add(str(s)));
        card(h, "SLOs", slos.length() == 0 ? "-" : slos.toString(), "");
        h.append("</div>\n");
        line(h, at(report, "conclusion", "line"), false);
        line(h, at(report, "conclusion", "clientLine"), true);
        h.append("</section>\n");
    }

    private static void thresholds(StringBuilder h, Map<String, Object> report) {
        List<Map<?, ?>> rows = maps(report.get("thresholds"));
        if (rows.isEmpty()) {
            return;
        }
        h.append("<section aria-label=\"thresholds\">\n<h2>Thresholds</h2>\n<table class=\"thresholds\">\n")
                .append("<thead><tr><th>threshold</th><th>measured</th><th>result</th></tr></thead>\n<tbody>\n");
        for (Map<?, ?> t : rows) {
            // pass is null when the run could not be judged (interrupted, or the target unreachable).
            Object pass = t.get("pass");
            String result = pass == null ? "not judged" : Boolean.TRUE.equals(pass) ? "PASS" : "FAIL";
            Object measured = t.get("measured") != null ? t.get("measured") : t.get("value");
            h.append("<tr><td><code>").append(esc(str(t.get("expr")))).append("</code></td><td class=\"num\">")
                    .append(esc(plain(measured))).append("</td><td class=\"")
                    .append(pass == null ? "skip" : Boolean.TRUE.equals(pass) ? "pass" : "fail").append("\">")
                    .append(result).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** A mix of more than one request: the text report's per-request table. */
    private static void requests(StringBuilder h, Map<String, Object> report) {
        List<Map<?, ?>> targets = maps(report.get("targets"));
        if (targets.size() < 2) {
            return;
        }
        h.append("<section aria-label=\"requests\">\n<h2>Requests (").append(esc(str(report.get("pick"))))
                .append(")</h2>\n<table class=\"requests\">\n<thead><tr><th>request</th><th>responses</th>")
                .append("<th>share</th>")
                .append("<th>2xx</th><th>3xx</th><th>4xx</th><th>5xx</th><th>other</th><th>errors</th><th>p50</th>")
                .append("<th>p99</th></tr></thead>\n<tbody>\n");
        for (Map<?, ?> t : targets) {
            String[] row = Report.targetRow(t);
            h.append("<tr><td><code>").append(esc(row[0])).append("</code></td>");
            cells(h, Arrays.copyOfRange(row, 1, row.length));
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void provenance(StringBuilder h, Map<String, Object> report) {
        if (!(report.get("provenance") instanceof Map<?, ?> p) || p.isEmpty()) {
            return;
        }
        h.append("<section aria-label=\"provenance\">\n<h2>Provenance</h2>\n<table class=\"provenance\">\n<tbody>\n");
        for (Map.Entry<?, ?> e : p.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof Map || v instanceof List ? json(v) : plain(v);
            h.append("<tr><th>").append(esc(String.valueOf(e.getKey()))).append("</th><td><code>").append(esc(text))
                    .append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void steps(StringBuilder h, Map<String, Object> report, boolean findMax) {
        List<Map<?, ?>> steps = maps(report.get("steps"));
        if (steps.isEmpty()) {
            return;
        }
        h.append("<section aria-label=\"steps\">\n<h2>Steps</h2>\n<table class=\"steps\">\n<thead><tr><th>#</th>");
        h.append(findMax ? "<th>target req/s</th><th>achieved req/s</th><th>p50</th><th>p99</th><th>p99.9</th>"
                : "<th>connections</th><th>req/s</th><th>p50</th><th>p99</th>");
        h.append("<th>errors</th><th>client busy</th><th>verdict</th></tr></thead>\n<tbody>\n");
        Double knee = num(at(report, "ramp", "kneeStep"));
        for (int i = 0; i < steps.size(); i++) {
            Map<?, ?> s = steps.get(i);
            boolean bad = findMax ? !Boolean.TRUE.equals(s.get("good")) : Boolean.TRUE.equals(s.get("clientBound"));
            boolean isKnee = knee != null && knee == i;
            h.append("<tr").append(isKnee ? " class=\"knee\"" : "").append("><td class=\"num\">").append(i + 1)
                    .append("</td>");
            if (findMax) {
                cells(h, count(num(s.get("target"))), count(num(s.get("achieved"))),
                        micros(num(at(s, "latency", "p50"))), micros(num(at(s, "latency", "p99"))),
                        micros(num(at(s, "latency", "p99_9"))));
            } else {
                Object requested = s.get("connectionsRequested");
                Object established = s.get("connectionsEstablished");
                cells(h, plain(requested) + (established == null || num(established).equals(num(requested)) ? ""
                                : " (" + plain(established) + " up)"), count(num(s.get("requestsPerSecond"))),
                        micros(num(at(s, "latency", "p50"))), micros(num(at(s, "latency", "p99"))));
            }
            Object busy = s.get("busyPercent");
            cells(h, count(num(s.get("errors"))), busy == null ? "-" : String.format(Locale.ROOT, "%.0f%%%s",
                    num(busy), Boolean.TRUE.equals(s.get("clientBound")) ? " BOUND" : ""));
            String verdict = s.get("verdict") == null ? "" : str(s.get("verdict"));
            h.append("<td class=\"").append(bad ? "fail" : "pass").append("\">")
                    .append(esc(verdict + (isKnee ? " (knee)" : ""))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void cells(StringBuilder h, String... values) {
        for (String v : values) h.append("<td class=\"num\">").append(esc(v)).append("</td>");
    }

    private static void card(StringBuilder h, String label, String value, String sub) {
        h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
                .append(esc(value)).append("</div><div class=\"sub\">").append(esc(sub)).append("</div></div>\n");
    }

    private static void line(StringBuilder h, Object text, boolean alarm) {
        if (text != null) {
            h.append("<p class=\"line").append(alarm ? " alarm" : "").append("\">").append(esc(str(text)))
                    .append("</p>\n");
        }
    }

    /** The error kinds that happened, {@code "timeout 3, connect-refused 1"}, or {@code "none"}. */
    private static String errorKinds(Object errors) {
        StringJoiner kinds = new StringJoiner(", ");
        if (errors instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Double n = num(e.getValue());
                if (!"total".equals(e.getKey()) && n != null && n > 0) kinds.add(e.getKey() + " " + count(n));
            }
        }
        return kinds.length() == 0 ? "none" : kinds.toString();
    }

    private static Object at(Object root, String... keys) {
        Object v = root;
        for (String key : keys) {
            if (!(v instanceof Map<?, ?> m)) return null;
            v = m.get(key);
        }
        return v;
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) if (o instanceof Map<?, ?> m) out.add(m);
        }
        return out;
    }

    private static Double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static String str(Object v) {
        return v == null ? "" : v.toString();
    }

    private static String count(Double n) {
        return Report.countOrDash(n);
    }

    private static String micros(Double us) {
        return Report.microsOrDash(us);
    }

    /** A scalar as people write it: whole numbers without ".0", at most three decimals. */
    static String plain(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return String.format(Locale.ROOT, "%.3f", d).replaceAll("\\.?0+$", "");
        }
        return v == null ? "-" : v.toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static void inline(StringBuilder h, String tag, String text) {
        // A resource that closed its own element would cut the page; none does, and this keeps it so.
        if (text.toLowerCase(Locale.ROOT).contains("</" + tag)) {
            throw new IllegalStateException("an inlined " + tag + " contains </" + tag);
        }
        h.append('<').append(tag).append(">\n").append(text).append("\n</").append(tag).append(">\n");
    }

    static String resource(String path) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
