/*
 * ringload HTML report: draws the charts with uPlot from the report embedded in the page (script#ringload-report)
 * and the percentile spectra HtmlReport computed from its histograms (script#ringload-spectrum).
 * Every latency here is in microseconds, as in the report's series. Each chart tells the self-check what it drew.
 * No template literals, dollar-brace or at-signs here: Maven filters this directory.
 */
(function () {
    "use strict";
    var check = window.ringloadSelfCheck;
    var HEIGHT = 260;
    var PERCENTILES = [
        {key: "p50", label: "p50", color: "#1f77b4"},
        {key: "p90", label: "p90", color: "#2ca02c"},
        {key: "p99", label: "p99", color: "#ff7f0e"},
        {key: "p99_9", label: "p99.9", color: "#d62728"},
        {key: "max", label: "max", color: "#6f4e7c"}
    ];
    var plots = [];

    function readJson(id) {
        return JSON.parse(document.getElementById(id).textContent);
    }

    function round(v, digits) {
        return Number(v.toPrecision(digits)).toString();
    }

    function micros(us) {
        if (us == null) return "-";
        if (us < 1000) return round(us, 3) + " \u00b5s";
        if (us < 1e6) return round(us / 1e3, 3) + " ms";
        return round(us / 1e6, 3) + " s";
    }

    function count(n) {
        if (n == null) return "-";
        return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    }

    function shortCount(n) {
        if (n == null) return "";
        var a = Math.abs(n);
        if (a >= 1e6) return round(n / 1e6, 3) + "M";
        if (a >= 1e3) return round(n / 1e3, 3) + "k";
        return round(n, 3);
    }

    /** The percentile at nines = 1/(1-p): "99.9%" at 1000; decimals enough to tell the ticks apart. */
    function percentile(nines, extra) {
        if (nines <= 1) return "0%";
        var decimals = Math.max(0, Math.round(Math.log10(nines)) - 2 + (extra || 0));
        return (100 - 100 / nines).toFixed(decimals) + "%";
    }

    /** Log scales cannot show zero: a latency of 0 (an empty second) becomes a gap. */
    function positive(values) {
        return (values || []).map(function (v) {
            return v == null || v <= 0 ? null : v;
        });
    }

    function numbers(values) {
        return (values || []).map(function (v) {
            return v == null ? null : v;
        });
    }

    function fromZero(u, min, max) {
        return [0, max == null || max <= 0 ? 1 : max * 1.08];
    }

    function line(label, color, scale, format, extra) {
        var s = {label: label, stroke: color, width: 1.5, scale: scale, spanGaps: false,
            value: function (u, v) { return v == null ? "-" : format(v); }};
        for (var k in extra || {}) s[k] = extra[k];
        return s;
    }

    function tickValues(format) {
        return function (u, splits) {
            return splits.map(function (v) { return v == null ? null : format(v); });
        };
    }

    function secondsAxis() {
        return {label: "elapsed (s)", values: tickValues(function (v) { return v + " s"; })};
    }

    function secondsSeries() {
        return {label: "second", value: function (u, v) { return v == null ? "-" : v + " s"; }};
    }

    function latencyAxis(side) {
        var a = {scale: "us", label: "latency", size: 70, values: tickValues(micros)};
        if (side) {
            a.side = 1;
            a.grid = {show: false};
        }
        return a;
    }

    function rateAxis(label) {
        return {scale: "rps", label: label, size: 70, values: tickValues(shortCount)};
    }

    function width(box) {
        return Math.max(320, Math.floor(box.clientWidth));
    }

    function draw(id, title, note, opts, data) {
        var host = document.getElementById("charts");
        var figure = document.createElement("figure");
        figure.className = "chart";
        figure.id = "chart-" + id;
        var caption = document.createElement("figcaption");
        caption.textContent = title;
        figure.appendChild(caption);
        var target = document.createElement("div");
        figure.appendChild(target);
        if (note) {
            var p = document.createElement("p");
            p.className = "note";
            p.textContent = note;
            figure.appendChild(p);
        }
        host.appendChild(figure);
        var entry = {id: id, series: data.length - 1, points: data[0].length, nonEmptySeries: 0, drawn: false};
        for (var i = 1; i < data.length; i++) {
            if (data[i].some(function (v) { return v != null && isFinite(v); })) entry.nonEmptySeries++;
        }
        opts.width = width(target);
        opts.height = HEIGHT;
        opts.hooks = {draw: [function () {
            if (!entry.drawn) {
                entry.drawn = true;
                check.publish();
            }
        }]};
        check.chart(entry);
        try {
            plots.push({plot: new uPlot(opts, data, target), box: target});
        } catch (e) {
            check.error("chart " + id + ": " + (e && e.stack ? e.stack : e));
        }
    }

    function throughputChart(s) {
        var series = [secondsSeries(), line("responses/s", "#1f77b4", "rps", count)];
        var data = [s.seconds, numbers(s.responses)];
        if (s.targetRate) {
            series.push(line("target/s", "#888888", "rps", count, {dash: [6, 4]}));
            data.push(numbers(s.targetRate));
        }
        draw("throughput", "Requests per second", null, {
            scales: {x: {time: false}, rps: {range: fromZero}},
            series: series,
            axes: [secondsAxis(), rateAxis("req/s")],
            cursor: {sync: {key: "ringload-seconds"}}
        }, data);
    }

    function latencyChart(id, title, note, s, latency) {
        var series = [secondsSeries()];
        var data = [s.seconds];
        PERCENTILES.forEach(function (p) {
            if (latency[p.key]) {
                series.push(line(p.label, p.color, "us", micros));
                data.push(positive(latency[p.key]));
            }
        });
        draw(id, title, note, {
            scales: {x: {time: false}, us: {distr: 3, log: 10}},
            series: series,
            axes: [secondsAxis(), latencyAxis(false)],
            cursor: {sync: {key: "ringload-seconds"}}
        }, data);
    }

    function errorsChart(s) {
        var series = [secondsSeries()];
        var data = [s.seconds];
        var axes = [secondsAxis()];
        var scales = {x: {time: false}};
        if (s.errors) {
            series.push(line("errors/s", "#d62728", "errors", count, {width: 2}));
            data.push(numbers(s.errors));
            scales.errors = {range: fromZero};
            axes.push({scale: "errors", label: "errors/s", size: 60, values: tickValues(shortCount)});
        }
        if (s.connections) {
            series.push(line("connections", "#2ca02c", "connections", count));
            data.push(numbers(s.connections));
            scales.connections = {range: fromZero};
            axes.push({scale: "connections", label: "connections", size: 60, side: s.errors ? 1 : 3,
                grid: {show: !s.errors}, values: tickValues(shortCount)});
        }
        draw("errors", "Errors and open connections", null, {
            scales: scales, series: series, axes: axes, cursor: {sync: {key: "ringload-seconds"}}
        }, data);
    }

    function spectrumChart(spectra) {
        var colors = ["#1f77b4", "#ff7f0e"];
        var tables = spectra.map(function (s) { return [s.nines, positive(s.micros)]; });
        var data = tables.length === 1 ? tables[0] : uPlot.join(tables);
        var series = [{label: "percentile", value: function (u, v) { return v == null ? "-" : percentile(v, 2); }}];
        spectra.forEach(function (s, i) {
            series.push(line(s.label, colors[i % colors.length], "us", micros, {spanGaps: true}));
        });
        draw("spectrum", "Latency by percentile",
            spectra.length > 1 ? "corrected: timed from when each request was due to be sent, so queueing behind a "
                + "slow server counts; service: from when it was actually sent." : null, {
                // x ends at the last point, not at the next decade: beyond it there is no data to show.
                scales: {x: {time: false, distr: 3, log: 10, range: function (u, min, max) { return [1, max]; }},
                    us: {distr: 3, log: 10}},
                series: series,
                // Room on the right for the last tick's label, which sits on the plot's edge.
                padding: [null, 32, null, null],
                axes: [{
                    label: "percentile",
                    splits: function (u) {
                        var out = [];
                        for (var v = 1; v <= u.scales.x.max * 1.0001; v *= 10) out.push(v);
                        return out;
                    },
                    values: tickValues(function (v) { return percentile(v, 0); })
                }, latencyAxis(false)]
            }, data);
    }

    function stepsChart(report, findMax) {
        var steps = report.steps.slice().sort(function (a, b) { return xOf(a) - xOf(b); });

        function xOf(step) {
            return findMax ? step.target : step.connectionsRequested;
        }

        var data = [steps.map(xOf)];
        var series = [findMax
            ? {label: "target", value: function (u, v) { return v == null ? "-" : count(v) + " req/s"; }}
            : {label: "connections", value: function (u, v) { return v == null ? "-" : count(v); }}];
        var dots = {points: {show: true, size: 7}};
        series.push(line("achieved req/s", "#1f77b4", "rps", count, dots));
        data.push(steps.map(function (s) { return findMax ? s.achieved : s.requestsPerSecond; }));
        if (findMax) {
            series.push(line("target req/s", "#888888", "rps", count, {dash: [6, 4]}));
            data.push(steps.map(function (s) { return s.target; }));
        }
        series.push(line("p99", "#ff7f0e", "us", micros, dots));
        data.push(positive(steps.map(function (s) { return s.latency ? s.latency.p99 : null; })));
        draw("steps", findMax ? "Steps: achieved rate and p99 by target rate"
            : "Steps: throughput and p99 by connections", null, {
            scales: {x: {time: false}, rps: {range: fromZero}, us: {distr: 3, log: 10}},
            series: series,
            axes: [{label: findMax ? "target req/s" : "connections", values: tickValues(shortCount)},
                rateAxis("req/s"), latencyAxis(true)]
        }, data);
    }

    function main() {
        var report = readJson("ringload-report");
        var spectra = readJson("ringload-spectrum").series;
        var findMax = report.command === "find-max";
        var s = report.series;
        if (s && s.seconds && s.seconds.length) {
            throughputChart(s);
            if (s.latency) {
                latencyChart("latency", s.serviceLatency ? "Latency per second (corrected)" : "Latency per second",
                    null, s, s.latency);
            }
            if (s.serviceLatency) {
                latencyChart("service-latency", "Service latency per second", "Timed from the actual send.",
                    s, s.serviceLatency);
            }
        }
        if (spectra.length) {
            spectrumChart(spectra);
        }
        if (s && s.seconds && s.seconds.length && (s.errors || s.connections)) {
            errorsChart(s);
        }
        if (report.steps && report.steps.length) {
            stepsChart(report, findMax);
        }
        window.addEventListener("resize", function () {
            plots.forEach(function (p) {
                p.plot.setSize({width: width(p.box), height: HEIGHT});
            });
        });
    }

    try {
        main();
    } catch (e) {
        check.error("report script: " + (e && e.stack ? e.stack : e));
    }
    check.finish();
})();
