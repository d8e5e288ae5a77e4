#!/usr/bin/env bash
# Fuzzes every Jazzer fuzz test for a bounded time: scripts/fuzz.sh [seconds-per-target] (default 5: a minute and a half
# in all). Plain test runs only replay the corpus under src/test/resources/**/*Inputs; this mutates it, guided by
# coverage. A finding fails the script and Jazzer saves the input beside the corpus as crash-*; turn it into a plain
# regression test. New interesting inputs go to .cifuzz-corpus/ (ignored by git), so later runs start from them.
# Extra Maven arguments (e.g. -o) come from $MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
seconds=${1:-5}
RINGLOAD_NEED_JAVAC=1 . scripts/jdk.sh

targets=(
    engine:dev.ringload.engine.http.ResponseParserFuzzTest#framingDoesNotDependOnWhereTheInputIsCut
    engine:dev.ringload.engine.http.RequestParserFuzzTest#framingDoesNotDependOnWhereTheInputIsCut
    engine:dev.ringload.engine.mix.RawRequestsFuzzTest#acceptsOnlyOneWellFramedRequest
    engine:dev.ringload.engine.mix.TargetsFileFuzzTest#readsTargetsOrSaysWhereTheFileIsWrong
    engine:dev.ringload.engine.load.TargetFuzzTest#parsesAnHttpUrlOrSaysWhy
    cli:dev.ringload.cli.ConverterFuzzTest#durationIsValidOrRefused
    cli:dev.ringload.cli.ConverterFuzzTest#cpuListIsValidOrRefused
)

# One Maven run compiles the tests and writes each module's test classpath; each target then gets a plain JVM.
./mvnw -B -q ${MAVEN_ARGS:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/fuzz-classpath.txt -pl engine,cli -am

# The launcher is compiled once rather than by the source launcher in every JVM.
"$JAVA_HOME/bin/javac" -d target/fuzz-launcher -cp "$(cat engine/target/fuzz-classpath.txt)" scripts/FuzzOne.java

failed=()
for target in "${targets[@]}"; do
    module=${target%%:*}
    test=${target#*:}
    classpath="$PWD/$module/target/test-classes:$PWD/$module/target/classes:$(cat "$module/target/fuzz-classpath.txt")"
    classpath="$classpath:$PWD/target/fuzz-launcher"
    echo "fuzz: $test for ${seconds}s"
    # The fuzzer's corpus and crash files are found relative to the module, as under Maven. Hooks (which turn
    # comparisons into hints for the fuzzer) go into ringload's classes only: into every JDK class they cost more
    # start-up time than a short run fuzzes.
    if ! (cd "$module" && JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" JAZZER_CUSTOM_HOOK_INCLUDES='dev.ringload.**' \
            "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:+EnableDynamicAgentLoading \
            -cp "$classpath" FuzzOne "$test" > target/fuzz.log 2>&1); then
        tail -n 40 "$module/target/fuzz.log"
        failed+=("$test")
    else
        grep -E "^#[0-9]+.*DONE|Done [0-9]+ runs" "$module/target/fuzz.log" | tail -n 1 || true
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds}s each, no findings (${SECONDS}s in all)"
