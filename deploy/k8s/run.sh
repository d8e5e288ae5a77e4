#!/usr/bin/env bash
# A sharded ringload run on Kubernetes: renders deploy/k8s/ringload-job.yaml, applies it, waits for every shard,
# collects each pod's JSON report from its log and merges them with `ringload merge`.
#
#   deploy/k8s/run.sh --image IMAGE --shards N [options] -- RINGLOAD-ARGS...
#   deploy/k8s/run.sh --image ringload:0.1 --shards 4 --cpus 8 -- run -c 2000 -p 10 -d 60s http://target:8080/
#
# Options:
#   --image IMAGE        the ringload image, reachable by every node (required)
#   --shards N           pods, one per node (required)
#   --cpus N             whole CPUs per pod, requests = limits (default 2): Guaranteed QoS, pinned by a static
#                        CPU manager
#   --memory SIZE        memory per pod, requests = limits (default 1Gi)
#   --host-network       the pods use their node's network (no overlay or NAT between ringload and the target)
#   --seccomp PROFILE    a Localhost profile under the kubelet's seccomp directory (default
#                        profiles/ringload-io_uring.json), or runtime-default
#   --lead SECONDS       from now to the start of measurement, for scheduling, image pulls, connecting and
#                        warming up (default 60)
#   --name NAME          the Job's name (default ringload-<unix time>)
#   --namespace NS       (default: kubectl's current)
#   --out DIR            where the shards' reports and the merged one go (default ./ringload-<name>)
#   --keep               leave the Job (and its pods' logs) in the cluster
#   --render             print the rendered Job and exit (nothing is applied)
# Needs kubectl (and, for the merge, the ringload launcher: $RINGLOAD, default this checkout's ./ringload).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
. "$here/../lib.sh"
image="" shards="" cpus=2 memory=1Gi host_network=false seccomp=profiles/ringload-io_uring.json lead=60
name="ringload-$(date +%s)" namespace="" out="" keep=false render=false
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
die() { echo "k8s/run.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
        --image) image=$2; shift 2 ;;
        --shards) shards=$2; shift 2 ;;
        --cpus) cpus=$2; shift 2 ;;
        --memory) memory=$2; shift 2 ;;
        --host-network) host_network=true; shift ;;
        --seccomp) seccomp=$2; shift 2 ;;
        --lead) lead=$2; shift 2 ;;
        --name) name=$2; shift 2 ;;
        --namespace) namespace=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        --render) render=true; shift ;;
        --) shift; break ;;
        -h|--help) usage ;;
        *) die "unknown option '$1' (ringload's own arguments go after --)" ;;
    esac
done
[ -n "$image" ] || die "--image is required"
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || die "--shards must be a whole number of at least 1, got '$shards'"
[[ "$cpus" =~ ^[1-9][0-9]*$ ]] || die "--cpus must be a whole number of CPUs (the static CPU manager pins only those), got '$cpus'"
[[ "$lead" =~ ^[0-9]+$ ]] || die "--lead must be whole seconds, got '$lead'"
[[ "$name" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || die "--name must be a DNS label, got '$name'"
[ $# -gt 0 ] || die "no ringload arguments after --"

run_seconds=$(run_seconds "$@")
json_string() { local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"; }
args="["
for a in "$@"; do args+="$(json_string "$a"), "; done
args="${args%, }]"
if [ "$seccomp" = runtime-default ]; then
    seccomp_field="{type: RuntimeDefault}"
else
    seccomp_field="{type: Localhost, localhostProfile: $(json_string "$seccomp")}"
fi
start_at=$(( $(date +%s) + lead ))

manifest=$(<"$here/ringload-job.yaml")
fill() { manifest=${manifest//"\${$1}"/$2}; }
fill NAME "$name"
fill SHARDS "$shards"
fill START_AT "$start_at"
fill IMAGE "$image"
fill CPUS "$cpus"
fill MEMORY "$memory"
fill HOST_NETWORK "$host_network"
fill SECCOMP "$seccomp_field"
fill ARGS "$args"
fill DEADLINE_SECONDS "$(( lead + run_seconds + 300 ))"
if $render; then
    printf '%s\n' "$manifest"
    exit 0
fi

command -v kubectl >/dev/null || die "kubectl not found"
kc=(kubectl ${namespace:+--namespace "$namespace"})
out=${out:-./$name}
mkdir -p "$out"
printf '%s\n' "$manifest" >"$out/job.yaml"
"${kc[@]}" apply -f "$out/job.yaml"
echo "k8s/run.sh: $shards shards start measuring at $(date -d "@$start_at" -u +%FT%TZ) (in ${lead}s)"
# Complete or Failed, whichever comes first; the deadline above bounds both.
"${kc[@]}" wait "job/$name" --for=jsonpath='{.status.conditions[?(@.status=="True")].type}' \
    --timeout="$(( lead + run_seconds + 360 ))s" >/dev/null || true
collected=0
for pod in $("${kc[@]}" get pods -l "job-name=$name" -o jsonpath='{.items[*].metadata.name}'); do
    if index=$("${kc[@]}" logs "$pod" | "$here/extract-shard.sh" "$out"); then
        echo "k8s/run.sh: shard $index from $pod: ringload exit $(cat "$out/shard-$index.exit")"
        collected=$((collected + 1))
    else
        echo "k8s/run.sh: no report from $pod ($("${kc[@]}" get pod "$pod" -o jsonpath='{.status.phase}'))" >&2
    fi
done
$keep || "${kc[@]}" delete job "$name" --wait=false >/dev/null
[ "$collected" -eq "$shards" ] || { echo "k8s/run.sh: $collected of $shards shards reported" >&2; exit 1; }
ringload=${RINGLOAD:-$here/../../ringload}
"$ringload" merge "$out"/shard-*.json --json >"$out/merged.json"
"$ringload" merge "$out"/shard-*.json --html "$out/merged.html"
