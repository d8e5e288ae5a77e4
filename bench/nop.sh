#!/usr/bin/env bash
# NOP cost per operation through the ring driver (JMH), pinned to one CPU. Prints JMH's table.
#   bench/nop.sh [cpu] [extra JMH args]      e.g. bench/nop.sh 0 -prof gc
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
RINGLOAD_NEED_JAVAC=1 . scripts/jdk.sh
cpu=${1:-0}
shift || true
./mvnw -B -q -pl bench -am package -DskipTests
exec taskset -c "$cpu" "$JAVA_HOME/bin/java" -jar bench/target/benchmarks.jar NopBenchmark "$@"
