#!/usr/bin/env bash
# Many connections from one host: a ramp from 1,000 to N connections (default 100,000) against `ringload serve`
# on loopback, spread over source addresses (default 127.0.0.2-127.0.0.9: eight ephemeral port ranges), on each
# engine. Prints per engine: connections established and errors in each step, then the memory the extra
# connections took, per connection:
#   - ringload's user space: Java heap in use after a full GC plus the native memory it allocated (NMT's "Other":
#     off-heap send areas and ring memory), the 1,000-connection step subtracted, so the fixed per-thread buffers
#     (provided receive buffers, rings) cancel out;
#   - the kernel: slab and TCP buffer pages (/proc/meminfo Slab, /proc/net/sockstat mem), both ends of each
#     connection, as client and server share this host; roughly half is the client's.
# Needs N + 1000 file descriptors per process (raised when the hard limit allows) and ~2 GiB free.
#   bench/many-connections.sh [jar, default cli/target/ringload.jar] [N, default 100000] [engines, default "uring nio"]
#                             [sources, default 127.0.0.2-127.0.0.9] [step seconds, default 20: time for the samples]
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
# Each process (client, server) needs a descriptor per connection and some spare.
limit=$(( n + 1000 ))
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$limit" ]; then
    ulimit -Hn "$limit" 2>/dev/null || { echo "many-connections: $n connections need $limit descriptors per process;" \
        "the hard limit is $(ulimit -Hn) and cannot be raised here (CAP_SYS_RESOURCE): give N below $(( $(ulimit -Hn) - 1000 ))" >&2; exit 1; }
fi
ulimit -Sn "$limit"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
serve_on_cpu1 "$jar"
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
    heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print v * 1024; exit } }')
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

printf '%-6s %9s %9s %7s %14s %16s\n' engine step established errors "user B/conn" "kernel B/conn*"
for engine in $engines; do
    taskset -c 0 "${java[@]}" -XX:NativeMemoryTracking=summary -jar "$jar" run --engine "$engine" -t 1 --cpus 0 \
        --ramp "$base,$n" --ramp-rate 20000 --step "${step}s" --source "$sources" --json -q "$url" >"$work/$engine.json" &
    client=$!
    wait_for_sockets "$client" "$base"
    u0=$(user_bytes "$client"); k0=$(kernel_bytes)
    wait_for_sockets "$client" "$n"
    u1=$(user_bytes "$client"); k1=$(kernel_bytes)
    wait "$client" || true
    python3 - "$work/$engine.json" "$engine" "$u0" "$u1" "$k0" "$k1" "$base" "$n" <<'PYTHON'
import json, sys
r = json.load(open(sys.argv[1]))
engine, u0, u1, k0, k1, base, n = sys.argv[2], *map(int, sys.argv[3:])
extra = n - base
for s in r["steps"]:
    print(f'{engine:<6} {s["connectionsRequested"]:>9} {s["connectionsEstablished"]:>9} {s["errors"]:>7}')
print(f'{engine:<6} {"":>9} {"":>9} {"":>7} {(u1 - u0) / extra:>14.0f} {(k1 - k0) / extra:>16.0f}')
PYTHON
done
echo "* kernel bytes per connection count both ends (client and server sockets on this host); about half is the client's"
