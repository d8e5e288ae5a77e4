#!/usr/bin/env bash
# ringload run (io_uring and NIO engines) vs wrk vs h2load, each with one thread pinned to CPU 0, against
# `ringload serve` (io_uring) pinned to CPU 1.
# For each depth and repetition: req/s, client CPU-ns per request (user+sys), client max RSS, and both cores'
# utilisation (a row whose server core is saturated is server-bound, not a client ceiling). Then medians.
#   bench/run.sh [seconds, default 5] [repetitions, default 3] [depths, default "1 10 100"] [connections, default 100]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
duration=${1:-5}
reps=${2:-3}
depths=${3:-"1 10 100"}
conns=${4:-100}
client_cpu=0
server_cpu=1
for tool in wrk h2load taskset; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool not installed (apt-get install wrk nghttp2-client)" >&2; exit 1; }
done
./ringload --version >/dev/null
work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
port=$(free_port)
taskset -c "$server_cpu" ./ringload serve --port "$port" --cpus "$server_cpu" >"$work/serve.log" 2>&1 &
server_pid=$!
wait_for_port "$port"
url="http://127.0.0.1:$port/"
# JIT warm-up of the server, not measured
taskset -c "$client_cpu" wrk -t1 -c"$conns" -d2s -s bench/pipeline.lua "$url" -- 10 >/dev/null

# client_cmd TOOL DEPTH -> command line
client_cmd() {
    case "$1" in
        ringload) echo "./ringload run --engine uring -t 1 --cpus $client_cpu -c $conns -p $2 -d ${duration}s --warmup 1s $url" ;;
        ringload-nio) echo "./ringload run --engine nio -t 1 --cpus $client_cpu -c $conns -p $2 -d ${duration}s --warmup 1s $url" ;;
        wrk) echo "wrk -t1 -c$conns -d${duration}s -s bench/pipeline.lua $url -- $2" ;;
        h2load) echo "h2load --h1 -t1 -c$conns -m$2 -D$duration $url" ;;
    esac
}

# Prints: tool depth req/s cpu_ns_per_req rss_MB core0% core1%
measure() {
    local tool=$1 depth=$2 out rps
    read -r b00 t00 <<<"$(core_ticks "$client_cpu")"
    read -r b10 t10 <<<"$(core_ticks "$server_cpu")"
    out=$( { /usr/bin/time -f "TIME %U %S %M" taskset -c "$client_cpu" $(client_cmd "$tool" "$depth"); } 2>&1 )
    read -r b01 t01 <<<"$(core_ticks "$client_cpu")"
    read -r b11 t11 <<<"$(core_ticks "$server_cpu")"
    case "$tool" in
        ringload|ringload-nio) rps=$(sed -n 's/.*(\([0-9,]*\) req\/s).*/\1/p' <<<"$out" | tr -d ,) ;;
        wrk) rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out") ;;
        h2load) rps=$(awk '/^finished in/ {gsub(",", "", $4); printf "%.0f", $4}' <<<"$out") ;;
    esac
    read -r _ user sys rss <<<"$(grep '^TIME' <<<"$out")"
    # CPU-ns per request over the whole process (startup and warmup included, which only penalises ringload).
    local total_requests cpu_ns
    total_requests=$(awk -v r="${rps:-0}" -v d="$duration" 'BEGIN {print r * d}')
    cpu_ns=$(awk -v u="$user" -v s="$sys" -v n="$total_requests" 'BEGIN { if (n > 0) printf "%.0f", (u + s) * 1e9 / n; else print "?" }')
    printf "%-12s %5s %10s %8s %7.0f %6s%% %6s%%\n" "$tool" "$depth" "${rps:-?}" "$cpu_ns" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
        "$(pct_of "$b00" "$b01" "$t00" "$t01")" "$(pct_of "$b10" "$b11" "$t10" "$t11")"
}

echo "client: one thread on CPU $client_cpu; server: ringload serve on CPU $server_cpu; c=$conns; ${duration}s x $reps"
echo "$(nproc) CPUs, $(uname -r), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf "%-12s %5s %10s %8s %7s %7s %7s\n" tool depth "req/s" "cpu-ns" "rss-MB" "cpu$client_cpu" "cpu$server_cpu"
for depth in $depths; do
    for rep in $(seq 1 "$reps"); do
        for tool in ringload ringload-nio wrk h2load; do
            measure "$tool" "$depth" | tee -a "$work/results"
        done
    done
done
echo
echo "medians (ratio = ringload req/s / tool req/s):"
printf "%-12s %5s %10s %8s %7s %7s %7s %6s\n" tool depth "req/s" "cpu-ns" "rss-MB" "cpu$client_cpu" "cpu$server_cpu" ratio
for depth in $depths; do
    base=$(awk -v d="$depth" '$1 == "ringload" && $2 == d {print $3}' "$work/results" | median)
    for tool in ringload ringload-nio wrk h2load; do
        col() { awk -v t="$tool" -v d="$depth" -v c="$1" '$1 == t && $2 == d {gsub("%", "", $c); print $c}' "$work/results" | median; }
        rps=$(col 3)
        printf "%-12s %5s %10.0f %8s %7s %6s%% %6s%% %6s\n" "$tool" "$depth" "$rps" "$(col 4)" "$(col 5)" "$(col 6)" "$(col 7)" \
            "$(awk -v a="$base" -v b="$rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }')"
    done
done
