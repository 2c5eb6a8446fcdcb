"""What typing and a read storm cost: two ratios against baselines measured in the same run.

    .venv/bin/python bench/typing_storm.py --rooms 10000                  # SQLite file in $TMPDIR
    scripts/with-postgres.sh sh -c '.venv/bin/python bench/typing_storm.py --database-url "$PG_URL"'

1. **typing ratio**: the cached default page's throughput (wrk, 16 connections) with 200 typing calls a
   second (DDP `stream-notify-room`, over 4 websockets) and 10 commits a second (`users.setStatus`)
   beside it, divided by its quiet throughput. Target: >= 0.8.
2. **write under storm**: the median latency of a commit (`users.setStatus`, one at a time, 5 a second)
   while wrk saturates the server with the cached default page, divided by the same commit's median
   latency on the idle server. Target: <= 3.

Needs wrk (apt-get install wrk). Servers listen on 127.0.0.1 only; every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import uvloop
import websockets

sys.path.insert(0, str(Path(__file__).parent))
from rooms import (
    ADMIN_PASS,
    ADMIN_USERNAME,
    Connection,
    concurrent_wrk,
    count_rooms,
    load,
    login,
    start_frontdesk,
    stop,
)

PAGE = "/api/v1/livechat/rooms"
TYPING_SOCKETS = 4


async def typing_calls(port: int, rid: str, per_second: float, stop_event: asyncio.Event) -> int:
    """An agent typing in a room, `per_second` notifications a second on a fixed schedule."""
    async with websockets.connect(f"ws://127.0.0.1:{port}/websocket", max_queue=None) as ws:
        await ws.send(json.dumps({"msg": "connect", "version": "1", "support": ["1"]}))
        digest = hashlib.sha256(ADMIN_PASS.encode()).hexdigest()
        login_params = {
            "user": {"username": ADMIN_USERNAME},
            "password": {"digest": digest, "algorithm": "sha-256"},
        }
        await ws.send(
            json.dumps({"msg": "method", "method": "login", "id": "login", "params": [login_params]})
        )
        answered = 0

        async def read() -> None:
            nonlocal answered
            async for raw in ws:
                frame = json.loads(raw)
                if frame.get("msg") == "result" and frame.get("id", "").startswith("t"):
                    if "error" in frame:
                        raise SystemExit(f"typing call failed: {frame['error']}")
                    answered += 1

        reader = asyncio.ensure_future(read())
        sent = 0
        started = time.perf_counter()
        while not stop_event.is_set():
            params = [f"{rid}/user-activity", ADMIN_USERNAME, ["user-typing"] if sent % 2 == 0 else [], {}]
            await ws.send(
                json.dumps(
                    {"msg": "method", "method": "stream-notify-room", "id": f"t{sent}", "params": params}
                )
            )
            sent += 1
            wait = started + sent / per_second - time.perf_counter()
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop_event.wait(), timeout=wait)
        await asyncio.sleep(0.5)
        reader.cancel()
        rate = answered / (time.perf_counter() - started)
        print(
            f"  {answered} typing calls answered beside the load ({rate:.1f}/s)", file=sys.stderr, flush=True
        )
        return answered


@contextlib.asynccontextmanager
async def typing_beside(port: int, rid: str, per_second: float) -> AsyncIterator[None]:
    """TYPING_SOCKETS agents' websockets share the rate: one socket's calls are answered one at a time."""
    stop_event = asyncio.Event()
    tasks = [
        asyncio.ensure_future(typing_calls(port, rid, per_second / TYPING_SOCKETS, stop_event))
        for _ in range(TYPING_SOCKETS)
    ]
    try:
        yield
    finally:
        stop_event.set()
        answered = sum(await asyncio.gather(*tasks))
        print(f"  typing calls answered in all: {answered}", file=sys.stderr, flush=True)


async def write_latencies(
    port: int, headers: dict[str, str], seconds: float, per_second: float
) -> list[float]:
    conn = Connection(port, headers)
    times: list[float] = []
    end = time.perf_counter() + seconds
    try:
        while time.perf_counter() < end:
            t = time.perf_counter()
            status, _ = await conn.post(
                "/api/v1/users.setStatus", {"message": f"storm {len(times)}", "status": "online"}
            )
            assert status == 200, status
            times.append(time.perf_counter() - t)
            await asyncio.sleep(max(0.0, 1 / per_second - (time.perf_counter() - t)))
    finally:
        conn.close()
    return times


async def run(args: argparse.Namespace, database_url: str) -> None:
    server, port = start_frontdesk(database_url, 1, None)
    try:
        headers = await login(port)
        conn = Connection(port, headers)
        _, body = await conn.get(PAGE + "?count=1")
        conn.close()
        rid = json.loads(body)["rooms"][0]["_id"]
        c, s, t = args.concurrency, args.seconds, args.wrk_threads
        quiet, _, quiet_s = await concurrent_wrk(port, headers, PAGE, c, s, t)
        async with typing_beside(port, rid, args.typing_per_second):
            busy, _, busy_s = await concurrent_wrk(port, headers, PAGE, c, s, t, args.writes_per_second)
        quiet_rate, busy_rate = quiet / quiet_s, busy / busy_s

        idle = await write_latencies(port, headers, args.write_seconds, 5)
        storm_task = asyncio.ensure_future(concurrent_wrk(port, headers, PAGE, c, args.write_seconds + 2, t))
        await asyncio.sleep(1)
        stormy = await write_latencies(port, headers, args.write_seconds, 5)
        await storm_task
        idle_ms, stormy_ms = statistics.median(idle) * 1000, statistics.median(stormy) * 1000
        p90_ms = sorted(stormy)[int(len(stormy) * 0.9)] * 1000
        print(
            f"\ncached default page, {c} connections: quiet {quiet_rate:,.0f} req/s; with "
            f"{args.typing_per_second:g} typing calls/s and {args.writes_per_second:g} commits/s beside it "
            f"{busy_rate:,.0f} req/s\n"
            f"typing ratio: {busy_rate / quiet_rate:.2f} (target >= 0.8)\n"
            f"users.setStatus median: idle {idle_ms:.2f} ms ({len(idle)} calls), under the read storm "
            f"{stormy_ms:.2f} ms ({len(stormy)} calls; p90 {p90_ms:.2f} ms)\n"
            f"write-under-storm ratio: {stormy_ms / idle_ms:.2f} (target <= 3)",
            flush=True,
        )
    finally:
        stop(server)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rooms", type=int, default=10_000)
    parser.add_argument("--database-url", help="default: a SQLite file under $TMPDIR/frontdesk-bench")
    parser.add_argument("--reuse", action="store_true", help="use the rooms already in the database")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0, help="each throughput phase")
    parser.add_argument("--write-seconds", type=float, default=5.0, help="each write-latency phase")
    parser.add_argument("--typing-per-second", type=float, default=200)
    parser.add_argument("--writes-per-second", type=float, default=10)
    parser.add_argument("--wrk-threads", type=int, default=1)
    args = parser.parse_args()
    database_url = args.database_url or (
        "sqlite:///" + str(Path(tempfile.gettempdir()) / "frontdesk-bench" / f"typing-{args.rooms}.db")
    )
    if not args.reuse or not count_rooms(database_url):
        Path(tempfile.gettempdir(), "frontdesk-bench").mkdir(exist_ok=True)
        print(f"loading {args.rooms} rooms ...", file=sys.stderr, flush=True)
        load(database_url, args.rooms, 1)
    os.environ.setdefault("LOG_LEVEL", "warning")
    uvloop.run(run(args, database_url))


if __name__ == "__main__":
    main()
