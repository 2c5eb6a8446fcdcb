"""Sequential latency of GET /api/v1/livechat/rooms over N demo rooms, against GET /api/info in the same run.

    .venv/bin/python bench/rooms_latency.py --rooms 100000 --requests 200

Loads the demo data into a fresh SQLite file (`frontdesk demo`), starts `frontdesk serve` on a free loopback
port, logs in, and times one request at a time over one keep-alive connection: that is service time, not
throughput under load (see docs/performance-notes.md).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ADMIN_USERNAME = "bench-admin"
ADMIN_PASS = "bench-admin-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(db_path: Path, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_path}",
        "ADMIN_USERNAME": ADMIN_USERNAME,
        "ADMIN_PASS": ADMIN_PASS,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "LOG_LEVEL": "warning",
    }


def load(db_path: Path, rooms: int, seed: int) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "frontdesk.cli", "demo", "--rooms", str(rooms), "--seed", str(seed)]
    subprocess.run(command, env=server_env(db_path, 0), check=True)
    return time.perf_counter() - started


def start_server(db_path: Path, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "frontdesk.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=server_env(db_path, port))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    stop_server(server)
    raise SystemExit("the server did not answer within 120 s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def measure(client: httpx.Client, path: str, params: dict[str, str], requests: int) -> dict[str, Any]:
    for _ in range(min(20, requests)):  # warm caches and the connection
        client.get(path, params=params).raise_for_status()
    times: list[float] = []
    total = None
    started = time.perf_counter()
    for _ in range(requests):
        t0 = time.perf_counter()
        res = client.get(path, params=params)
        times.append(time.perf_counter() - t0)
        res.raise_for_status()
        total = res.json().get("total")
    elapsed = time.perf_counter() - started
    quantiles = statistics.quantiles(times, n=100, method="inclusive")
    return {
        "p50": statistics.median(times) * 1000,
        "p90": quantiles[89] * 1000,
        "p99": quantiles[98] * 1000,
        "rps": requests / elapsed,
        "total": total,
    }


def run(base_url: str, requests: int) -> list[tuple[str, dict[str, Any]]]:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        login = client.post("/api/v1/login", json={"user": ADMIN_USERNAME, "password": ADMIN_PASS})
        login.raise_for_status()
        data = login.json()["data"]
        client.headers.update({"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]})
        first = client.get("/api/v1/livechat/rooms", params={"count": "50"}).json()["rooms"]
        department = next(r["departmentId"] for r in first if "departmentId" in r)
        rooms = "/api/v1/livechat/rooms"
        cases: list[tuple[str, str, dict[str, str]]] = [
            ("GET /api/info (baseline)", "/api/info", {}),
            ("rooms, default page", rooms, {}),
            ("rooms, open=true", rooms, {"open": "true"}),
            ("rooms, open=false", rooms, {"open": "false"}),
            ("rooms, queued=true", rooms, {"queued": "true"}),
            ("rooms, departmentId", rooms, {"departmentId": department}),
        ]
        return [(name, measure(client, path, params, requests)) for name, path, params in cases]


def print_table(results: list[tuple[str, dict[str, Any]]], rooms: int, requests: int) -> None:
    base = results[0][1]["p50"]
    print(f"\n{rooms} rooms, {requests} sequential requests per case, one keep-alive connection")
    print(f"| {'case':<26} | p50 ms | p90 ms | p99 ms |  req/s | p50 / info |   total |")
    print(f"|{'-' * 28}|-------:|-------:|-------:|-------:|-----------:|--------:|")
    for name, r in results:
        total = "" if r["total"] is None else str(r["total"])
        print(
            f"| {name:<26} | {r['p50']:6.2f} | {r['p90']:6.2f} | {r['p99']:6.2f} | {r['rps']:6.0f} "
            f"| {r['p50'] / base:10.1f} | {total:>7} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rooms", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "frontdesk-bench" / "rooms.db"
    )
    parser.add_argument("--reuse", action="store_true", help="keep an existing database instead of reloading")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.reuse and args.db.exists():
        print(f"reusing {args.db}")
    else:
        seconds = load(args.db, args.rooms, args.seed)
        print(f"loaded {args.rooms} demo rooms into {args.db} in {seconds:.1f} s")
    port = free_port()
    server = start_server(args.db, port)
    try:
        results = run(f"http://127.0.0.1:{port}", args.requests)
    finally:
        stop_server(server)
    print_table(results, args.rooms, args.requests)


if __name__ == "__main__":
    main()
