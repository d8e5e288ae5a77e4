#!/usr/bin/env bash
# Soak: a long run at many connections on each engine against `ringload serve`, the client's resident memory and
# open descriptors sampled every 10 s. Passes when, after the first minute, RSS grows by under 5%, the descriptor
# count stays flat, and the run has no error. Prints the samples and one verdict line per engine; exits 1 if any
# engine fails.
#   bench/soak.sh [jar, default cli/target/ringload.jar] [seconds, default 600] [connections, default 10000]
#                 [engines, default "uring nio"] [pipelining, default 1]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
. scripts/jdk.sh
jar=$(readlink -f "${1:-cli/target/ringload.jar}")
seconds=${2:-600}
conns=${3:-10000}
engines=${4:-"uring nio"}
depth=${5:-1}
ulimit -Sn "$(( conns + 1000 ))" 2>/dev/null || { echo "soak: $conns connections need $(( conns + 1000 )) descriptors; the limit is $(ulimit -Hn)" >&2; exit 1; }
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
serve_on_cpu1 "$jar"
url="http://127.0.0.1:$port/"
status=0
for engine in $engines; do
    # A fixed, pre-touched heap: otherwise RSS climbs for minutes as the young generation is touched for the
    # first time (a page at a time, at the client's slow steady allocation), which reads as growth but is not.
    taskset -c 0 "${java[@]}" -Xms256m -Xmx256m -XX:+AlwaysPreTouch -jar "$jar" run --engine "$engine" -t 1 --cpus 0 -c "$conns" -p "$depth" \
        -d "${seconds}s" --warmup 0 --json -q "$url" >"$work/$engine.json" &
    client=$!
    : >"$work/$engine.samples"
    start=$(date +%s)
    while kill -0 "$client" 2>/dev/null; do
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$client/status" 2>/dev/null || true)
        fds=$(find "/proc/$client/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
        [ -n "$rss" ] && echo "$(( $(date +%s) - start )) $rss $fds" >>"$work/$engine.samples"
        sleep 10
    done
    wait "$client" || true
    printf '%s: %8s %10s %6s\n' "$engine" seconds "RSS KiB" fds
    awk -v e="$engine" '{ printf "%s: %8s %10s %6s\n", e, $1, $2, $3 }' "$work/$engine.samples"
    python3 - "$work/$engine.json" "$work/$engine.samples" "$engine" "$conns" <<'PYTHON' || status=1
import json, sys
r = json.load(open(sys.argv[1]))
samples = [tuple(map(int, l.split())) for l in open(sys.argv[2]) if l.strip()]
engine, conns = sys.argv[3], int(sys.argv[4])
end = int(r["durationSeconds"])
# From the first minute to 10 s before the end (the last samples may catch the connections closing).
after = [s for s in samples if 60 <= s[0] <= end - 10] or samples[-1:]
rss_growth = (after[-1][1] - after[0][1]) / after[0][1]
fds = {s[2] for s in after}
errors = r["errors"]["total"]
ok = rss_growth < 0.05 and max(fds) - min(fds) <= 2 and errors == 0 \
    and r["connections"]["established"] == conns
print(f'{engine}: {r["requests"]["total"]:,} responses, {errors} errors, RSS {after[0][1]} -> {after[-1][1]} KiB '
      f'after the first minute ({rss_growth:+.1%}), descriptors {min(fds)}..{max(fds)}: {"PASS" if ok else "FAIL"}')
sys.exit(0 if ok else 1)
PYTHON
done
exit $status
