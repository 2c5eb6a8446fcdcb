"""Every GET /api/v1/livechat/analytics/* route against the default livechat/rooms page and GET /api/info,
in the same run, over N demo rooms: a 30-day period ending at the newest room, with and without a
department, and the whole table.

    .venv/bin/python bench/analytics.py --rooms 100000 --requests 30
    .venv/bin/python bench/analytics.py --reuse --db /tmp/frontdesk-bench/rooms.db

The analytics routes are not page-cached: each request reads the database. The baseline is the default
listing page, asked with a new offset each time so that the page cache does not answer it either.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from rooms_latency import ADMIN_PASS, ADMIN_USERNAME, free_port, load, start_server, stop_server

from frontdesk.clock import iso, parse_iso

DAY_MS = 86_400_000
ROOMS = "/api/v1/livechat/rooms"
DASHBOARDS = [
    "conversation-totalizers",
    "agents-productivity-totalizers",
    "chats-totalizers",
    "productivity-totalizers",
    "charts/chats",
    "charts/chats-per-agent",
    "charts/chats-per-department",
    "charts/timings",
    "charts/agents-status",
    "conversations-by-source",
    "conversations-by-status",
    "conversations-by-department",
    "conversations-by-tags",
    "conversations-by-agent",
]


def measure(client: httpx.Client, path: str, params: dict[str, str], requests: int) -> dict[str, float]:
    """p50 and p99 in ms of `requests` sequential GETs, after 3 unmeasured ones (the listing with a new
    offset each time: the page cache would answer a repeated one)."""
    offsets = itertools.count()

    def query() -> dict[str, str]:
        return {**params, "offset": str(next(offsets))} if path == ROOMS else params

    for _ in range(3):
        client.get(path, params=query()).raise_for_status()
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        res = client.get(path, params=query())
        times.append(time.perf_counter() - t0)
        res.raise_for_status()
    q = statistics.quantiles(times, n=100, method="inclusive")
    return {"p50": statistics.median(times) * 1000, "p99": q[98] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "frontdesk-bench" / "rooms.db"
    )
    parser.add_argument("--reuse", action="store_true", help="keep an existing database instead of reloading")
    parser.add_argument("--only", help="measure only the routes whose path contains this")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and args.db.exists()):
        print(f"loaded {args.rooms} demo rooms in {load(args.db, args.rooms, args.seed):.1f} s")
    port = free_port()
    server = start_server(args.db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            data = client.post("/api/v1/login", json={"user": ADMIN_USERNAME, "password": ADMIN_PASS}).json()
            client.headers.update(
                {"X-User-Id": data["data"]["userId"], "X-Auth-Token": data["data"]["authToken"]}
            )
            rooms = ROOMS
            newest = client.get(rooms, params={"count": "50"}).json()["rooms"]
            department = next(r["departmentId"] for r in newest if "departmentId" in r)
            end = newest[0]["ts"]
            oldest = client.get(rooms, params={"count": "1", "sort": '{"ts":1}'}).json()["rooms"][0]["ts"]
            month_start = iso((parse_iso(end) or 0) - 30 * DAY_MS)
            month = {"start": month_start, "end": end}
            periods = [
                ("30 days", month),
                ("30 days + dept", {**month, "departmentId": department}),
                ("all rooms", {"start": oldest, "end": end}),
            ]
            cases: list[tuple[str, str, dict[str, str]]] = [
                ("GET /api/info", "/api/info", {}),
                ("rooms, default page (baseline)", rooms, {}),
            ]
            base = "/api/v1/livechat/analytics/dashboards/"
            for path in DASHBOARDS:
                if args.only and args.only not in path:
                    continue
                if path.endswith("agents-status"):
                    cases.append((f"{path} [dept]", base + path, {"departmentId": department}))
                    continue
                cases += [(f"{path} [{label}]", base + path, period) for label, period in periods]
            days = {"from": month_start[:10], "to": end[:10]}
            analytics = "/api/v1/livechat/analytics/"
            for name in ("Conversations", "Productivity"):
                cases.append((f"overview {name} [30 days]", analytics + "overview", {"name": name, **days}))
            cases.append(
                (
                    "agent-overview first response [30 days]",
                    analytics + "agent-overview",
                    {"name": "Avg_first_response_time", **days},
                )
            )
            results = [(name, measure(client, path, params, args.requests)) for name, path, params in cases]
            total = client.get(rooms, params={"count": "1"}).json()["total"]
    finally:
        stop_server(server)
    baseline = results[1][1]["p50"]
    print(f"\n{total} rooms (SQLite), {args.requests} sequential requests per case")
    print("| case                                              | p50 ms | p99 ms | p50 / rooms page |")
    print("|---------------------------------------------------|-------:|-------:|-----------------:|")
    for name, r in results:
        print(f"| {name:<49} | {r['p50']:6.2f} | {r['p99']:6.2f} | {r['p50'] / baseline:16.1f} |")


if __name__ == "__main__":
    main()
