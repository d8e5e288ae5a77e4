#!/usr/bin/env bash
# A sharded ringload run on Docker Swarm: one replicated job per shard (each told its shard explicitly: a
# replicated job's {{.Task.Slot}} is not a clean 1..N), host networking, every report written to a bind mount,
# then merged with `ringload merge`. Run it on a manager node.
#
#   deploy/swarm/run.sh --image IMAGE --shards N [options] -- RINGLOAD-ARGS...
#   deploy/swarm/run.sh --image ringload:0.1 --shards 3 -- run -c 300 -p 10 -d 30s http://10.0.0.5:8080/
#
# Options:
#   --image IMAGE   the ringload image, present on (or pullable by) every node (required)
#   --shards N      shards, one service each (required)
#   --out DIR       the reports' directory, an absolute path that is the same shared directory on every node a
#                   shard may land on (default ./ringload-<name>; on one node any directory works)
#   --lead SECONDS  from now to the start of measurement, for scheduling and connecting (default 20)
#   --name NAME     prefix of the services' names (default ringload-<unix time>)
#   --constraint C  a placement constraint for every shard (e.g. node.labels.loadgen==true), repeatable
#   --keep          leave the finished services (and their logs) in place
# Swarm has no per-service seccomp option: shards run under the daemon's default profile. Where that refuses
# io_uring (Docker's own default does from 25.0; some distributions' builds do not), ringload runs its NIO engine
# and each shard's report says so; for io_uring there, give the daemons docker/seccomp-io_uring.json as their
# default ("seccomp-profile" in daemon.json). Needs docker, and for the merge the ringload launcher ($RINGLOAD,
# default this checkout's ./ringload).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/../lib.sh"
image="" shards="" out="" lead=20 name="ringload-$(date +%s)" keep=false constraints=()
die() { echo "swarm/run.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
        --image) image=$2; shift 2 ;;
        --shards) shards=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --lead) lead=$2; shift 2 ;;
        --name) name=$2; shift 2 ;;
        --constraint) constraints+=(--constraint "$2"); shift 2 ;;
        --keep) keep=true; shift ;;
        --) shift; break ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
        *) die "unknown option '$1' (ringload's own arguments go after --)" ;;
    esac
done
[ -n "$image" ] || die "--image is required"
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || die "--shards must be a whole number of at least 1, got '$shards'"
[[ "$lead" =~ ^[0-9]+$ ]] || die "--lead must be whole seconds, got '$lead'"
[[ "$name" =~ ^[a-zA-Z0-9][-a-zA-Z0-9_.]*$ ]] || die "--name must be a service name, got '$name'"
[ $# -gt 0 ] || die "no ringload arguments after --"
[ "$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ] \
    || die "this Docker is not a swarm manager (docker swarm init, or run this on a manager)"

out=$(mkdir -p "${out:-./$name}" && cd "${out:-./$name}" && pwd)
chmod 0777 "$out" # the image runs as an unprivileged user (uid 10001)
rm -f "$out"/shard-*.json "$out"/shard-*.exit
start_at=$(( $(date +%s) + lead ))
services=()
for i in $(seq 0 $((shards - 1))); do
    service="$name-$i"
    docker service create --detach --quiet --name "$service" --mode replicated-job --restart-condition none \
        --network host "${constraints[@]}" --mount "type=bind,source=$out,target=/out" \
        --env "SHARDS=$shards" --env "SHARD_INDEX=$i" --env "START_AT=$start_at" --env RINGLOAD_OUT=/out \
        --entrypoint ringload-shard "$image" "$@" >/dev/null
    services+=("$service")
done
echo "swarm/run.sh: $shards shards start measuring at $(date -d "@$start_at" -u +%FT%TZ) (in ${lead}s)"

# Every shard's task Complete or Failed, bounded by the lead, the run and a margin.
run_seconds=$(run_seconds "$@")
deadline=$(( $(date +%s) + lead + run_seconds + 120 ))
pending=("${services[@]}")
while [ ${#pending[@]} -gt 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 1
    still=()
    for s in "${pending[@]}"; do
        state=$(docker service ps "$s" --format '{{.CurrentState}}' 2>/dev/null | head -1)
        case $state in Complete*|Failed*|Rejected*|Shutdown*) ;; *) still+=("$s") ;; esac
    done
    pending=("${still[@]+"${still[@]}"}")
done
collected=0
for i in $(seq 0 $((shards - 1))); do
    if [ -s "$out/shard-$i.json" ]; then
        echo "swarm/run.sh: shard $i: ringload exit $(cat "$out/shard-$i.exit")"
        collected=$((collected + 1))
    else
        echo "swarm/run.sh: no report from shard $i: $(docker service ps "$name-$i" --no-trunc \
            --format '{{.CurrentState}} {{.Error}}' 2>/dev/null | head -1)" >&2
    fi
done
$keep || docker service rm "${services[@]}" >/dev/null
[ "$collected" -eq "$shards" ] || { echo "swarm/run.sh: $collected of $shards shards reported" >&2; exit 1; }
ringload=${RINGLOAD:-$here/../../ringload}
"$ringload" merge "$out"/shard-*.json --json >"$out/merged.json"
"$ringload" merge "$out"/shard-*.json
