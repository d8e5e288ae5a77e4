#!/usr/bin/env bash
# deploy/swarm/run.sh under a real Docker daemon: a one-node swarm (initialised here when the daemon is not in one,
# and left again at the end), three shards of a run against URL, their reports merged. Checks every shard
# reported with ringload's exit code 0, and the merge: three shards, the sum of their responses, no errors.
# Run by docker/container-test.sh with the image it built:
#   deploy/swarm/swarm-test.sh IMAGE URL
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
image=$1
url=$2
work=$(mktemp -d)
joined=false
say() { echo "swarm-test: $*"; }
fail() {
    echo "swarm-test: FAIL: $*" >&2
    exit 1
}
cleanup() {
    $joined && docker swarm leave --force >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" != active ]; then
    docker swarm init --advertise-addr 127.0.0.1 >/dev/null || fail "docker swarm init"
    joined=true
fi
say "swarm: $(docker info --format '{{.Swarm.Nodes}} node(s), manager {{.Swarm.ControlAvailable}}')"

deploy/swarm/run.sh --image "$image" --shards 3 --lead 8 --name "ringload-ci-$$" --out "$work/out" \
    -- run -c 6 -d 2s --warmup 0 "$url" >"$work/run.log" 2>&1 || { cat "$work/run.log" >&2; fail "swarm/run.sh"; }
for i in 0 1 2; do
    [ "$(cat "$work/out/shard-$i.exit")" = 0 ] || fail "shard $i: ringload exit $(cat "$work/out/shard-$i.exit")"
done
read -r shards merged sum errors engines < <(python3 - "$work/out" <<'PYTHON'
import json, sys
d = sys.argv[1]
shards = [json.load(open(f"{d}/shard-{i}.json")) for i in range(3)]
merged = json.load(open(f"{d}/merged.json"))
print(merged["shards"]["count"], merged["requests"]["total"], sum(s["requests"]["total"] for s in shards),
      merged["errors"]["total"], ",".join(sorted({s["engine"] for s in shards})))
PYTHON
)
[ "$shards" = 3 ] || fail "merged $shards shards, not 3"
[ "$merged" -gt 0 ] && [ "$merged" = "$sum" ] || fail "merged total $merged, shards' sum $sum"
[ "$errors" = 0 ] || fail "$errors errors"
say "3 shards as replicated jobs (engine $engines): $sum responses, merged exactly, 0 errors"
