#!/usr/bin/env bash
# Builds the minimal Java runtime the container image ships, and proves it is complete: the runtime must run
# `ringload demo` from the packaged jar.
#   docker/jlink.sh OUTPUT_DIR [--check]
# Needs a JDK 25 (found like ./ringload does) and cli/target/ringload.jar (built if missing).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out=${1:?usage: docker/jlink.sh OUTPUT_DIR [--check]}
check=${2:-}
cd "$here"
RINGLOAD_NEED_JAVAC=1 . scripts/jdk.sh

# The modules ringload uses: java.base (FFM), java.management (per-thread CPU clocks), jdk.unsupported
# (sun.misc.Signal for Ctrl-C reports). jdeps must agree, so a new dependency cannot slip past this list.
MODULES=java.base,java.management,jdk.unsupported

jar=cli/target/ringload.jar
if [ ! -f "$jar" ]; then
    ./mvnw -B -q -DskipTests -pl cli -am package
fi
needed=$("$JAVA_HOME/bin/jdeps" --multi-release 25 --print-module-deps --ignore-missing-deps "$jar")
for module in ${needed//,/ }; do
    case ",$MODULES," in
        *",$module,"*) ;;
        *) echo "jlink.sh: the jar needs module $module, which MODULES does not list" >&2; exit 1 ;;
    esac
done

rm -rf "$out"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress zip-6 --output "$out"
echo "jlink.sh: runtime with $MODULES in $out ($(du -sh "$out" | cut -f1))"

if [ "$check" = "--check" ]; then
    "$out/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" demo -d 1s -c 8 > "$out.demo.log" 2>&1 || {
        cat "$out.demo.log" >&2
        echo "jlink.sh: the runtime could not run ringload demo" >&2
        exit 1
    }
    grep -q "Errors: none" "$out.demo.log" || { cat "$out.demo.log" >&2; echo "jlink.sh: demo reported errors" >&2; exit 1; }
    echo "jlink.sh: the runtime runs ringload demo ($(grep -o 'Engine: .*' "$out.demo.log"))"
fi
