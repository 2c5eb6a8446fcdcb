"""The unmodified official widget (@rocket.chat/livechat 1.13.3) in a real browser against a real server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from chat import make_agent
from realtime.browser import screenshot_path, skip_reason
from realtime.conftest import free_port

REASON = skip_reason()
pytestmark = [pytest.mark.asyncio, pytest.mark.skipif(REASON is not None, reason=REASON or "")]


async def _open_chat(frame: Any, name: str) -> None:
    """Register through the pre-chat form when it shows (Rocket.Chat's default); wait for the composer."""
    composer = frame.locator('[contenteditable="true"]')
    name_field = frame.locator('input[name="name"]')
    await composer.or_(name_field).first.wait_for(timeout=15_000)
    if await name_field.count():
        await name_field.fill(name)
        await frame.locator('input[name="email"]').fill(f"{name.lower().replace(' ', '.')}@example.com")
        await frame.locator('button[type="submit"]').click()
    await composer.wait_for(timeout=15_000)


async def _send(frame: Any, text: str) -> None:
    composer = frame.locator('[contenteditable="true"]')
    await composer.click()
    await composer.type(text)
    await composer.press("Enter")
    await frame.get_by_text(text).first.wait_for(timeout=10_000)  # shown from the DDP echo


async def _reply_and_close(live: Any, agent: dict[str, Any], text: str) -> str:
    rooms = (await live.client.get("/api/v1/livechat/rooms", headers=agent["headers"])).json()["rooms"]
    assert rooms, "the widget opened no room"
    rid: str = rooms[0]["_id"]
    res = await live.client.post(
        "/api/v1/chat.sendMessage", json={"message": {"rid": rid, "msg": text}}, headers=agent["headers"]
    )
    assert res.status_code == 200, res.text
    return rid


def watch(page: Any) -> tuple[list[str], list[str]]:
    """(errors, sounds): uncaught errors, console errors and failed requests; the sound files fetched."""
    errors: list[str] = []
    sounds: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)

    def failed(req: Any) -> None:
        # ERR_ABORTED is the browser's own cancelling (a media element moving to range requests, say)
        if "ERR_ABORTED" not in str(req.failure):
            errors.append(f"request failed: {req.url} {req.failure}")

    page.on("requestfailed", failed)

    def response(res: Any) -> None:
        if res.status >= 400:
            errors.append(f"HTTP {res.status}: {res.url}")
        if "/sounds/" in res.url:
            sounds.append(f"{res.status} {res.headers.get('content-type')}")

    page.on("response", response)
    return errors, sounds


async def test_popout_chat_agent_reply_and_chat_finished(live, browser, tmp_path) -> None:
    agent = await make_agent(live.client, live.db, roles=("livechat-manager",))
    page = await browser.new_page(viewport={"width": 420, "height": 640})
    errors, sounds = watch(page)
    await page.goto(f"{live.url}/livechat?mode=popout")
    await _open_chat(page, "Ada Visitor")
    await _send(page, "Hello, I need help with my order")
    rid = await _reply_and_close(live, agent, "Hi Ada, happy to help!")
    await page.get_by_text("Hi Ada, happy to help!").wait_for(timeout=5_000)  # live, over the websocket
    await page.screenshot(path=str(screenshot_path("widget-chat.png", tmp_path)))
    res = await live.client.post(
        "/api/v1/livechat/room.closeByUser", json={"rid": rid, "comment": "Solved"}, headers=agent["headers"]
    )
    assert res.status_code == 200, res.text
    # the `livechat-close` message arrives over DDP and the widget routes to its chat-finished screen
    await page.get_by_text("Chat Finished").wait_for(timeout=10_000)
    await page.get_by_role("button", name="New Chat").wait_for()
    # a whole chat without one error in the console: the notification sound has its source now
    assert errors == [], errors
    assert sounds and all(s.startswith(("200 audio/mpeg", "206 audio/mpeg")) for s in sounds), sounds
    playable = await page.evaluate(
        "() => [...document.querySelectorAll('audio')].map(a => [a.currentSrc, a.error && a.error.code])"
    )
    assert playable and all(src.endswith("/sounds/chime.mp3") and code is None for src, code in playable)


class _HostPage(http.server.SimpleHTTPRequestHandler):
    html = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(self.html)

    def log_message(self, *args: Any) -> None:
        return


@pytest.fixture
def host_page(live: Any) -> Iterator[str]:
    """A customer's page on another origin that embeds the widget with the official loader snippet."""
    _HostPage.html = f"""<!doctype html><html><body><h1>Shop</h1>
<script type="text/javascript">
(function(w, d, s, u) {{
  w.RocketChat = function(c) {{ w.RocketChat._.push(c) }}; w.RocketChat._ = []; w.RocketChat.url = u;
  var h = d.getElementsByTagName(s)[0], j = d.createElement(s);
  j.async = true; j.src = '{live.url}/livechat/rocketchat-livechat.min.js?_=r';
  h.parentNode.insertBefore(j, h);
}})(window, document, 'script', '{live.url}/livechat');
</script></body></html>""".encode()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), _HostPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # another origin (port) on the same site: browsers that block third-party storage would deny the
    # widget its localStorage on another site, as they would for any embed of it
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


async def test_embedded_with_the_official_loader(live, browser, host_page, tmp_path) -> None:
    agent = await make_agent(live.client, live.db, roles=("livechat-manager",))
    page = await browser.new_page(viewport={"width": 1000, "height": 700})
    await page.goto(host_page)
    iframe = page.locator("#rocketchat-iframe")
    await iframe.wait_for(state="attached", timeout=10_000)
    assert (await iframe.get_attribute("src")).startswith(f"{live.url}/livechat")
    frame = page.frame_locator("#rocketchat-iframe")
    # the loader shows the minimised widget: its chat bubble opens it
    await frame.locator("[class*='screen__chat-button']").click(timeout=15_000)
    await _open_chat(frame, "Grace Embedded")
    await _send(frame, "Question from the shop page")
    await _reply_and_close(live, agent, "Answer from the agent")
    await frame.get_by_text("Answer from the agent").wait_for(timeout=5_000)
    await page.screenshot(path=str(screenshot_path("widget-embedded.png", tmp_path)))
