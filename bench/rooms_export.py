"""CSV export speed and memory: GET /api/v1/livechat/rooms.export over N demo rooms, against two baselines
of the same run: the JSON listing of the same rooms (count=0, streamed), and a raw SELECT of the same
rooms' stored JSON in listing order (Python's sqlite3, in this process, read-only: the floor of reading
the data at all).

    .venv/bin/python bench/rooms_export.py --rooms 100000
    .venv/bin/python bench/rooms_export.py --rooms 1000000 --reuse

Loads the demo data into a SQLite file (as bench/rooms_latency.py does), starts `frontdesk serve`, then
downloads each export once, counting rows as they arrive, and reads the server's resident memory (VmRSS)
every 50 ms while it runs: constant memory means the peak does not grow with the number of rows.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from rooms_latency import ADMIN_PASS, ADMIN_USERNAME, free_port, load, start_server, stop_server


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def download(client: httpx.Client, path: str, params: dict[str, str], pid: int) -> dict[str, Any]:
    """Stream one download, counting CSV lines (or JSON bytes), sampling the server's memory meanwhile."""
    before, peak, done = rss_kib(pid), [0], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_kib(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started, lines, size, last = time.perf_counter(), 0, 0, b""
    try:
        with client.stream("GET", path, params=params) as res:
            res.raise_for_status()
            for chunk in res.iter_bytes():
                # a CRLF may be cut between two chunks
                lines += chunk.count(b"\r\n") + (last == b"\r" and chunk[:1] == b"\n")
                size, last = size + len(chunk), chunk[-1:]
    finally:
        done.set()
        sampler.join()
    return {
        "seconds": time.perf_counter() - started,
        "lines": lines,
        "bytes": size,
        "before": before,
        "peak": peak[0],
    }


def raw_select(db: Path) -> tuple[float, int]:
    """Every room's stored JSON (and its visitor's) in the listing's default order, fetched in batches."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    started, rows = time.perf_counter(), 0
    cursor = con.execute(
        "SELECT r.doc, v.doc FROM rooms r LEFT JOIN visitors v ON v.id = r.visitor_id"
        " ORDER BY r.ts DESC, r.id DESC"
    )
    while batch := cursor.fetchmany(2000):
        rows += len(batch)
    con.close()
    return time.perf_counter() - started, rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rooms", type=int, default=100_000)
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
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600) as client:
            data = client.post("/api/v1/login", json={"user": ADMIN_USERNAME, "password": ADMIN_PASS}).json()
            client.headers.update(
                {"X-User-Id": data["data"]["userId"], "X-Auth-Token": data["data"]["authToken"]}
            )
            total = client.get("/api/v1/livechat/rooms", params={"count": "1"}).json()["total"]
            closed = client.get("/api/v1/livechat/rooms", params={"count": "1", "open": "false"}).json()[
                "total"
            ]
            cases = [
                ("CSV, every room", "/api/v1/livechat/rooms.export", {}, total),
                ("CSV, open=false", "/api/v1/livechat/rooms.export", {"open": "false"}, closed),
                ("JSON count=0 (baseline)", "/api/v1/livechat/rooms", {"count": "0"}, total),
            ]
            results = [
                (name, download(client, path, params, server.pid), rows) for name, path, params, rows in cases
            ]
    finally:
        stop_server(server)
    raw_seconds, raw_rows = raw_select(args.db)
    print(f"\n{total} rooms (SQLite), one download at a time; rows/s = rooms / seconds")
    print("| case                    |   rooms | seconds |  rows/s |    MB | RSS before MiB | RSS peak MiB |")
    print("|-------------------------|--------:|--------:|--------:|------:|---------------:|-------------:|")
    for name, r, rows in results:
        if name.startswith("CSV"):
            assert r["lines"] == rows + 1, f"{name}: {r['lines'] - 1} rows for a total of {rows}"
        print(
            f"| {name:<23} | {rows:7d} | {r['seconds']:7.2f} | {rows / r['seconds']:7.0f} "
            f"| {r['bytes'] / 1e6:5.0f} | {r['before'] / 1024:14.0f} | {r['peak'] / 1024:12.0f} |"
        )
    name = "raw SELECT (baseline)"
    print(
        f"| {name:<23} | {raw_rows:7d} | {raw_seconds:7.2f} | {raw_rows / raw_seconds:7.0f} |       |"
        "                |              |"
    )
    csv_all = results[0][1]["seconds"]
    print(
        f"\nCSV, every room: {total / csv_all:,.0f} rows/s = {raw_seconds / csv_all:.2f} x the raw SELECT's "
        f"rate, {results[2][1]['seconds'] / csv_all:.2f} x the JSON stream's"
    )


if __name__ == "__main__":
    main()
