#!/usr/bin/env bash
# What a request mix costs: one request repeated vs 16 targets round-robin, each with a {seq} placeholder filled
# per request, alternating on the same machine in the same minutes. Client pinned to CPU 0 with one thread,
# `ringload serve` on CPU 1. Two single requests: `GET /` (the shortest), and `same`, one of the mix's own paths
# with eight digits in place of {seq} (as long as the mix's requests a few seconds in): the mix pays for its longer
# request lines on the wire and in the server, which `same` pays too, so mix/same is the cost of mixing itself.
# Prints every run (req/s, the engine thread's CPU-ns per response, the server core's utilisation), then the
# medians and mix/single, mix/same (medians of per-round ratios in brackets).
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
        order="single same mix"
        [ $((rep % 2)) -eq 0 ] && order="mix same single"
        for kind in $order; do
            case $kind in
                single) args=("$url") ;;
                same) args=("${url}items/0/12345678") ;;
                mix) args=(--targets "$work/targets.txt") ;;
            esac
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
printf '%6s %12s %12s %12s %20s %20s %8s %8s %8s\n' depth single same mix "mix/single (rounds)" "mix/same (rounds)" \
    "cpu s" "cpu same" "cpu mix"
column() { awk -v d="$1" -v k="$2" -v f="$3" '$1 == k && $2 == d {print $f}' "$work/runs" | median; }
rounds() { awk -v d="$1" -v a="$2" -v b="$3" '$2 == d { v[$3 "," $1] = $4; r[$3] = 1 }
        END { for (k in r) printf "%.4f\n", v[k "," a] / v[k "," b] }' "$work/runs" | median; }
for depth in $depths; do
    s=$(column "$depth" single 4); same=$(column "$depth" same 4); m=$(column "$depth" mix 4)
    printf '%6s %12.0f %12.0f %12.0f %12.3f (%.3f) %12.3f (%.3f) %8.0f %8.0f %8.0f\n' "$depth" "$s" "$same" "$m" \
        "$(awk -v a="$m" -v b="$s" 'BEGIN { print a / b }')" "$(rounds "$depth" mix single)" \
        "$(awk -v a="$m" -v b="$same" 'BEGIN { print a / b }')" "$(rounds "$depth" mix same)" \
        "$(column "$depth" single 5)" "$(column "$depth" same 5)" "$(column "$depth" mix 5)"
done
