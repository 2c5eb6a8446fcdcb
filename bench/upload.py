"""A 50 MB upload streams to disk in constant memory: the server's peak RSS growth while it receives a
50 MB file, against a 1 MB file in the same run.

    .venv/bin/python bench/upload.py                 # 1 MB baseline, then 50 MB (three of each)
    .venv/bin/python bench/upload.py --size-mb 200

Starts `frontdesk serve` on a fresh SQLite file and upload folder in a temporary directory, opens a
visitor's room (Livechat_accept_chats_with_no_agents), then POSTs livechat/upload/:rid with a body the
client generates as it sends (so the client holds no 50 MB either). For each upload the server's peak
resident set (VmHWM, reset before it through /proc/<pid>/clear_refs) is read from /proc: the growth over
the idle server is what receiving the file cost in memory. Prints the growth and the throughput of each
size, and the ratio of the large upload's growth to the small one's (about 1 when memory is constant).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from rooms_latency import ADMIN_PASS, ADMIN_USERNAME, free_port, start_server, stop_server

BOUNDARY = "benchb0undary"
CHUNK = 64 * 1024


def kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise SystemExit(f"no {field} in /proc/{pid}/status")


def reset_peak(pid: int) -> None:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux >= 4.0)


def body(size: int) -> Iterator[bytes]:
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    block = os.urandom(CHUNK)
    sent = 0
    while sent < size:
        piece = block[: min(CHUNK, size - sent)]
        sent += len(piece)
        yield piece
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def setup(client: httpx.Client) -> tuple[str, str]:
    login = client.post("/api/v1/login", json={"user": ADMIN_USERNAME, "password": ADMIN_PASS}).json()["data"]
    admin = {"X-User-Id": login["userId"], "X-Auth-Token": login["authToken"]}
    for setting, value in (
        ("Livechat_accept_chats_with_no_agents", True),
        ("FileUpload_MaxFileSize", 1 << 30),
    ):
        client.post(f"/api/v1/settings/{setting}", json={"value": value}, headers=admin).raise_for_status()
    token = "bench-visitor"
    client.post(
        "/api/v1/livechat/visitor", json={"visitor": {"token": token, "name": "Bench"}}
    ).raise_for_status()
    room = client.get("/api/v1/livechat/room", params={"token": token})
    room.raise_for_status()
    return token, room.json()["room"]["_id"]


def upload(client: httpx.Client, pid: int, token: str, rid: str, size: int) -> tuple[int, float]:
    """(peak RSS growth in KiB, seconds) of one upload."""
    idle = kib(pid, "VmRSS")
    reset_peak(pid)
    started = time.perf_counter()
    res = client.post(
        f"/api/v1/livechat/upload/{rid}",
        content=body(size),
        headers={"x-visitor-token": token, "content-type": f"multipart/form-data; boundary={BOUNDARY}"},
    )
    elapsed = time.perf_counter() - started
    res.raise_for_status()
    assert res.json()["file"]["_id"]
    return kib(pid, "VmHWM") - idle, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=50)
    parser.add_argument("--baseline-mb", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FILE_UPLOAD_DIR"] = str(Path(tmp) / "uploads")
        os.environ["TEST_MODE"] = "true"  # no rate limit between the uploads
        port = free_port()
        server = start_server(Path(tmp) / "frontdesk.db", port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300) as client:
                token, rid = setup(client)
                upload(client, server.pid, token, rid, 1 << 20)  # warm-up: imports, first write
                rows = []
                for mb in (args.baseline_mb, args.size_mb):
                    runs = [upload(client, server.pid, token, rid, mb << 20) for _ in range(args.repeat)]
                    growth = statistics.median(r[0] for r in runs)
                    seconds = statistics.median(r[1] for r in runs)
                    rows.append((mb, growth, seconds))
                stored = sum(
                    p.stat().st_size for p in (Path(tmp) / "uploads" / "files").rglob("*") if p.is_file()
                )
        finally:
            stop_server(server)
    print(f"\nlivechat/upload/:rid, {args.repeat} uploads per size (medians), server on SQLite")
    print("| upload | peak RSS growth | seconds | MB/s |")
    print("|-------:|----------------:|--------:|-----:|")
    for mb, growth, seconds in rows:
        print(f"| {mb:4d} MB | {growth / 1024:11.1f} MiB | {seconds:7.2f} | {mb / seconds:4.0f} |")
    ratio = rows[1][1] / max(rows[0][1], 1)
    print(f"\npeak RSS growth, {args.size_mb} MB / {args.baseline_mb} MB upload: {ratio:.2f}x")
    print(f"on disk afterwards: {stored / (1 << 20):.0f} MiB (every upload whole, none partial)")


if __name__ == "__main__":
    main()
