/*
 * ringload HTML report: the self-check. Runs before every other script so it hears every error, then keeps
 * pre#ringload-self-check up to date with what the page drew and what went wrong, as JSON, for the
 * browser test (and for anyone wondering why a chart is missing).
 * No template literals, dollar-brace or at-signs here: Maven filters this directory.
 */
window.ringloadSelfCheck = (function () {
    "use strict";
    var state = {done: false, charts: [], errors: []};

    function publish() {
        var out = document.getElementById("ringload-self-check");
        if (out) {
            out.textContent = JSON.stringify(state);
        }
    }

    function error(message) {
        state.errors.push(String(message));
        publish();
    }

    // Capturing, so it also sees resources that failed to load (those error events do not bubble).
    window.addEventListener("error", function (e) {
        if (e instanceof ErrorEvent) {
            error(e.message + " (" + e.filename + ":" + e.lineno + ")");
        } else {
            var t = e.target || {};
            error("failed to load " + (t.src || t.href || t.tagName || "a resource"));
        }
    }, true);
    window.addEventListener("unhandledrejection", function (e) {
        error("unhandled rejection: " + e.reason);
    });
    var consoleError = console.error;
    console.error = function () {
        error(Array.prototype.map.call(arguments, String).join(" "));
        return consoleError.apply(console, arguments);
    };

    return {
        chart: function (entry) {
            state.charts.push(entry);
            publish();
        },
        error: error,
        finish: function () {
            state.done = true;
            publish();
        },
        publish: publish
    };
})();
