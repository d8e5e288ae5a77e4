#!/usr/bin/env bash
# Runs the suites that cover both engines again with io_uring disabled for the whole host
# (kernel.io_uring_disabled=2, as RHEL 9 ships it), restoring the setting afterwards: their io_uring halves
# skip and their NIO halves must still run and pass, as they do for users whose hosts block io_uring.
# Needs root (the sysctl); without it, says so and does nothing. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
sysctl_file=/proc/sys/kernel/io_uring_disabled
if [ ! -w "$sysctl_file" ]; then
    echo "test-without-io_uring: cannot write $sysctl_file (needs root): skipped"
    exit 0
fi
RINGLOAD_NEED_JAVAC=1 . scripts/jdk.sh
previous=$(cat "$sysctl_file")
trap 'echo "$previous" > "$sysctl_file"' EXIT
echo 2 > "$sysctl_file"
./mvnw -B -pl engine,cli -am test \
    -Dtest='UringLoadTest,UringServerTest,RampTest,ClientVerdictTest,HotPathAllocationTest,LoadWorkerTest,TransportWrappingTest,ServerFaultsTest,RunCommandTest,CeilingCommandTest' \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
