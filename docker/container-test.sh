#!/usr/bin/env bash
# The image under a real Docker daemon: builds docker/Dockerfile and checks what docker/README.md promises.
# Run by .ci/run after the unit tests; needs root. Installs docker.io and debootstrap with apt when missing,
# starts dockerd only when none answers (--iptables=false --bridge=none: the checks use the host network, and
# this keeps netfilter rules, and their conntrack cost on every loopback packet, off the machine), stops only
# the daemon it started, and builds local stand-ins for base images it cannot pull (docker/stand-in-images.sh).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
image=ringload:container-test
profile=$PWD/docker/seccomp-io_uring.json
work=$(mktemp -d)
dockerd_pid=""
serve_pid=""
say() { echo "container-test: $*"; }
fail() {
    echo "container-test: FAIL: $*" >&2
    exit 1
}
cleanup() {
    docker rm -f ringload-stop-test >/dev/null 2>&1 || true
    [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
    if [ -n "$dockerd_pid" ]; then
        kill "$dockerd_pid" 2>/dev/null || true
        wait "$dockerd_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || { say "needs root (dockerd, debootstrap): skipped"; exit 0; }
missing=()
for p in docker.io debootstrap; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
    say "starting dockerd --iptables=false --bridge=none"
    dockerd --iptables=false --bridge=none >"$work/dockerd.log" 2>&1 &
    dockerd_pid=$!
    for _ in $(seq 1 60); do
        docker info >/dev/null 2>&1 && break
        sleep 1
    done
    docker info >/dev/null 2>&1 || { tail -20 "$work/dockerd.log" >&2; fail "dockerd did not start"; }
fi
say "Docker $(docker version --format '{{.Server.Version}}')"

for base in $(awk '/^FROM/ {print $2}' docker/Dockerfile); do
    docker image inspect "$base" >/dev/null 2>&1 || timeout 120 docker pull -q "$base" >/dev/null 2>&1 || true
done
docker/stand-in-images.sh
say "building docker/Dockerfile"
docker build --network host --build-arg GIT_COMMIT="$(git rev-parse HEAD 2>/dev/null || true)" -f docker/Dockerfile -t "$image" . >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; fail "docker build failed"; }

# The shipped profile without the three io_uring calls: what Docker 25.0+ does by default.
python3 - "$profile" "$work/no-io_uring.json" <<'PYTHON'
import json, sys
profile = json.load(open(sys.argv[1]))
io_uring = {"io_uring_setup", "io_uring_enter", "io_uring_register"}
profile["syscalls"] = [s for s in profile["syscalls"] if not io_uring & set(s["names"])]
json.dump(profile, open(sys.argv[2], "w"))
PYTHON

run() {
    docker run --rm --network host "$@"
}

uid=$(docker run --rm --entrypoint id "$image" -u)
[ "$uid" != 0 ] || fail "the image runs as root"
say "user id in the image: $uid"

out=$(run --security-opt seccomp="$profile" "$image" --version)
grep -q "io_uring: io_uring usable" <<<"$out" || fail "--version under the shipped profile: $out"
say "--version under the shipped profile: $(tail -1 <<<"$out")"

out=$(run --security-opt seccomp="$profile" "$image" demo -d 1s 2>&1)
grep -q "^Engine: io_uring" <<<"$out" || fail "demo under the shipped profile did not use io_uring: $out"
say "demo under the shipped profile: Engine: io_uring, $(grep -o '[0-9,]* requests in' <<<"$out")"

out=$(run --security-opt seccomp="$work/no-io_uring.json" "$image" demo -d 1s 2>&1)
grep -q "io_uring blocked (EPERM: a seccomp filter refuses it" <<<"$out" || fail "no seccomp reason: $out"
grep -q "^Engine: nio" <<<"$out" || fail "demo without io_uring did not fall back to NIO: $out"
say "demo without the io_uring calls: $(grep 'using the NIO engine' <<<"$out")"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
./ringload serve --port "$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done
url="http://127.0.0.1:$port/"

set +e
run --security-opt seccomp="$work/no-io_uring.json" "$image" run --engine uring -d 1s "$url" >"$work/forced.out" 2>&1
code=$?
set -e
[ "$code" -eq 4 ] || fail "run --engine uring without the io_uring calls exited $code, not 4: $(cat "$work/forced.out")"
say "run --engine uring without the io_uring calls: exit 4 ($(head -1 "$work/forced.out"))"

out=$(run --security-opt seccomp="$profile" "$image" run -c 20 -d 2s --json "$url")
read -r engine total errors < <(python3 -c 'import json, sys
r = json.loads(sys.stdin.read())
print(r["engine"], r["requests"]["total"], r["errors"]["total"])' <<<"$out")
[ "$engine" = io_uring ] && [ "$total" -gt 0 ] && [ "$errors" -eq 0 ] \
    || fail "run against serve on the host: engine $engine, $total responses, $errors errors"
say "run -c 20 -d 2s against serve on the host: $total responses, 0 errors, engine $engine"

docker run -d --name ringload-stop-test --network host --security-opt seccomp="$profile" "$image" \
    run -c 10 -d 60s "$url" >/dev/null
sleep 4
docker stop ringload-stop-test >/dev/null
code=$(docker wait ringload-stop-test)
logs=$(docker logs ringload-stop-test 2>&1)
[ "$code" -eq 130 ] || fail "docker stop during a run: exit $code, not 130: $logs"
grep -q "\[PARTIAL: interrupted\]" <<<"$logs" || fail "docker stop during a run: no partial report: $logs"
say "docker stop during a run: exit 130, $(grep 'PARTIAL' <<<"$logs")"

default=$(run "$image" --version | tail -1)
say "this daemon's default seccomp profile: $default"
size=$(docker image inspect --format '{{.Size}}' "$image")
say "image size: $((size / 1024 / 1024)) MB"

# The image as Docker Swarm runs it: sharded, as replicated jobs, merged (deploy/swarm).
deploy/swarm/swarm-test.sh "$image" "$url"
say "all checks passed"
