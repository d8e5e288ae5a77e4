#!/usr/bin/env bash
# Many connections from one host: a run at 1,000 and one at N connections (default 100,000) against `ringload
# serve` on loopback, spread over source addresses (default 127.0.0.2-127.0.0.9: eight ephemeral port ranges), on
# each engine. Prints per engine and run: connections established and errors, then the memory the extra connections took, per connection:
#   - ringload's user space: Java heap in use after a full GC plus the native memory it allocated (NMT's "Other":
#     off-heap send areas and ring memory), the 1,000-connection run subtracted, so the fixed per-thread buffers
#     (provided receive buffers, rings) cancel out;
#   - the kernel: slab and TCP buffer pages (/proc/meminfo Slab, /proc/net/sockstat mem), both ends of each
#     connection, as client and server share this host; roughly half is the client's.
# Needs N + 3000 file descriptors per process (raised when the hard limit allows, else split over processes, see
# below) and ~2 GiB free.
#   bench/many-connections.sh [jar, default cli/target/ringload.jar] [N, default 100000] [engines, default "uring nio"]
#                             [sources, default 127.0.0.2-127.0.0.9] [seconds per run, default 20: time for the samples]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
. bench/lib.sh
. scripts/jdk.sh
jar=$(readlink -f "${1:-cli/target/ringload.jar}")
n=${2:-100000}
engines=${3:-"uring nio"}
sources=${4:-127.0.0.2-127.0.0.9}
step=${5:-20}
base=1000
# Each process (client, server) needs a descriptor per connection and some spare. Where the hard limit is lower
# and cannot be raised (a container without CAP_SYS_RESOURCE), the run is split over P client processes (shards,
# `--shard i/P`) and P `serve` processes sharing the port (SO_REUSEPORT: the kernel spreads the connections), each
# holding N/P; the base run is then 1,000 per process, so each process's fixed memory cancels out.
spare=3000
hard=$(ulimit -Hn)
processes=1
if [ "$hard" != unlimited ] && [ "$hard" -lt $(( n + spare )) ]; then
    ulimit -Hn $(( n + spare )) 2>/dev/null || processes=$(( (n + hard - spare - 1) / (hard - spare) ))
fi
per_process=$(( (n + processes - 1) / processes + spare ))
[ "$hard" = unlimited ] || [ "$per_process" -le "$(ulimit -Hn)" ] || per_process=$(ulimit -Hn)
ulimit -Sn "$per_process"
base_total=$(( base * processes ))
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
serve_on_cpu1 "$jar"
extra_servers=()
trap '[ -n "$server_pid" ] && kill "$server_pid" ${extra_servers[*]} 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 2 "$processes"); do
    taskset -c 1 "${java[@]}" -jar "$jar" serve --port "$port" --cpus 1 >"$work/serve-$i.log" 2>&1 &
    extra_servers+=($!)
done
# A listener that joined the port before its server accepts would hold its share of connects unanswered.
for i in $(seq 2 "$processes"); do
    for _ in $(seq 1 600); do
        grep -q listening "$work/serve-$i.log" 2>/dev/null && break
        sleep 0.1
    done
done
url="http://127.0.0.1:$port/"

kernel_bytes() { # slab + TCP buffer pages
    local slab mem
    slab=$(awk '/^Slab:/ {print $2 * 1024}' /proc/meminfo)
    mem=$(awk '/^TCP:/ {for (i = 1; i <= NF; i++) if ($i == "mem") print $(i + 1) * 4096}' /proc/net/sockstat)
    echo $(( slab + mem ))
}
user_bytes() { # Java heap in use after a full GC + native memory the program allocated (NMT "Other": FFM arenas)
    local pid=$1 heap native
    "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
    # The "used" of each top-level line with a total: Serial (a one-CPU process's collector) lists DefNew and
    # Tenured, G1 one heap; spaces inside them (indented) and Metaspace are left out.
    heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | awk '/^[A-Za-z-]+ .*total .*used/ && !/^ *(Metaspace|class space)/ {
        for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v * 1024 } }
        END { print sum + 0 }')
    native=$("$JAVA_HOME/bin/jcmd" "$pid" VM.native_memory summary | awk '
        /^- +Other / { for (i = 1; i <= NF; i++) if ($i ~ /^committed=/) { v = $i; sub(/committed=/, "", v); sub(/KB\)?,?$/, "", v); print v * 1024 } }')
    echo $(( heap + ${native:-0} ))
}
# Waits (bounded) until process $1 holds at least $2 sockets, then a second more.
client_sockets() { find "/proc/$1/fd" -lname 'socket:*' 2>/dev/null | wc -l; }
wait_for_sockets() {
    local pid=$1 want=$2 deadline=$(( $(date +%s) + 120 ))
    while [ "$(client_sockets "$pid")" -lt "$want" ]; do
        [ "$(date +%s)" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null \
            || { echo "many-connections: $(client_sockets "$pid") connections of $want" >&2; return 1; }
        sleep 0.5
    done
    sleep 1
}

[ "$processes" -eq 1 ] || echo "many-connections: $n connections in $processes client and $processes server processes" \
    "(descriptor limit $hard per process)"
# Split over processes (N past one process's descriptors), two cores cannot also keep every connection busy: each
# client then sends 1,000 requests a second in all (an open loop), the connections mostly idle, and runs until the
# clients started after it are up.
seconds=$step
pace=()
[ "$processes" -eq 1 ] || { seconds=$(( step + 30 * processes )); pace=(-R 1000); }
printf '%-6s %9s %9s %7s %14s %16s\n' engine conns established errors "user B/conn" "kernel B/conn*"
for engine in $engines; do
    # Two runs, not one ramp: a worker sizes its per-connection state for all its connections at the start.
    for c in "$base_total" "$n"; do
        clients=()
        # One client at a time, each once its connections are up: six connect storms at once overflow the
        # servers' accept queues and a client's first connect times out. The earlier ones run on meanwhile.
        for i in $(seq 0 $(( processes - 1 ))); do
            shard=()
            [ "$processes" -eq 1 ] || shard=(--shard "$i/$processes")
            taskset -c 0 "${java[@]}" -XX:NativeMemoryTracking=summary -jar "$jar" run --engine "$engine" -t 1 \
                --cpus 0 -c "$c" "${shard[@]}" "${pace[@]}" --connect-timeout 30s -d "${seconds}s" --warmup 0 \
                --source "$sources" --json -q "$url" >"$work/$engine-$c-$i.json" &
            clients+=($!)
            wait_for_sockets "$!" $(( (c + processes - 1 - i) / processes ))
        done
        user=0
        for pid in "${clients[@]}"; do
            user=$(( user + $(user_bytes "$pid") ))
        done
        echo "$user $(kernel_bytes)" >"$work/$engine-$c.memory"
        for pid in "${clients[@]}"; do
            wait "$pid" || true
        done
    done
    python3 - "$work" "$engine" "$base_total" "$n" "$processes" <<'PYTHON'
import json, sys
work, engine, base, n, processes = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
(u0, k0), (u1, k1) = [map(int, open(f"{work}/{engine}-{c}.memory").read().split()) for c in (base, n)]
for c in (base, n):
    runs = [json.load(open(f"{work}/{engine}-{c}-{i}.json")) for i in range(processes)]
    established = sum(r["connections"]["established"] for r in runs)
    errors = sum(r["errors"]["total"] for r in runs)
    print(f'{engine:<6} {c:>9} {established:>9} {errors:>7}')
print(f'{engine:<6} {"":>9} {"":>9} {"":>7} {(u1 - u0) / (n - base):>14.0f} {(k1 - k0) / (n - base):>16.0f}'
      f'   (user {u0 / 2**20:.1f} -> {u1 / 2**20:.1f} MiB, kernel {k0 / 2**20:.1f} -> {k1 / 2**20:.1f} MiB)')
PYTHON
done
echo "* kernel bytes per connection count both ends (client and server sockets on this host); about half is the client's"
