"""GET /api/v1/livechat/rooms with every facet (`facets=status,department,agent,tag,source`) against the same
listing without facets and GET /api/info, in the same run, over N demo rooms.

    .venv/bin/python bench/rooms_facets.py --rooms 100000 --requests 100
    .venv/bin/python bench/rooms_facets.py --reuse --db /tmp/frontdesk-bench/rooms.db

The page cache answers a repeated request without reading the database, so every request here has an
offset of its own (0, 1, 2, ...: the same work as the first page): the figures are what the database does
for a listing with its facets, read on one snapshot in one statement.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from rooms_latency import ADMIN_PASS, ADMIN_USERNAME, free_port, load, start_server, stop_server

FACETS = "status,department,agent,tag,source"


def measure(client: httpx.Client, path: str, params: dict[str, str], requests: int) -> dict[str, Any]:
    offsets = itertools.count()  # each request a different key: the page cache cannot answer it
    for _ in range(10):
        client.get(path, params={**params, "offset": str(next(offsets))}).raise_for_status()
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        res = client.get(path, params={**params, "offset": str(next(offsets))})
        times.append(time.perf_counter() - t0)
        res.raise_for_status()
    q = statistics.quantiles(times, n=100, method="inclusive")
    return {"p50": statistics.median(times) * 1000, "p99": q[98] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "frontdesk-bench" / "rooms.db"
    )
    parser.add_argument("--reuse", action="store_true", help="keep an existing database instead of reloading")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and args.db.exists()):
        print(f"loaded {args.rooms} demo rooms in {load(args.db, args.rooms, args.seed):.1f} s")
    port = free_port()
    server = start_server(args.db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            data = client.post("/api/v1/login", json={"user": ADMIN_USERNAME, "password": ADMIN_PASS}).json()
            client.headers.update(
                {"X-User-Id": data["data"]["userId"], "X-Auth-Token": data["data"]["authToken"]}
            )
            first = client.get("/api/v1/livechat/rooms", params={"count": "50"}).json()["rooms"]
            department = next(r["departmentId"] for r in first if "departmentId" in r)
            rooms = "/api/v1/livechat/rooms"
            cases = [
                ("GET /api/info (baseline)", "/api/info", {}),
                ("rooms, no filter", rooms, {"count": "25"}),
                ("  + all facets", rooms, {"count": "25", "facets": FACETS}),
                (
                    "rooms, open=false + dept",
                    rooms,
                    {"count": "25", "open": "false", "departmentId": department},
                ),
                (
                    "  + all facets",
                    rooms,
                    {"count": "25", "open": "false", "departmentId": department, "facets": FACETS},
                ),
                (
                    "rooms, createdAt open end",
                    rooms,
                    {"count": "25", "createdAt": '{"start":"2020-01-01T00:00:00Z"}'},
                ),
                (
                    "  + all facets",
                    rooms,
                    {"count": "25", "createdAt": '{"start":"2020-01-01T00:00:00Z"}', "facets": FACETS},
                ),
                ("rooms, roomName=ana", rooms, {"count": "25", "roomName": "ana"}),
                ("  + all facets", rooms, {"count": "25", "roomName": "ana", "facets": FACETS}),
            ]
            results = [(name, measure(client, path, params, args.requests)) for name, path, params in cases]
            total = client.get(rooms, params={"count": "1"}).json()["total"]
    finally:
        stop_server(server)
    base = results[0][1]["p50"]
    print(f"\n{total} rooms (SQLite), {args.requests} sequential requests per case")
    print("| case                      | p50 ms | p99 ms | p50 / info |")
    print("|---------------------------|-------:|-------:|-----------:|")
    for name, r in results:
        print(f"| {name:<25} | {r['p50']:6.2f} | {r['p99']:6.2f} | {r['p50'] / base:10.1f} |")


if __name__ == "__main__":
    main()
