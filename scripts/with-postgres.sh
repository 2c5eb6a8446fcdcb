#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on a loopback port; it is removed afterwards.
#
#   scripts/with-postgres.sh pytest            # TEST_DATABASE_URL (and PG_URL) point at the cluster
#   PG_DURABLE=1 scripts/with-postgres.sh ...  # keep fsync and synchronous_commit on (benchmarks)
#   PG_DATA_DIR=/var/tmp/pg scripts/with-postgres.sh ...  # keep the cluster in that directory (reused)
#   PG_PORT=54329 ...                          # a fixed port instead of a free one
#
# Installs PostgreSQL from Debian's packages when no server binaries are found. PostgreSQL refuses to
# run as root, so as root the cluster belongs to the `postgres` user that the package creates.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 command [args...]" >&2
    exit 2
fi

find_bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL server binaries not found; install the 'postgresql' package" >&2
        exit 1
    fi
    echo "Installing PostgreSQL from Debian packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BINDIR="$(find_bindir)"
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

PORT="${PG_PORT:-}"
[ -n "$PORT" ] || PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
KEEP_DATA=""
if [ -n "${PG_DATA_DIR:-}" ]; then
    ROOT="$PG_DATA_DIR"
    KEEP_DATA=1
    mkdir -p "$ROOT"
else
    ROOT="$(mktemp -d "${TMPDIR:-/tmp}/frontdesk-pg.XXXXXX")"
fi
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$ROOT"
fi
DATA="$ROOT/data"
LOG="$ROOT/server.log"

cleanup() {
    as_owner "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    if [ -z "$KEEP_DATA" ]; then
        rm -rf "$ROOT"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$BINDIR/initdb" -D "$DATA" -U frontdesk --auth=trust -E UTF8 --no-locale >"$ROOT/initdb.log" 2>&1 \
        || { cat "$ROOT/initdb.log" >&2; exit 1; }
fi

OPTS="-c listen_addresses=127.0.0.1 -p $PORT -k $ROOT -c max_connections=200 -c shared_buffers=${PG_SHARED_BUFFERS:-256MB}"
if [ -z "${PG_DURABLE:-}" ]; then
    # a throwaway cluster needs no crash safety; this makes per-test databases cheap
    OPTS="$OPTS -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
as_owner "$BINDIR/pg_ctl" -D "$DATA" -l "$LOG" -o "$OPTS" -w -t 60 start >/dev/null \
    || { cat "$LOG" >&2; exit 1; }

"$BINDIR/psql" -q -h 127.0.0.1 -p "$PORT" -U frontdesk -d postgres -v ON_ERROR_STOP=1 \
    -c "SELECT 1 FROM pg_database WHERE datname = 'frontdesk'" -t -A | grep -q 1 \
    || "$BINDIR/psql" -q -h 127.0.0.1 -p "$PORT" -U frontdesk -d postgres -c "CREATE DATABASE frontdesk"

export PG_URL="postgresql://frontdesk@127.0.0.1:$PORT/frontdesk"
export TEST_DATABASE_URL="$PG_URL"
echo "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($ROOT)" >&2

status=0
"$@" || status=$?
exit "$status"
