#!/usr/bin/env bash
# Is `ringload serve` cheap enough never to be the bottleneck? wrk (pinned to CPU 0, -t1 -c100, pipeline.lua at
# depth 100) loads `serve` and then nginx (one worker), each pinned to CPU 1, for the same duration, several times.
# Prints wrk's req/s, the server process's CPU use (% of one core) and both cores' utilisation, then medians.
#   bench/serve.sh [seconds per run, default 10] [repetitions, default 3]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
duration=${1:-10}
reps=${2:-3}
client_cpu=0
server_cpu=1
depth=100
hz=$(getconf CLK_TCK)
for tool in wrk nginx taskset; do
    command -v "$tool" >/dev/null || { echo "bench/serve.sh: $tool not installed (apt-get install wrk nginx-light util-linux)" >&2; exit 1; }
done
./ringload --version >/dev/null   # builds the jar if needed
work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

start_serve() {
    local port=$1
    taskset -c "$server_cpu" ./ringload serve --port "$port" --cpus "$server_cpu" >"$work/serve.log" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
}

start_nginx() {
    local port=$1
    mkdir -p "$work/nginx"
    cat >"$work/nginx.conf" <<CONF
worker_processes 1;
worker_cpu_affinity $(printf '1%0*d' "$server_cpu" 0);
daemon off;
pid $work/nginx.pid;
error_log $work/nginx/error.log error;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000000;
    client_body_temp_path $work/nginx;
    proxy_temp_path $work/nginx;
    fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx;
    scgi_temp_path $work/nginx;
    server {
        listen 127.0.0.1:$port reuseport;
        location / { default_type application/json; return 200 '{"message":"hi"}'; }
    }
}
CONF
    taskset -c "$server_cpu" nginx -c "$work/nginx.conf" -p "$work/nginx" >"$work/nginx.out" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
}

# Runs wrk against $1 (label) on $2 (port); prints "label req/s server% core0% core1%".
measure() {
    local label=$1 port=$2 c0 c1 p0 p1 out
    read -r b00 t00 <<<"$(core_ticks "$client_cpu")"
    read -r b10 t10 <<<"$(core_ticks "$server_cpu")"
    p0=$(proc_cpu_ticks_tree "$server_pid")
    out=$(taskset -c "$client_cpu" wrk -t1 -c100 -d"${duration}s" -s bench/pipeline.lua "http://127.0.0.1:$port/" -- "$depth")
    p1=$(proc_cpu_ticks_tree "$server_pid")
    read -r b01 t01 <<<"$(core_ticks "$client_cpu")"
    read -r b11 t11 <<<"$(core_ticks "$server_cpu")"
    local rps errors
    rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
    errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" | tr -s ' ' | paste -sd ';' || true)
    local elapsed_ticks=$(( t11 - t10 ))
    local server_pct
    server_pct=$(awk -v d="$(( p1 - p0 ))" -v t="$elapsed_ticks" 'BEGIN { printf "%.0f", 100 * d / t }')
    printf "%-6s %10s %8s%% %7s%% %7s%%  %s\n" "$label" "$rps" "$server_pct" "$(pct_of "$b00" "$b01" "$t00" "$t01")" \
        "$(pct_of "$b10" "$b11" "$t10" "$t11")" "${errors:-}"
}

# CPU ticks of a process and its children (nginx's worker is a child of the master).
proc_cpu_ticks_tree() {
    local total=0 pid
    for pid in $1 $(pgrep -P "$1" || true); do
        total=$(( total + $(proc_cpu_ticks "$pid") ))
    done
    echo "$total"
}

echo "wrk -t1 -c100 depth $depth on CPU $client_cpu; server on CPU $server_cpu; ${duration}s x $reps; $(nproc) CPUs, $(uname -r)"
printf "%-6s %10s %9s %8s %8s\n" server "req/s" "server%" "cpu$client_cpu%" "cpu$server_cpu%"
for rep in $(seq 1 "$reps"); do
    for server in serve nginx; do
        port=$(free_port)
        "start_$server" "$port"
        sleep 1
        measure "$server" "$port" | tee -a "$work/results"
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
        sleep 1
    done
done
echo "medians:"
for server in serve nginx; do
    rps=$(awk -v s="$server" '$1 == s {print $2}' "$work/results" | median)
    spct=$(awk -v s="$server" '$1 == s {sub("%", "", $3); print $3}' "$work/results" | median)
    c0=$(awk -v s="$server" '$1 == s {sub("%", "", $4); print $4}' "$work/results" | median)
    c1=$(awk -v s="$server" '$1 == s {sub("%", "", $5); print $5}' "$work/results" | median)
    printf "%-6s %10s %8s%% %7s%% %7s%%\n" "$server" "$rps" "$spct" "$c0" "$c1"
done
