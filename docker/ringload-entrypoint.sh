#!/bin/sh
# Entry point of the ringload image: the jlinked runtime with native access enabled (FFM, io_uring).
#   RINGLOAD_JAVA_OPTS  extra JVM options
# shellcheck disable=SC2086 # RINGLOAD_JAVA_OPTS is a list of options
exec /opt/ringload/jre/bin/java --enable-native-access=ALL-UNNAMED ${RINGLOAD_JAVA_OPTS:-} \
    -jar /opt/ringload/ringload.jar "$@"
