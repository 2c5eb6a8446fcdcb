"""Rate limits: Rocket.Chat's 5 calls a minute on livechat/visitor and livechat/room, off in TEST_MODE."""

from __future__ import annotations

import httpx
from fastapi import FastAPI

from frontdesk.rate_windows import RateLimiter


def test_sliding_window() -> None:
    limiter = RateLimiter(2, 10)
    assert limiter.check("a", 0) == 0 and limiter.check("a", 1) == 0
    assert limiter.check("a", 2) == 8
    assert limiter.check("b", 2) == 0
    assert limiter.check("a", 10.5) == 0


async def test_sixth_registration_in_a_minute_gets_429(app: FastAPI, client: httpx.AsyncClient) -> None:
    app.state.test_mode = False
    codes = []
    for i in range(6):
        res = await client.post("/api/v1/livechat/visitor", json={"visitor": {"token": f"rl-{i}"}})
        codes.append(res.status_code)
    assert codes == [200] * 5 + [429]
    body = res.json()
    assert body["errorType"] == "error-too-many-requests" and body["success"] is False
    assert body["error"].startswith("Error, too many requests. Please slow down. You must wait ")
    app.state.test_mode = True
    ok = await client.post("/api/v1/livechat/visitor", json={"visitor": {"token": "rl-x"}})
    assert ok.status_code == 200
