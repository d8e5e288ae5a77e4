# Shared helpers for the bench/ scripts (sourced). Measurements come from /proc: per-process CPU (utime+stime)
# and per-core busy time, sampled around each load window.

# Jiffies of user+system CPU used by process $1 and all its threads.
proc_cpu_ticks() {
    awk '{print $14 + $15}' "/proc/$1/stat"
}

# "busy total" jiffies of CPU $1 (busy = everything but idle and iowait).
core_ticks() {
    awk -v cpu="cpu$1" '$1 == cpu {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat
}

# Percent of one core used between two samples: pct_of BUSY0 BUSY1 TOTAL0 TOTAL1
pct_of() {
    awk -v b0="$1" -v b1="$2" -v t0="$3" -v t1="$4" 'BEGIN { if (t1 > t0) printf "%.0f", 100 * (b1 - b0) / (t1 - t0); else print "?" }'
}

# Median of the numbers on stdin.
median() {
    sort -g | awk '{a[NR] = $1} END { if (NR == 0) print "?"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

wait_for_port() {
    local port=$1 i
    for i in $(seq 1 200); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.05
    done
    echo "nothing listening on port $port" >&2
    return 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts `ringload serve` from jar $1 pinned to CPU 1 (java from the caller's `java` array), in a fresh work
# directory: sets `work`, `port` and `server_pid`, stops the server and removes `work` on exit, and returns once it
# listens. Its log is $work/serve.log.
serve_on_cpu1() {
    work=$(mktemp -d)
    server_pid=""
    trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
    port=$(free_port)
    taskset -c 1 "${java[@]}" -jar "$1" serve --port "$port" --cpus 1 >"$work/serve.log" 2>&1 &
    server_pid=$!
    wait_for_port "$port"
}
