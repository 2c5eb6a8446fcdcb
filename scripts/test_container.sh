#!/usr/bin/env bash
# Build the Containerfile with podman and run the image: `make test-container` (not part of `make test`).
#
# It needs the base images docker.io/library/node:20-bookworm-slim and python:3.11-slim-bookworm. Where no
# container registry is reachable (this project's machines reach only PyPI, npm and Debian), STANDINS=1
# builds look-alikes first: a Debian bookworm rootfs (debootstrap) with Debian's Python 3.11 in a venv at
# /usr/local, and one with this machine's Node.js and npm at /usr/local, trusting this machine's CA bundle.
# They check the Containerfile's own steps (stages, npm inside the build, the wheel, the non-root runtime),
# not the official images. Needs root, podman and runc (Debian packages; installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_IMAGE=docker.io/library/node:20-bookworm-slim
PYTHON_IMAGE=docker.io/library/python:3.11-slim-bookworm
# Limits this sandbox lets a container set; crun cannot run under its hybrid cgroups, runc can.
RUN_OPTS=(--runtime runc --ulimit nofile=1024:1024 --ulimit nproc=1024:1024)

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need podman podman
need runc runc

have() { podman image exists "$1" || podman pull -q "$1" >/dev/null 2>&1; }

standins() {
    need debootstrap debootstrap
    local root; root="$(mktemp -d /var/tmp/frontdesk-standin.XXXXXX)"
    echo "test-container: building stand-in base images (debootstrap bookworm) in $root"
    debootstrap --variant=minbase bookworm "$root/base" http://deb.debian.org/debian >"$root/debootstrap.log" 2>&1
    cp /etc/ssl/certs/ca-certificates.crt "$root/base/etc/ssl/certs/ca-certificates.crt"
    cp -a "$root/base" "$root/python"
    cp /etc/resolv.conf "$root/python/etc/resolv.conf"
    chroot "$root/python" sh -c 'apt-get install -y -qq python3 python3-venv >/dev/null && python3 -m venv /usr/local && apt-get clean'
    rm -f "$root/python/etc/resolv.conf"
    mv "$root/base" "$root/node"
    mkdir -p "$root/node/usr/local/bin" "$root/node/usr/local/lib/node_modules"
    cp "$(readlink -f "$(command -v node)")" "$root/node/usr/local/bin/node"
    cp -a "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$root/node/usr/local/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/node/usr/local/bin/npm"
    local env=(--change 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin'
               --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt'
               --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt')
    tar -C "$root/python" -c . | podman import "${env[@]}" - "$PYTHON_IMAGE" >/dev/null
    tar -C "$root/node" -c . | podman import "${env[@]}" - "$NODE_IMAGE" >/dev/null
    rm -rf "$root"
}

if ! have "$NODE_IMAGE" || ! have "$PYTHON_IMAGE"; then
    if [ "${STANDINS:-}" != 1 ]; then
        echo "test-container: the base images cannot be pulled here; STANDINS=1 builds look-alikes" >&2
        exit 1
    fi
    standins
fi

echo "test-container: podman build"
podman build "${RUN_OPTS[@]}" --network host --pull=never --format docker -f Containerfile -t localhost/frontdesk:test . \
    >/tmp/frontdesk-container-build.log 2>&1 || { tail -40 /tmp/frontdesk-container-build.log; exit 1; }

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
NAME="frontdesk-test-$$"
trap 'podman rm -f "$NAME" >/dev/null 2>&1 || true' EXIT
# (podman complains that it has no systemd to time the health check; `healthcheck run` below runs it)
podman run "${RUN_OPTS[@]}" -d --name "$NAME" --network host -e PORT="$PORT" localhost/frontdesk:test >/dev/null 2>&1
for _ in $(seq 60); do curl -sf "localhost:$PORT/livez" >/dev/null && break; sleep 1; done
check() { curl -sf "localhost:$PORT$1" | grep -q "$2" || { echo "test-container: GET $1 lacks $2" >&2; podman logs "$NAME" | tail -20; exit 1; }; }
check /readyz '"status":"ok"'
check "/livechat?mode=popout" "SERVER_URL = 'http://localhost:$PORT'"
check /api/docs swagger-ui-bundle.js
[ "$(podman exec "$NAME" id -u)" = 10001 ] || { echo "test-container: not running as uid 10001" >&2; exit 1; }
podman healthcheck run "$NAME" 2>/dev/null
echo "test-container: passed (image built, served as uid 10001, /readyz, widget, docs, health check)"
