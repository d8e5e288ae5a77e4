#!/usr/bin/env bash
# Builds local stand-ins for the two base images docker/Dockerfile names, for hosts that reach no image registry
# (this project's machines and CI reach Debian's package mirrors but no registry). Each is built only when no
# image of that name exists yet, so a host that can pull the real ones keeps them.
#   debian:12.12-slim                    debootstrap --variant=minbase bookworm, imported as an image
#   eclipse-temurin:25.0.3_9-jdk-noble   that base + the JDK 25 scripts/jdk.sh finds (at /opt/java/openjdk, as in
#                                        the real image) + binutils (jlink --strip-debug runs objcopy),
#                                        ca-certificates, curl and unzip (the Maven wrapper fetches Maven), and
#                                        the host's CA bundle, so that the build stage reaches Maven Central the way
#                                        the host does (where the host trusts a TLS-inspecting proxy, so must it)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
runtime_base=debian:12.12-slim
build_base=eclipse-temurin:25.0.3_9-jdk-noble
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if docker image inspect "$runtime_base" >/dev/null 2>&1; then
    echo "stand-in-images: $runtime_base exists"
else
    echo "stand-in-images: building $runtime_base with debootstrap (minbase bookworm from $mirror)"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || {
        tail -20 "$work/debootstrap.log" >&2
        exit 1
    }
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" -c . | docker import --change 'CMD ["bash"]' - "$runtime_base" >/dev/null
    rm -rf "$work/rootfs"
fi

if docker image inspect "$build_base" >/dev/null 2>&1; then
    echo "stand-in-images: $build_base exists"
else
    RINGLOAD_NEED_JAVAC=1 . scripts/jdk.sh
    echo "stand-in-images: building $build_base from $runtime_base and $JAVA_HOME"
    mkdir -p "$work/context"
    cp -rL "$JAVA_HOME/." "$work/context/jdk" # -L: a distribution JDK links cacerts to /etc/ssl/certs/java
    cp /etc/ssl/certs/ca-certificates.crt "$work/context/host-ca-certificates.crt"
    cat >"$work/context/Dockerfile" <<DOCKERFILE
FROM $runtime_base
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \\
        binutils ca-certificates curl unzip && rm -rf /var/lib/apt/lists/*
COPY jdk /opt/java/openjdk
COPY host-ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
DOCKERFILE
    docker build --network host -t "$build_base" "$work/context" >"$work/build.log" 2>&1 \
        || { tail -40 "$work/build.log" >&2; exit 1; }
fi
