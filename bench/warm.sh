#!/usr/bin/env bash
# How warm a run is from its first measured second: with --warmup 0 and with the default (auto), client pinned to
# CPU 0 with one thread, `ringload serve` on CPU 1. Prints, per run, the warmup's length, the first measured
# second's responses, the median of the later full seconds, their ratio and p99; then the median ratio per depth.
#   bench/warm.sh [jar, default cli/target/ringload.jar] [reps, default 2] [depths, default "1 10 100"]
#                 [seconds, default 6] [connections, default 100]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
. scripts/jdk.sh
jar=$(readlink -f "${1:-cli/target/ringload.jar}")
reps=${2:-2}
depths=${3:-"1 10 100"}
duration=${4:-6}
conns=${5:-100}
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
serve_on_cpu1 "$jar"
url="http://127.0.0.1:$port/"
# The server's own JIT warm-up, not measured.
taskset -c 0 "${java[@]}" -jar "$jar" run -c "$conns" -p 10 -d 3s --warmup 0 "$url" >/dev/null

printf '%-7s %6s %4s %8s %10s %10s %6s %9s\n' warmup depth rep seconds first steady ratio p99-ms
for depth in $depths; do
    for rep in $(seq 1 "$reps"); do
        for warmup in 0 auto; do
            taskset -c 0 "${java[@]}" -jar "$jar" run -t 1 --cpus 0 -c "$conns" -p "$depth" -d "${duration}s" \
                --warmup "$warmup" --json "$url" | python3 -c '
import json, statistics, sys
r = json.load(sys.stdin)
rps = r["series"]["responses"]
steady = statistics.median(rps[2:])
scale = 1 if r["latency"]["unit"] == "ms" else 1e-3
print("%-7s %6s %4s %8.2f %10d %10.0f %6.2f %9.2f" % (sys.argv[1], sys.argv[2], sys.argv[3], r["warmup"]["seconds"],
      rps[0], steady, rps[0] / steady, r["latency"]["p99"] * scale))' "$warmup" "$depth" "$rep" | tee -a "$work/runs"
        done
    done
done
echo
printf '%6s %16s %16s\n' depth "ratio (--warmup 0)" "ratio (auto)"
for depth in $depths; do
    printf '%6s %16s %16s\n' "$depth" \
        "$(awk -v d="$depth" '$1 == "0" && $2 == d {print $7}' "$work/runs" | median)" \
        "$(awk -v d="$depth" '$1 == "auto" && $2 == d {print $7}' "$work/runs" | median)"
done
