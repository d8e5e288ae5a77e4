#!/usr/bin/env bash
# Regenerates bindings/src/main/java/dev/ringload/bindings/uring from native/ringload.h with jextract.
#
#   native/regen-bindings.sh            # needs jextract $PINNED_VERSION on PATH (or JEXTRACT=/path/to/jextract)
#
# The committed files were written by hand in jextract's output shape because no jextract build can be installed
# on the machines this project is developed on (see README.md). When jextract is available, run this script,
# then re-apply the one deliberate difference (errno capture on every function: see README.md), keep the
# hand-written ringload_h_Addendum.java and ringload_h_Syscalls.java, update bindings-manifest.txt, and run
# `mvn -B verify`: LayoutCheckTest compares every layout and constant with gcc.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PINNED_VERSION=22
jextract=${JEXTRACT:-jextract}

if ! command -v "$jextract" >/dev/null 2>&1; then
    echo "regen-bindings: jextract not found (looked for '$jextract'; set JEXTRACT=/path/to/jextract)." >&2
    echo "regen-bindings: install jextract $PINNED_VERSION from https://jdk.java.net/jextract/ and run again." >&2
    exit 1
fi
version=$("$jextract" --version 2>&1 | head -n 1)
case "$version" in
    *"$PINNED_VERSION"*) ;;
    *) echo "regen-bindings: jextract reports '$version'; this script is pinned to $PINNED_VERSION." >&2; exit 1 ;;
esac
if [ ! -f /usr/include/linux/io_uring.h ]; then
    echo "regen-bindings: /usr/include/linux/io_uring.h missing: install linux-libc-dev." >&2
    exit 1
fi

cd "$here"
"$jextract" @jextract.args
echo "regen-bindings: generated with $version from $(dpkg-query -W -f='linux-libc-dev ${Version}' linux-libc-dev 2>/dev/null || echo 'the system headers')."
echo "regen-bindings: now re-apply errno capture, update native/bindings-manifest.txt and run mvn -B verify."
