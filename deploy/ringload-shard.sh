#!/bin/sh
# One shard of a sharded run, as an orchestrator starts it (in the image: /usr/local/bin/ringload-shard).
#   ringload-shard RINGLOAD-ARGS...      e.g. ringload-shard run -c 1000 -p 10 -d 60s http://target:8080/
# Environment:
#   SHARDS        how many shards the run has (required)
#   SHARD_INDEX   this shard's index, 0..SHARDS-1; when unset, JOB_COMPLETION_INDEX (a Kubernetes Indexed Job's)
#   START_AT      when every shard starts measuring (ISO-8601 or Unix seconds), the same on every shard (required)
#   RINGLOAD_OUT  a directory: the shard's JSON report goes to RINGLOAD_OUT/shard-INDEX.json (a bind mount, Swarm);
#                 unset: it goes to stdout between marker lines (collected from the pod's log, Kubernetes)
# The run's own exit code is reported, not returned: a shard whose thresholds failed must not make the
# orchestrator retry it, or stop the other shards mid-run. It exits non-zero only when it could not run at all.
set -u
index=${SHARD_INDEX:-${JOB_COMPLETION_INDEX:-}}
if [ -z "${SHARDS:-}" ] || [ -z "$index" ] || [ -z "${START_AT:-}" ]; then
    echo "ringload-shard: SHARDS, START_AT and SHARD_INDEX (or JOB_COMPLETION_INDEX) must be set" >&2
    exit 2
fi
work=${TMPDIR:-/tmp}/ringload-shard.$$
mkdir -p "$work" || exit 2
ringload "$@" --shard "$index/$SHARDS" --start-at "$START_AT" --json --quiet >"$work/report.json" 2>"$work/stderr"
code=$?
cat "$work/stderr" >&2
if [ -n "${RINGLOAD_OUT:-}" ]; then
    cp "$work/report.json" "$RINGLOAD_OUT/shard-$index.json" || { rm -rf "$work"; exit 2; }
    echo "$code" >"$RINGLOAD_OUT/shard-$index.exit"
else
    echo "RINGLOAD-SHARD-BEGIN index=$index exit=$code"
    cat "$work/report.json"
    echo
    echo "RINGLOAD-SHARD-END"
fi
rm -rf "$work"
echo "ringload-shard: shard $index/$SHARDS finished, ringload exit code $code" >&2
exit 0
