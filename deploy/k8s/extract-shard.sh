#!/usr/bin/env bash
# Reads one shard pod's log on stdin (deploy/ringload-shard.sh's output) and writes the shard's JSON report to
# OUT_DIR/shard-INDEX.json and its ringload exit code to OUT_DIR/shard-INDEX.exit. Fails when the log has no
# complete report (the pod was killed, or ringload could not start).
#   deploy/k8s/extract-shard.sh OUT_DIR < pod.log
set -euo pipefail
out=$1
log=$(cat)
header=$(grep -m1 '^RINGLOAD-SHARD-BEGIN ' <<<"$log") || { echo "extract-shard: no report in the log" >&2; exit 1; }
index=$(sed -n 's/.* index=\([0-9]*\).*/\1/p' <<<"$header")
code=$(sed -n 's/.* exit=\([0-9]*\).*/\1/p' <<<"$header")
grep -q '^RINGLOAD-SHARD-END$' <<<"$log" || { echo "extract-shard: shard $index's report is cut short" >&2; exit 1; }
sed -n '/^RINGLOAD-SHARD-BEGIN /,/^RINGLOAD-SHARD-END$/p' <<<"$log" | sed '1d;$d' >"$out/shard-$index.json"
echo "$code" >"$out/shard-$index.exit"
echo "$index"
