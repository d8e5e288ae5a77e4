#!/usr/bin/env bash
# A/B of two ringload jars (say, the last release and a change to the engine), alternating runs on the same
# machine in the same minutes: each client pinned to CPU 0 with one thread, against one `ringload serve` (from
# jar A, io_uring where usable) pinned to CPU 1, for each engine and depth. Prints every run (req/s, the engine
# thread's CPU-ns per response, the server core's utilisation) and the medians with B/A. On a noisy machine
# req/s swings with the server's core; CPU-ns per response is the client's own cost and swings less.
#   bench/ab.sh A.jar B.jar [seconds, default 5] [repetitions, default 3] [depths, default "1 10 100"]
#               [engines, default "uring nio"] [connections, default 100]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
. scripts/jdk.sh
jar_a=$(readlink -f "$1")
jar_b=$(readlink -f "$2")
duration=${3:-5}
reps=${4:-3}
depths=${5:-"1 10 100"}
engines=${6:-"uring nio"}
conns=${7:-100}
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
serve_on_cpu1 "$jar_a"
url="http://127.0.0.1:$port/"

printf '%-6s %6s %4s %4s %12s %8s %8s\n' engine depth rep jar req/s cpu-ns server%
for engine in $engines; do
    for depth in $depths; do
        for rep in $(seq 1 "$reps"); do
            # A B, then B A: a machine that drifts during the pair does not favour one side.
            order="a b"
            [ $((rep % 2)) -eq 0 ] && order="b a"
            for side in $order; do
                jar=$jar_a
                [ "$side" = b ] && jar=$jar_b
                read -r b0 t0 < <(core_ticks 1)
                out=$(taskset -c 0 "${java[@]}" -jar "$jar" run --engine "$engine" -t 1 --cpus 0 -c "$conns" \
                    -p "$depth" -d "${duration}s" --warmup 2s --json "$url")
                read -r b1 t1 < <(core_ticks 1)
                read -r rps cpu_ns < <(printf '%s' "$out" | python3 -c 'import json,sys
r = json.load(sys.stdin)
cpu = sum(t["cpuSeconds"] for t in r["client"]["perThread"])
print(round(r["requests"]["average"]), round(cpu * 1e9 / max(r["requests"]["total"], 1)))')
                server=$(pct_of "$b0" "$b1" "$t0" "$t1")
                printf '%-6s %6s %4s %4s %12s %8s %7s%%\n' "$engine" "$depth" "$rep" "$side" "$rps" "$cpu_ns" "$server"
                echo "$engine $depth $side $rps $server $cpu_ns $rep" >>"$work/runs"
            done
        done
    done
done
# pair_ratios ENGINE DEPTH COLUMN: the median over repetitions of B's value / A's value in that column.
pair_ratios() {
    awk -v e="$1" -v d="$2" -v col="$3" '$1 == e && $2 == d { v[$7 "," $3] = $col; reps[$7] = 1 }
        END { for (r in reps) printf "%.4f\n", v[r ",b"] / v[r ",a"] }' "$work/runs" | median | awk '{printf "%.3f", $1}'
}

echo
# B/A columns: the ratio of the medians, and in brackets the median of the per-pair ratios, which a machine whose
# speed changes between pairs (these machines do) disturbs less.
printf '%-6s %6s %12s %12s %15s %9s %9s %15s %9s %9s\n' engine depth "A req/s" "B req/s" "B/A (pairs)" "A cpu-ns" \
    "B cpu-ns" "B/A (pairs)" "server A" "server B"
for engine in $engines; do
    for depth in $depths; do
        a=$(awk -v e="$engine" -v d="$depth" '$1 == e && $2 == d && $3 == "a" {print $4}' "$work/runs" | median)
        b=$(awk -v e="$engine" -v d="$depth" '$1 == e && $2 == d && $3 == "b" {print $4}' "$work/runs" | median)
        sa=$(awk -v e="$engine" -v d="$depth" '$1 == e && $2 == d && $3 == "a" {print $5}' "$work/runs" | median)
        sb=$(awk -v e="$engine" -v d="$depth" '$1 == e && $2 == d && $3 == "b" {print $5}' "$work/runs" | median)
        ca=$(awk -v e="$engine" -v d="$depth" '$1 == e && $2 == d && $3 == "a" {print $6}' "$work/runs" | median)
        cb=$(awk -v e="$engine" -v d="$depth" '$1 == e && $2 == d && $3 == "b" {print $6}' "$work/runs" | median)
        ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')
        cratio=$(awk -v a="$ca" -v b="$cb" 'BEGIN { printf "%.3f", b / a }')
        pairs=$(pair_ratios "$engine" "$depth" 4)
        cpairs=$(pair_ratios "$engine" "$depth" 6)
        printf '%-6s %6s %12.0f %12.0f %15s %9.0f %9.0f %15s %8s%% %8s%%\n' "$engine" "$depth" "$a" "$b" \
            "$ratio ($pairs)" "$ca" "$cb" "$cratio ($cpairs)" "$sa" "$sb"
    done
done
