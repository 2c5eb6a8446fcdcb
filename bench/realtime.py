"""Realtime delivery: N websocket subscribers on one Frontdesk process, latency from REST write to receipt.

    .venv/bin/python bench/realtime.py --subscribers 1000 5000 --rooms 100 --messages 400
    .venv/bin/python bench/realtime.py --baseline-src /tmp/base ...   # also the code at /tmp/base/src: ratios
    .venv/bin/python bench/realtime.py --pin 0:1 --database-url postgresql://... --workers 1 2

Starts `frontdesk serve` (one process, uvloop) on a free loopback port with a fresh SQLite file and opens
`--rooms` visitor rooms. Connects `--subscribers` DDP clients; each subscribes to one room's
`stream-room-messages` with that room's visitor token (round-robin), so a message reaches
subscribers/rooms sockets. Then `--writers` concurrent writers post `--messages` visitor messages with
POST livechat/message. Each delivery's latency runs from just before its POST to the frame's arrival
(same clock, same process). Prints p50 / p99 / max latency, messages/s written, frames/s delivered, and
the server's CPU time per message (all its processes, from /proc: user + system, the delivery included).
The clients share the server's cores unless `--pin SERVER_CPUS:CLIENT_CPUS` gives each its own.

`--baseline-src DIR` runs every case first against the code in DIR/src (e.g. `git archive main src | tar -x
-C DIR`) and prints this tree's figures as ratios to it. `--workers` takes several counts; more than one
process needs PostgreSQL (`--database-url`; its public schema is emptied before each server) and Redis
(`--redis-url`, else a redis-server is started on a free port).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import orjson
from websockets.asyncio.client import ClientConnection, connect

ADMIN_USERNAME = "bench-admin"
ADMIN_PASS = "bench-admin-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    database_url: str, port: int, workers: int, redis_url: str | None, src: str | None, cpus: set[int] | None
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ADMIN_USERNAME": ADMIN_USERNAME,
        "ADMIN_PASS": ADMIN_PASS,
        "ADMIN_EMAIL": "bench@example.com",
        "TEST_MODE": "true",  # no rate limits
        "BCRYPT_ROUNDS": "4",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "ROOT_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "warning",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    if src:  # the baseline's package comes first on the path
        env["PYTHONPATH"] = str(Path(src) / "src")
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus else None
    command = [sys.executable, "-m", "frontdesk.cli", "serve", "--workers", str(workers)]
    return subprocess.Popen(command, env=env, preexec_fn=pin)


def cpu_seconds(root: int) -> float:
    """User + system CPU time of a process and all its descendants (the server's workers)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / tick
    tree, total = {root}, 0.0
    for pid in sorted(parents):  # children have larger pids than their parents here
        if pid == root or parents[pid] in tree:
            tree.add(pid)
            total += times.get(pid, 0.0)
    return total


def reset_database(database_url: str, tmp: Path, label: str) -> str:
    """A fresh database for one server: a new SQLite file, or PostgreSQL's public schema emptied."""
    if not database_url:
        return f"sqlite:///{tmp / label}.db"
    plain = database_url.replace("postgresql+asyncpg://", "postgresql://")
    sql = "DROP SCHEMA public CASCADE; CREATE SCHEMA public"
    subprocess.run(["psql", plain, "-q", "-c", sql], check=True, capture_output=True)
    return database_url


def start_redis(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL), f"redis://127.0.0.1:{port}/0"


async def wait_ready(base: str) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(1200):  # two minutes: a shared machine may be slow to start it
            try:
                if (await client.get("/api/v1/livechat/config")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("server did not start")


async def open_rooms(client: httpx.AsyncClient, count: int) -> list[tuple[str, str]]:
    res = await client.post("/api/v1/login", json={"user": ADMIN_USERNAME, "password": ADMIN_PASS})
    data = res.json()["data"]
    admin = {"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]}
    await client.post(
        "/api/v1/settings/Livechat_accept_chats_with_no_agents", json={"value": True}, headers=admin
    )
    rooms = []
    for i in range(count):
        token = f"bench-visitor-{i}-{time.time_ns()}"
        await client.post(
            "/api/v1/livechat/visitor", json={"visitor": {"token": token, "name": f"Bench {i}"}}
        )
        room = (await client.get("/api/v1/livechat/room", params={"token": token})).json()["room"]
        rooms.append((room["_id"], token))
    return rooms


class Subscriber:
    def __init__(self, ws: ClientConnection, sent: dict[int, float], latencies: list[float]) -> None:
        self.ws, self.sent, self.latencies = ws, sent, latencies

    async def read(self) -> None:
        async for raw in self.ws:
            now = time.perf_counter()
            frame = orjson.loads(raw)
            if frame.get("msg") == "changed":
                text = frame["fields"]["args"][0].get("msg", "")
                if text.startswith("bench "):
                    self.latencies.append(now - self.sent[int(text[6:])])
            elif frame.get("msg") == "ping":
                await self.ws.send('{"msg":"pong"}')


COMPRESSION: dict[str, str | None] = {"deflate": "deflate"}  # --compression none: plain frames


async def subscribe(ws_url: str, rid: str, token: str) -> ClientConnection:
    compression = COMPRESSION["deflate"]
    ws = await connect(ws_url, max_size=None, ping_interval=None, open_timeout=60, compression=compression)
    await ws.send(orjson.dumps({"msg": "connect", "version": "1", "support": ["1"]}).decode())
    args = {"useCollection": False, "args": [{"token": token, "visitorToken": token}]}
    await ws.send(
        orjson.dumps({"msg": "sub", "id": "s1", "name": "stream-room-messages", "params": [rid, args]})
    )
    while True:
        frame = orjson.loads(await ws.recv())
        if frame.get("msg") == "ready":
            return ws
        if frame.get("msg") == "nosub":
            raise RuntimeError(f"subscription refused: {frame}")


async def run_case(
    base: str, rooms: list[tuple[str, str]], subscribers: int, messages: int, writers: int, server_pid: int
) -> dict[str, Any]:
    ws_url = base.replace("http://", "ws://") + "/websocket"
    sent: dict[int, float] = {}
    latencies: list[float] = []
    sockets: list[ClientConnection] = []
    pairs = list(itertools.islice(itertools.cycle(rooms), subscribers))
    for start in range(0, subscribers, 200):  # connect in batches, as real clients do not all arrive at once
        sockets += await asyncio.gather(
            *(subscribe(ws_url, rid, tok) for rid, tok in pairs[start : start + 200])
        )
    readers = [asyncio.create_task(Subscriber(ws, sent, latencies).read()) for ws in sockets]
    per_room = {rid: sum(1 for r, _ in pairs if r == rid) for rid, _ in rooms}
    expected = sum(per_room[rooms[i % len(rooms)][0]] for i in range(messages))
    seq = itertools.count()

    async def writer(client: httpx.AsyncClient) -> None:
        while (n := next(seq)) < messages:
            rid, token = rooms[n % len(rooms)]
            sent[n] = time.perf_counter()
            res = await client.post(
                "/api/v1/livechat/message", json={"token": token, "rid": rid, "msg": f"bench {n}"}
            )
            res.raise_for_status()

    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        cpu_before = cpu_seconds(server_pid)
        started = time.perf_counter()
        await asyncio.gather(*(writer(client) for _ in range(writers)))
        written = time.perf_counter() - started
        deadline = time.perf_counter() + 60
        while len(latencies) < expected and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        delivered = time.perf_counter() - started
        cpu = cpu_seconds(server_pid) - cpu_before
    for task in readers:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    ordered = sorted(latencies)
    return {
        "subscribers": subscribers,
        "messages": messages,
        "deliveries": f"{len(latencies)}/{expected}",
        "p50_ms": 1000 * statistics.median(ordered),
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "max_ms": 1000 * ordered[-1],
        "messages_per_s": messages / written,
        "frames_per_s": len(latencies) / delivered,
        "cpu_ms_per_message": 1000 * cpu / messages,
    }


HEADS = ("server", "workers", "subscribers", "rooms", "msgs", "delivered", "p50 ms", "p99 ms", "max ms",
         "msgs/s", "frames/s", "cpu ms/msg")  # fmt: skip
WIDTHS = (8, 7, 11, 5, 5, 13, 8, 8, 8, 8, 9, 10)


def row(cells: tuple[Any, ...]) -> str:
    cells_widths = zip(cells, WIDTHS, strict=True)
    return " ".join(f"{c:>{w}.1f}" if isinstance(c, float) else f"{c!s:>{w}}" for c, w in cells_widths)


async def run_server(args: argparse.Namespace, label: str, src: str | None, workers: int, tmp: Path,
                     redis_url: str | None, cpus: set[int] | None) -> dict[int, dict[str, Any]]:  # fmt: skip
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    database_url = reset_database(args.database_url, tmp, f"{label}-{workers}")
    server = start_server(database_url, port, workers, redis_url, src, cpus)
    results: dict[int, dict[str, Any]] = {}
    try:
        await wait_ready(base)
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            rooms = await open_rooms(client, args.rooms)
        for n in args.subscribers:
            r = results[n] = await run_case(base, rooms, n, args.messages, args.writers, server.pid)
            cells = (label, workers, n, args.rooms, r["messages"], r["deliveries"], r["p50_ms"], r["p99_ms"],
                     r["max_ms"], float(round(r["messages_per_s"])), float(round(r["frames_per_s"])),
                     r["cpu_ms_per_message"])  # fmt: skip
            print(row(cells), flush=True)
    finally:
        server.terminate()
        server.wait(30)
    return results


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscribers", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rooms", type=int, default=100)
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="server processes per run")
    parser.add_argument("--database-url", default="", help="PostgreSQL (default: a fresh SQLite file)")
    parser.add_argument("--redis-url", help="for several workers (default: a redis-server started here)")
    parser.add_argument("--baseline-src", help="a checkout whose src/ is measured first, as the baseline")
    parser.add_argument("--pin", help="SERVER_CPUS:CLIENT_CPUS, e.g. 0:1 or 0,1:1 (CPU affinity)")
    parser.add_argument(
        "--compression", choices=["deflate", "none"], default="deflate", help="the subscribers' (as browsers)"
    )
    args = parser.parse_args()
    COMPRESSION["deflate"] = None if args.compression == "none" else "deflate"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4 * max(args.subscribers) + 1024)), hard))
    server_cpus: set[int] | None = None
    if args.pin:
        server_part, client_part = args.pin.split(":")
        server_cpus = {int(c) for c in server_part.split(",")}
        os.sched_setaffinity(0, {int(c) for c in client_part.split(",")})
    servers = [("baseline", args.baseline_src)] if args.baseline_src else []
    servers.append(("this", None))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        redis = None
        redis_url = args.redis_url
        if max(args.workers) > 1 and not redis_url:
            redis, redis_url = start_redis(tmp)
        try:
            print(row(HEADS))
            results = {}
            for workers in args.workers:
                for label, src in servers:
                    results[label, workers] = await run_server(
                        args, label, src, workers, tmp, redis_url if workers > 1 else None, server_cpus
                    )
        finally:
            if redis is not None:
                redis.terminate()
    print_ratios(args, results)


def print_ratios(args: argparse.Namespace, results: dict[tuple[str, int], dict[int, dict[str, Any]]]) -> None:
    """This tree against the baseline (same workers), and each worker count against the first one."""
    pairs = []
    if args.baseline_src:
        pairs += [(("this", w), ("baseline", w)) for w in args.workers]
    pairs += [(("this", w), ("this", args.workers[0])) for w in args.workers[1:]]
    for (label, workers), (base_label, base_workers) in pairs:
        for n in args.subscribers:
            a, b = results[label, workers][n], results[base_label, base_workers][n]
            print(f"{label} w{workers} / {base_label} w{base_workers}, {n} subscribers: "
                  f"p50 x{a['p50_ms'] / b['p50_ms']:.2f}, p99 x{a['p99_ms'] / b['p99_ms']:.2f}, "
                  f"msgs/s x{a['messages_per_s'] / b['messages_per_s']:.2f}, "
                  f"cpu/msg x{a['cpu_ms_per_message'] / b['cpu_ms_per_message']:.2f}")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
