#!/usr/bin/env bash
# What the open loop costs and where it stops, against the closed loop on the same machine in the same minutes.
# Client pinned to CPU 0 with one thread, servers (`ringload serve`) pinned to CPU 1. For each depth:
#   1. the closed-loop ceiling against a plain server;
#   2. at half that rate, against a server capped at it (`serve --max-rate`), the closed loop and the open loop
#      (`--rate`): the same achieved rate, so the engine thread's CPU-ns per response compare directly;
#   3. the open loop at 1.5x the ceiling against the plain server: what it achieves, and the report's reason.
# Repeated `reps` times, alternating; prints every run, then medians and the ratios the README quotes.
#   bench/open-loop.sh [jar, default cli/target/ringload.jar] [seconds, default 5] [reps, default 3]
#                      [depths, default "1 16"] [engine, default uring] [connections, default 100]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
. scripts/jdk.sh
jar=$(readlink -f "${1:-cli/target/ringload.jar}")
duration=${2:-5}
reps=${3:-3}
depths=${4:-"1 16"}
engine=${5:-uring}
conns=${6:-100}
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# serve PORT [options]: a server on CPU 1; its PID is remembered for the cleanup.
serve() {
    local port=$1
    shift
    taskset -c 1 "${java[@]}" -jar "$jar" serve --port "$port" --cpus 1 "$@" >"$work/serve-$port.log" 2>&1 &
    pids+=($!)
    wait_for_port "$port"
}

# measure LABEL URL [run options]: one run; prints and records req/s, CPU-ns per response and the reason line.
measure() {
    local label=$1 url=$2
    shift 2
    local out
    out=$(taskset -c 0 "${java[@]}" -jar "$jar" run --engine "$engine" -t 1 --cpus 0 -c "$conns" \
        -d "${duration}s" --warmup 2s --json "$@" "$url")
    read -r rps cpu_ns busy shortfall < <(printf '%s' "$out" | python3 -c 'import json,sys
r = json.load(sys.stdin)
cpu = sum(t["cpuSeconds"] for t in r["client"]["perThread"])
rate = r.get("rate") or {}
print(round(r["requests"]["average"]), round(cpu * 1e9 / max(r["requests"]["total"], 1)),
      r["client"]["busyPercent"], rate.get("shortfall", "-"))')
    printf '%-22s %6s %4s %12s %8s %6s%% %s\n' "$label" "$depth" "$rep" "$rps" "$cpu_ns" "$busy" "$shortfall"
    echo "$label $depth $rps $cpu_ns $busy $shortfall" >>"$work/runs"
    last_rps=$rps
}

plain=$(free_port)
serve "$plain"
printf '%-22s %6s %4s %12s %8s %7s %s\n' run depth rep req/s cpu-ns busy shortfall
for depth in $depths; do
    ceiling=""
    for rep in $(seq 1 "$reps"); do
        measure closed-ceiling "http://127.0.0.1:$plain/" -p "$depth"
        ceiling="$ceiling $last_rps"
    done
    ceiling=$(printf '%s\n' $ceiling | median)
    half=$(awk -v c="$ceiling" 'BEGIN { printf "%d", c / 2 }')
    above=$(awk -v c="$ceiling" 'BEGIN { printf "%d", c * 1.5 }')
    capped=$(free_port)
    serve "$capped" --max-rate "$half"
    for rep in $(seq 1 "$reps"); do
        order="closed open"
        [ $((rep % 2)) -eq 0 ] && order="open closed"
        for mode in $order; do
            if [ "$mode" = closed ]; then
                measure closed-at-half "http://127.0.0.1:$capped/" -p "$depth"
            else
                measure open-at-half "http://127.0.0.1:$capped/" -p "$depth" --rate "$half"
            fi
        done
        measure open-above-ceiling "http://127.0.0.1:$plain/" -p "$depth" --rate "$above"
    done
done

col() { awk -v l="$1" -v d="$2" -v c="$3" '$1 == l && $2 == d { print $c }' "$work/runs" | median; }
echo
printf '%6s %12s %12s %12s %10s %10s %14s %14s %14s\n' depth ceiling half-closed half-open cpu-closed cpu-open \
    "open/closed cpu" "above: achieved" "/ ceiling"
for depth in $depths; do
    c=$(col closed-ceiling "$depth" 3)
    hc=$(col closed-at-half "$depth" 3)
    ho=$(col open-at-half "$depth" 3)
    cc=$(col closed-at-half "$depth" 4)
    co=$(col open-at-half "$depth" 4)
    a=$(col open-above-ceiling "$depth" 3)
    printf '%6s %12.0f %12.0f %12.0f %10.0f %10.0f %14.3f %14.0f %14.3f\n' "$depth" "$c" "$hc" "$ho" "$cc" "$co" \
        "$(awk -v a="$co" -v b="$cc" 'BEGIN { print a / b }')" "$a" "$(awk -v a="$a" -v b="$c" 'BEGIN { print a / b }')"
    echo "  above the ceiling, shortfall: $(awk -v d="$depth" '$1 == "open-above-ceiling" && $2 == d { print $6 }' \
        "$work/runs" | sort | uniq -c | tr '\n' ' ')"
done
