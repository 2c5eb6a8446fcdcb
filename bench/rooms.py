"""GET livechat/rooms under load: a fixed mix of listing queries against `frontdesk serve`, and the same
number of requests to a static page of equal size (the HTTP stack's limit) in the same run.

    .venv/bin/python bench/rooms.py --rooms 100000                       # SQLite file in $TMPDIR
    scripts/with-postgres.sh .venv/bin/python bench/rooms.py --rooms 100000 --database-url '$PG_URL'
    .venv/bin/python bench/rooms.py --reuse ...                          # skip loading, reuse the database

For each query: service time (one request at a time: p50 / p99) and throughput (C concurrent keep-alive
connections for a fixed time). Every server runs on 127.0.0.1 only; every loop is bounded in time and
count. See docs/benchmarks.md for results, and docs/performance-notes.md for why both numbers are quoted.

The throughput phase's client is a small Python one by default; `--client wrk` uses the wrk load
generator instead (apt-get install wrk), which costs far less CPU, so on a small machine the server's
workers, not the client, are what saturates (needed to see two workers scale).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvloop

ADMIN_USERNAME = "bench-admin"
ADMIN_PASS = "bench-admin-password"
STATIC_BODY_ENV = "FRONTDESK_BENCH_STATIC_BODY"
MAX_REQUESTS = 200_000  # per phase, whatever the time allows
SLOW = 0.1  # seconds: a query slower than this one at a time gets 2 connections, not --concurrency
JSON_HEADERS = [
    (b"content-type", b"application/json"),
    (b"cache-control", b"no-store"),
    (b"pragma", b"no-cache"),
]


# ---- the static baseline: a raw ASGI app returning one pre-serialised page -------------------------


def make_static_app() -> Any:
    body = Path(os.environ[STATIC_BODY_ENV]).read_bytes()
    headers = [*JSON_HEADERS, (b"content-length", str(len(body)).encode())]

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app


# ---- servers -------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(
    database_url: str, port: int, page_cache_mb: int | None, access_log: bool = False
) -> dict[str, str]:
    cache = {} if page_cache_mb is None else {"PAGE_CACHE_MB": str(page_cache_mb)}
    return {
        **os.environ,
        **cache,
        "DATABASE_URL": database_url,
        "ADMIN_USERNAME": ADMIN_USERNAME,
        "ADMIN_PASS": ADMIN_PASS,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        # access lines are INFO records: on with --access-log (written to a file), else off
        "LOG_LEVEL": "info" if access_log else "warning",
    }


def wait_for(port: int, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def start_frontdesk(
    database_url: str, workers: int, page_cache_mb: int | None, access_log: bool = False
) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    command = [sys.executable, "-m", "frontdesk.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    # a real write per request, not the terminal; the file goes when the process and this one end
    log = tempfile.TemporaryFile() if access_log else None  # noqa: SIM115
    proc = subprocess.Popen(
        [*command, "--workers", str(workers)],
        env=server_env(database_url, port, page_cache_mb, access_log),
        stdout=log,
        stderr=log,
    )
    wait_for(port, proc)
    return proc, port


def start_static(body_file: Path, workers: int) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    code = (
        "import uvicorn; uvicorn.run('rooms:make_static_app', factory=True, host='127.0.0.1', "
        f"port={port}, workers={workers}, loop='uvloop', http='httptools', access_log=False, "
        f"log_level='warning', app_dir={str(Path(__file__).parent)!r})"
    )
    env = {**os.environ, STATIC_BODY_ENV: str(body_file)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    wait_for(port, proc)
    return proc, port


# ---- data ----------------------------------------------------------------------------------------------


def count_rooms(database_url: str) -> int:
    code = (
        "import asyncio, sys\n"
        "from sqlalchemy import text\n"
        "from frontdesk.config import Settings\n"
        "from frontdesk.db.engine import Database\n"
        "async def main():\n"
        "    db = Database(Settings(DATABASE_URL=sys.argv[1]))\n"
        "    try:\n"
        "        async with db.engine.connect() as c:\n"
        "            print((await c.execute(text('SELECT COUNT(*) FROM rooms'))).scalar_one())\n"
        "    except Exception:\n"
        "        print(0)\n"
        "    finally:\n"
        "        await db.dispose()\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code, database_url], capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


def analyze(database_url: str) -> None:
    """PostgreSQL's autovacuum analyses a freshly loaded table within a minute or so; do it now."""
    if database_url.startswith("sqlite"):
        return
    subprocess.run(["psql", database_url, "-q", "-c", "VACUUM ANALYZE"], check=True)


def load(database_url: str, rooms: int, seed: int) -> float:
    if database_url.startswith("sqlite:///"):
        path = database_url.split("///", 1)[1]
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    elif count_rooms(database_url):
        raise SystemExit("the PostgreSQL database already holds rooms: pass --reuse, or use a fresh one")
    started = time.perf_counter()
    command = [sys.executable, "-m", "frontdesk.cli", "demo", "--rooms", str(rooms), "--seed", str(seed)]
    subprocess.run(command, env=server_env(database_url, 0, None), check=True)
    return time.perf_counter() - started


# ---- a small HTTP/1.1 keep-alive client (httpx would cost more CPU than the server) --------------------


class Connection:
    def __init__(self, port: int, headers: dict[str, str]) -> None:
        self.port = port
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{self.extra}\r\n"
        self.writer.write(request.encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        return status, body

    async def post(self, path: str, payload: dict[str, Any]) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        body = json.dumps(payload).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{self.extra}Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        self.writer.write(head.encode() + body)
        head_bytes = await self.reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head_bytes.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return int(head_bytes.split(b" ", 2)[1]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def keep_writing(port: int, headers: dict[str, str], per_second: float, stop: asyncio.Event) -> int:
    """A commit every 1/per_second s (the admin's status message), as a live contact centre makes them:
    each one ends every cached page. Commits are due on a fixed schedule (one late commit does not
    delay the next ones); prints the rate reached. Returns how many were made."""
    conn = Connection(port, headers)
    made = 0
    started = time.perf_counter()
    try:
        while not stop.is_set():
            status, _ = await conn.post(
                "/api/v1/users.setStatus", {"message": f"bench {made}", "status": "online"}
            )
            assert status == 200, status
            made += 1
            wait = started + made / per_second - time.perf_counter()
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=wait)
    finally:
        conn.close()
    rate = made / (time.perf_counter() - started)
    print(f"  {made} commits beside the load ({rate:.1f}/s)", file=sys.stderr, flush=True)
    return made


@contextlib.asynccontextmanager
async def commits_beside(port: int, headers: dict[str, str], per_second: float) -> AsyncIterator[None]:
    """Runs keep_writing (if per_second) for as long as the block runs: beside either client's load."""
    if not per_second:
        yield
        return
    stop = asyncio.Event()
    writing = asyncio.ensure_future(keep_writing(port, headers, per_second, stop))
    try:
        yield
    finally:
        stop.set()
        await writing


async def login(port: int) -> dict[str, str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    body = json.dumps({"user": ADMIN_USERNAME, "password": ADMIN_PASS}).encode()
    writer.write(
        b"POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        + body
    )
    raw = await reader.read()
    writer.close()
    data = json.loads(raw.split(b"\r\n\r\n", 1)[1])["data"]
    return {"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]}


async def sequential(port: int, headers: dict[str, str], path: str, seconds: float) -> list[float]:
    """Service time: one request at a time over one connection."""
    conn = Connection(port, headers)
    times: list[float] = []
    try:
        warm_until = time.perf_counter() + 1.0
        for _ in range(5):
            await conn.get(path)
            if time.perf_counter() > warm_until:
                break
        end = time.perf_counter() + seconds
        while time.perf_counter() < end and len(times) < MAX_REQUESTS:
            t = time.perf_counter()
            status, _ = await conn.get(path)
            times.append(time.perf_counter() - t)
            assert status == 200, status
    finally:
        conn.close()
    return times


async def concurrent(
    port: int,
    headers: dict[str, str],
    path: str,
    workers: int,
    seconds: float,
    limit: int,
    writes_per_second: float = 0,
) -> tuple[int, int, float]:
    """Throughput: `workers` connections in a closed loop until the time or the request count runs out,
    with a commit every 1/writes_per_second s beside them if asked.

    Returns (successful requests, failed requests, seconds)."""
    done = failed = 0
    end = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done, failed
        conn = Connection(port, headers)
        try:
            while time.perf_counter() < end and done + failed < limit:
                status, _ = await conn.get(path)
                if status == 200:
                    done += 1
                else:
                    failed += 1
        finally:
            conn.close()

    async with commits_beside(port, headers, writes_per_second):
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(workers)))
        elapsed = time.perf_counter() - started
    return done, failed, elapsed


# ---- the same throughput phase with wrk (a C client: the Python one costs as much CPU as the server) ---

WRK_TOTAL = re.compile(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h),", re.MULTILINE)
WRK_NON_2XX = re.compile(r"^\s*Non-2xx or 3xx responses: (\d+)", re.MULTILINE)
WRK_SOCKET_ERRORS = re.compile(r"^\s*Socket errors: (.*)$", re.MULTILINE)
WRK_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def parse_wrk(output: str) -> tuple[int, int, float]:
    """(successful, failed, seconds) from wrk's summary: 'N requests in Xs' and 'Non-2xx or 3xx: N'."""
    total = WRK_TOTAL.search(output)
    if total is None:
        raise SystemExit(f"could not read wrk's output:\n{output}")
    non_2xx = WRK_NON_2XX.search(output)
    failed = int(non_2xx.group(1)) if non_2xx else 0
    seconds = float(total.group(2)) * WRK_UNITS[total.group(3)]
    return int(total.group(1)) - failed, failed, seconds


async def concurrent_wrk(
    port: int,
    headers: dict[str, str],
    path: str,
    connections: int,
    seconds: float,
    threads: int,
    writes_per_second: float = 0,
) -> tuple[int, int, float]:
    """concurrent() with wrk as the client; the commits (if asked) still come from keep_writing, beside it.

    wrk takes whole seconds (at least 1) and no request-count limit. Returns what concurrent() does."""
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
    command += ["--timeout", "60s"]  # the default 2 s would count a slow query's requests as errors
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    async with commits_beside(port, headers, writes_per_second):
        proc = await asyncio.create_subprocess_exec(
            *command, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        out, _ = await proc.communicate()
    output = out.decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"wrk exited with {proc.returncode}:\n{output}")
    errors = WRK_SOCKET_ERRORS.search(output)
    if errors:
        print(f"  wrk socket errors on {path}: {errors.group(1)}", file=sys.stderr, flush=True)
    return parse_wrk(output)


# ---- the mix -------------------------------------------------------------------------------------------


def _q(params: list[tuple[str, str]]) -> str:
    return "/api/v1/livechat/rooms" + ("?" + urlencode(params) if params else "")


async def build_mix(port: int, headers: dict[str, str], rooms: int) -> dict[str, str]:
    conn = Connection(port, headers)
    try:
        _, body = await conn.get(_q([("count", "100")]))
        page = json.loads(body)["rooms"]
        _, body = await conn.get(_q([("open", "false"), ("count", "100")]))
        closed = json.loads(body)["rooms"]
    finally:
        conn.close()
    sample = page + closed
    dept = next(r["departmentId"] for r in sample if r.get("departmentId"))
    agent = next(r["servedBy"]["_id"] for r in sample if r.get("servedBy"))
    tag = next(t for r in closed if r.get("tags") for t in r["tags"])
    newest = max(r["ts"] for r in page)
    week_ago = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(_epoch(newest) - 7 * 86400))
    month_ago = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(_epoch(newest) - 30 * 86400))
    closed_since = json.dumps({"start": week_ago})
    surname = next(r["fname"] for r in sample if " " in r.get("fname", "")).split()[-1].lower()
    return {
        "default page": _q([]),
        "open=true": _q([("open", "true")]),
        "open=false": _q([("open", "false")]),
        "queued": _q([("queued", "true")]),
        "department": _q([("departmentId", dept)]),
        "agent": _q([("agents[]", agent)]),
        "tags": _q([("tags[]", tag)]),
        "createdAt 7 days": _q([("createdAt", json.dumps({"start": week_ago}))]),
        "closedAt 7 days": _q([("closedAt", closed_since)]),
        "roomName regex": _q([("roomName", surname)]),
        "customFields": _q([("customFields", json.dumps({"plan": "enter"}))]),
        "dept+closed+30d": _q(
            [("departmentId", dept), ("open", "false"), ("createdAt", json.dumps({"start": month_ago}))]
        ),
        "deep offset": _q([("offset", str(min(10_000, rooms // 2)))]),
    }


def _epoch(iso: str) -> float:
    return time.mktime(time.strptime(iso[:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone


def _ms(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def run(args: argparse.Namespace, database_url: str) -> None:
    server, port = start_frontdesk(database_url, args.workers, args.page_cache_mb, args.access_log)
    static: subprocess.Popen[bytes] | None = None
    try:
        headers = await login(port)
        mix = await build_mix(port, headers, args.rooms)
        conn = Connection(port, headers)
        _, default_body = await conn.get(mix["default page"])
        conn.close()
        body_file = Path(tempfile.mkstemp(suffix=".json")[1])
        body_file.write_bytes(default_body)
        static, static_port = start_static(body_file, args.workers)
        only = set(args.only.split(",")) if args.only else None
        rows = []
        default_count = 0
        for name, path in mix.items():
            if only and name not in only:
                continue
            times = await sequential(port, headers, path, args.latency_seconds)
            conn = Connection(port, headers)
            _, body = await conn.get(path)
            conn.close()
            total = json.loads(body)["total"]
            # a query that takes seconds would only pile up behind the connection pool at full concurrency
            clients = args.concurrency if statistics.median(times) < SLOW else 2
            # wrk leaves its last requests running in the server when its time is up, and a query of
            # seconds would then still hold the CPU while the next query is measured; the Python client
            # waits for them (and its CPU cost does not matter at a few requests a second)
            if args.client == "wrk" and clients == args.concurrency:
                n, failed, elapsed = await concurrent_wrk(
                    port, headers, path, clients, args.seconds, args.wrk_threads, args.writes_per_second
                )
            else:
                n, failed, elapsed = await concurrent(
                    port, headers, path, clients, args.seconds, MAX_REQUESTS, args.writes_per_second
                )
            if name == "default page":
                default_count = n
            note = f" ({clients} conn.)" if clients != args.concurrency else ""
            note += f" ({failed} failed)" if failed else ""
            p50, p99 = statistics.median(times) * 1000, _ms(times, 0.99)
            rows.append((name, p50, p99, f"{n / elapsed:,.0f}{note}", n / elapsed, total))
            print(f"  {name}: done", file=sys.stderr, flush=True)
        s_times = await sequential(static_port, {}, "/", args.latency_seconds)
        if args.client == "wrk":  # no count limit in wrk: the same time as each query instead
            s_n, _, s_elapsed = await concurrent_wrk(
                static_port, {}, "/", args.concurrency, args.seconds, args.wrk_threads
            )
        else:
            count = default_count or MAX_REQUESTS
            s_n, _, s_elapsed = await concurrent(
                static_port, {}, "/", args.concurrency, args.seconds * 3, count
            )
        static_rps = s_n / s_elapsed
        engine = "SQLite" if database_url.startswith("sqlite") else "PostgreSQL"
        client = f"wrk -t{args.wrk_threads}" if args.client == "wrk" else "the Python client"
        print(
            f"\n{engine}, {args.rooms:,} rooms, {args.workers} worker(s); service time over one connection, "
            f"throughput over {args.concurrency} connections ({client}); "
            f"page of {len(default_body):,} bytes; "
            f"page cache {'server default' if args.page_cache_mb is None else f'{args.page_cache_mb} MB'}; "
            f"{args.writes_per_second:g} commits/s beside the throughput phase; "
            f"access log {'on' if args.access_log else 'off'}\n"
        )
        print("| query | total | p50 ms | p99 ms | req/s | ratio to static |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, p50, p99, rps_text, rps, total in rows:
            print(f"| {name} | {total:,} | {p50:.2f} | {p99:.2f} | {rps_text} | {rps / static_rps:.3f} |")
        print(
            f"| static page (same size) | — | {statistics.median(s_times) * 1000:.2f} | "
            f"{_ms(s_times, 0.99):.2f} | {static_rps:,.0f} | 1.000 |"
        )
        body_file.unlink(missing_ok=True)
    finally:
        stop(server)
        if static is not None:
            stop(static)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="default: a SQLite file under $TMPDIR/frontdesk-bench")
    parser.add_argument("--reuse", action="store_true", help="use the rooms already in the database")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=4.0, help="throughput phase, per query")
    parser.add_argument("--latency-seconds", type=float, default=3.0, help="service-time phase, per query")
    parser.add_argument("--only", help="comma-separated query names")
    parser.add_argument(
        "--writes-per-second", type=float, default=0, help="commits made beside the throughput phase"
    )
    parser.add_argument(
        "--page-cache-mb", type=int, help="the server's PAGE_CACHE_MB; 0 measures every request's query"
    )
    parser.add_argument(
        "--client",
        choices=["python", "wrk"],
        default="python",
        help="throughput-phase client; wrk (apt-get install wrk) leaves the CPU to the server",
    )
    parser.add_argument("--wrk-threads", type=int, default=1, help="wrk's -t: one leaves CPU to the server")
    parser.add_argument(
        "--access-log", action="store_true", help="the server writes its access line per request (to a file)"
    )
    args = parser.parse_args()
    if args.client == "wrk" and shutil.which("wrk") is None:
        raise SystemExit("--client wrk needs the wrk load generator on PATH: apt-get install wrk")
    database_url = args.database_url
    if not database_url:
        path = Path(tempfile.gettempdir()) / "frontdesk-bench" / f"rooms-{args.rooms}.db"
        path.parent.mkdir(parents=True, exist_ok=True)
        database_url = f"sqlite:///{path}"
    if args.reuse and count_rooms(database_url):
        args.rooms = count_rooms(database_url)
    else:
        seconds = load(database_url, args.rooms, args.seed)
        print(f"loaded {args.rooms:,} rooms in {seconds:.0f} s", file=sys.stderr)
    analyze(database_url)
    uvloop.run(run(args, database_url))


if __name__ == "__main__":
    main()
