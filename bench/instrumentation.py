"""What the outermost layer (api/instrumentation.py) costs per request: metrics, and the access line.

Wraps a trivial ASGI app (one 1-byte response) and times many calls in-process, so the figures are the layer's
own CPU time, not the HTTP stack's; the access line goes through the server's own logging configuration to a
file, as it would to a log file or a pipe. Best of --repeat runs of --requests calls each.

    .venv/bin/python bench/instrumentation.py [--requests 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.config
import tempfile
import time
from typing import Any

from starlette.routing import Route

from frontdesk.api.instrumentation import Instrumentation
from frontdesk.config import Settings
from frontdesk.ops.logs import log_config

PATH = "/api/v1/livechat/rooms"


async def page(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"x"})


class RoutedApp:
    """What Starlette leaves in scope["app"] and scope["route"] once it has routed the request."""

    routes = [Route(PATH, lambda request: None)]


async def receive() -> dict[str, Any]:
    return {"type": "http.request"}


async def discard(message: Any) -> None:
    return None


async def per_request(app: Any, requests: int) -> float:
    started = time.perf_counter()
    for _ in range(requests):
        scope = {
            "type": "http",
            "method": "GET",
            "path": PATH,
            "app": RoutedApp,
            "route": RoutedApp.routes[0],
            "client": ("127.0.0.1", 50000),
        }
        await app(scope, receive, discard)
    return (time.perf_counter() - started) / requests * 1e6


async def main(requests: int, repeat: int) -> None:
    log_file = tempfile.NamedTemporaryFile(suffix=".log")  # noqa: SIM115 (kept open for the whole run)
    cases = [
        ("the app alone", page, None),
        ("+ metrics (ACCESS_LOG=false)", Instrumentation(page, access_log=False), None),
        ("+ metrics + access line, text", Instrumentation(page), "text"),
        ("+ metrics + access line, json", Instrumentation(page), "json"),
    ]
    results = []
    for name, app, log_format in cases:
        config = log_config(Settings(LOG_FORMAT=log_format or "text", LOG_LEVEL="info"))
        config["handlers"]["stderr"]["stream"] = open(log_file.name, "a")  # noqa: SIM115
        logging.config.dictConfig(config)
        if log_format is None:
            logging.getLogger("frontdesk.access").setLevel(logging.WARNING)
        else:
            logging.getLogger("frontdesk.access").setLevel(logging.NOTSET)
        best = min([await per_request(app, requests) for _ in range(repeat)])
        results.append((name, best))
    base = results[0][1]
    print(f"{requests:,} requests, best of {repeat} runs; microseconds of CPU per request")
    print("| layer | µs per request | added to the app alone |")
    print("|---|---:|---:|")
    for name, micros in results:
        print(f"| {name} | {micros:.1f} | {micros - base:+.1f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.repeat))
