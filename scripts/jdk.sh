# Sourced by ./ringload, ./test and the bench scripts: finds a JDK 25 or newer and exports JAVA_HOME, so nobody has
# to set it by hand on hosts whose default java is older. Looks at $JAVA_HOME, then /usr/lib/jvm/*, then the java
# on PATH. Needs javac only when $RINGLOAD_NEED_JAVAC is set (building, not running).

ringload_jdk_major() {
    local home=$1 version=""
    [ -x "$home/bin/java" ] || return 1
    if [ -f "$home/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
    fi
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}   # 1.8 -> 8
    echo "${version%%[.+-]*}"
}

ringload_find_jdk() {
    local candidate major path_java=""
    if command -v java >/dev/null 2>&1; then
        path_java=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    fi
    for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV) "$path_java"; do
        [ -n "$candidate" ] || continue
        major=$(ringload_jdk_major "$candidate") || continue
        [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null || continue
        if [ -n "${RINGLOAD_NEED_JAVAC:-}" ] && [ ! -x "$candidate/bin/javac" ]; then
            continue
        fi
        echo "$candidate"
        return 0
    done
    return 1
}

if ! RINGLOAD_JAVA_HOME=$(ringload_find_jdk); then
    echo "ringload: no JDK 25 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/*, and java on PATH)." >&2
    echo "ringload: install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
    exit 1
fi
export JAVA_HOME=$RINGLOAD_JAVA_HOME
