"""Realtime delivery: N websocket subscribers on one Frontdesk process, latency from REST write to receipt.

    .venv/bin/python bench/realtime.py --subscribers 1000 5000 --rooms 100 --messages 400

Starts `frontdesk serve` (one process, uvloop) on a free loopback port with a fresh SQLite file and opens
`--rooms` visitor rooms. Connects `--subscribers` DDP clients; each subscribes to one room's
`stream-room-messages` with that room's visitor token (round-robin), so a message reaches
subscribers/rooms sockets. Then `--writers` concurrent writers post `--messages` visitor messages with
POST livechat/message. Each delivery's latency runs from just before its POST to the frame's arrival
(same clock, same process). Prints p50 / p99 / max latency, messages/s written and frames/s delivered.
The clients share the server's two cores, so the figures are conservative.
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


def start_server(db_path: Path, port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_path}",
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
    return subprocess.Popen([sys.executable, "-m", "frontdesk.cli", "serve"], env=env)


async def wait_ready(base: str) -> None:
    async with httpx.AsyncClient(base_url=base) as client:
        for _ in range(300):
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


async def subscribe(ws_url: str, rid: str, token: str) -> ClientConnection:
    ws = await connect(ws_url, max_size=None, ping_interval=None, open_timeout=60)
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
    base: str, rooms: list[tuple[str, str]], subscribers: int, messages: int, writers: int
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
        started = time.perf_counter()
        await asyncio.gather(*(writer(client) for _ in range(writers)))
        written = time.perf_counter() - started
        deadline = time.perf_counter() + 60
        while len(latencies) < expected and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        delivered = time.perf_counter() - started
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
    }


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscribers", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rooms", type=int, default=100)
    parser.add_argument("--messages", type=int, default=400)
    parser.add_argument("--writers", type=int, default=4)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4 * max(args.subscribers) + 1024)), hard))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp) / "realtime.db", port)
        try:
            await wait_ready(base)
            async with httpx.AsyncClient(base_url=base, timeout=60) as client:
                rooms = await open_rooms(client, args.rooms)
            heads = (
                "subscribers",
                "rooms",
                "msgs",
                "delivered",
                "p50 ms",
                "p99 ms",
                "max ms",
                "msgs/s",
                "frames/s",
            )
            print(" ".join(f"{h:>{w}}" for h, w in zip(heads, (11, 5, 5, 13, 8, 8, 8, 8, 9), strict=True)))
            for n in args.subscribers:
                r = await run_case(base, rooms, n, args.messages, args.writers)
                print(f"{n:>11} {args.rooms:>5} {r['messages']:>5} {r['deliveries']:>13} {r['p50_ms']:>8.1f} "
                      f"{r['p99_ms']:>8.1f} {r['max_ms']:>8.1f} {r['messages_per_s']:>8.0f} "
                      f"{r['frames_per_s']:>9.0f}")  # fmt: skip
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    asyncio.run(main())
