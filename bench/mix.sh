#!/usr/bin/env bash
# What a request mix costs: one request repeated vs 16 targets round-robin, each with a {seq} placeholder filled
# per request, alternating on the same machine in the same minutes. Client pinned to CPU 0 with one thread,
# `ringload serve` on CPU 1. Prints every run (req/s, the engine thread's CPU-ns per response, the server core's
# utilisation), then the medians and mix/single (median of per-pair ratios in brackets).
#   bench/mix.sh [jar, default cli/target/ringload.jar] [seconds, default 5] [reps, default 3]
#                [depths, default "1 10 100"] [engine, default uring] [connections, default 100]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
. scripts/jdk.sh
jar=$(readlink -f "${1:-cli/target/ringload.jar}")
duration=${2:-5}
reps=${3:-3}
depths=${4:-"1 10 100"}
engine=${5:-uring}
conns=${6:-100}
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
serve_on_cpu1 "$jar"
url="http://127.0.0.1:$port/"
for i in $(seq 0 15); do
    printf 'GET http://127.0.0.1:%s/items/%s/{seq}\n\n' "$port" "$i" >>"$work/targets.txt"
done

printf '%-7s %6s %4s %12s %8s %8s\n' kind depth rep req/s cpu-ns server%
for depth in $depths; do
    for rep in $(seq 1 "$reps"); do
        order="single mix"
        [ $((rep % 2)) -eq 0 ] && order="mix single"
        for kind in $order; do
            args=("$url")
            [ "$kind" = mix ] && args=(--targets "$work/targets.txt")
            read -r b0 t0 < <(core_ticks 1)
            out=$(taskset -c 0 "${java[@]}" -jar "$jar" run --engine "$engine" -t 1 --cpus 0 -c "$conns" \
                -p "$depth" -d "${duration}s" --warmup 2s --json "${args[@]}")
            read -r b1 t1 < <(core_ticks 1)
            read -r rps cpu_ns errors < <(printf '%s' "$out" | python3 -c 'import json,sys
r = json.load(sys.stdin)
cpu = sum(t["cpuSeconds"] for t in r["client"]["perThread"])
print(round(r["requests"]["average"]), round(cpu * 1e9 / max(r["requests"]["total"], 1)), r["errors"]["total"])')
            [ "$errors" = 0 ] || echo "warning: $errors errors in $kind depth $depth" >&2
            server=$(pct_of "$b0" "$b1" "$t0" "$t1")
            printf '%-7s %6s %4s %12s %8s %7s%%\n' "$kind" "$depth" "$rep" "$rps" "$cpu_ns" "$server"
            echo "$kind $depth $rep $rps $cpu_ns" >>"$work/runs"
        done
    done
done
echo
printf '%6s %12s %12s %20s %10s %10s\n' depth single mix "mix/single (pairs)" "cpu single" "cpu mix"
for depth in $depths; do
    s=$(awk -v d="$depth" '$1 == "single" && $2 == d {print $4}' "$work/runs" | median)
    m=$(awk -v d="$depth" '$1 == "mix" && $2 == d {print $4}' "$work/runs" | median)
    cs=$(awk -v d="$depth" '$1 == "single" && $2 == d {print $5}' "$work/runs" | median)
    cm=$(awk -v d="$depth" '$1 == "mix" && $2 == d {print $5}' "$work/runs" | median)
    pairs=$(awk -v d="$depth" '$2 == d { v[$3 "," $1] = $4; r[$3] = 1 }
        END { for (k in r) printf "%.4f\n", v[k ",mix"] / v[k ",single"] }' "$work/runs" | median)
    printf '%6s %12.0f %12.0f %12.3f (%.3f) %10.0f %10.0f\n' "$depth" "$s" "$m" \
        "$(awk -v a="$m" -v b="$s" 'BEGIN { print a / b }')" "$pairs" "$cs" "$cm"
done
