"""Current Chats in a real browser on a large database: how long a manager waits, after changing a filter,
the sort or the page, until the table and the total show the new result.

    .venv/bin/python bench/current_chats.py --db /tmp/h1m-copy.db                # 1M rooms
    .venv/bin/python bench/current_chats.py --db big.db --baseline-db small.db  # and a same-run baseline

Needs the desk built (`make static`) and Debian's chromium. Serves each database with `frontdesk serve`
(which migrates it first and creates the bench admin if missing: use a copy, never a database you care
about), logs in as that admin in the browser and, for each sample, loads /current-chats afresh (waiting
until the default list is shown), then makes ONE change the way a person does — a status, served-by or
department choice, a tag ticked, a guest name typed (as one input event), a "Started from" day, a column
header clicked, "Next page" — and times, inside the page (performance.now(), checked every animation
frame, stopped after the next paint), from the change until the page request it caused has answered and
the table is no longer busy (React renders the rows and the total in the commit that clears aria-busy).
The facet counts beside the filters, asked apart, are not waited for; they are let finish before the next
sample so that one sample's facets do not slow the next one's page.

Each sample's query differs from the others' (no page cached by the server for it yet), and after timing,
the total the page shows is checked against GET livechat/rooms for the very request the page made.

Prints, per kind of change and over all, the median, p95, worst and how many were within 1 s; with a
baseline database, the same figures there and the ratio of medians (same run, same machine).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
from pathlib import Path
from typing import Any

import httpx
from rooms_latency import ADMIN_PASS, ADMIN_USERNAME, free_port, start_server, stop_server

from desk import CHROMIUM_ARGS

# Counts the desk's requests for a page of livechat/rooms (the ones with an offset: what fills the table and
# its total; the facet counts beside the filters come apart) and every livechat/rooms request, and remembers
# the last page request's URL.
FETCH_WATCH = """(() => {
  const watch = { started: 0, done: 0, last: '', all: 0, allDone: 0 };
  window.__rooms = watch;
  const fetch0 = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const rooms = url.includes('/api/v1/livechat/rooms?');
    const page = rooms && url.includes('offset=');
    if (rooms) watch.all += 1;
    if (page) { watch.started += 1; watch.last = url; }
    const answer = fetch0(input, init);
    const end = () => { if (rooms) watch.allDone += 1; if (page) watch.done += 1; };
    if (rooms) answer.then(end, end);
    return answer;
  };
})();"""
TABLE = "document.querySelector('table.cc-table')"
SHOWN = f"{TABLE} && {TABLE}.getAttribute('aria-busy') === 'false'"
LOADED = f"{SHOWN} && !!document.querySelector('table.cc-table tbody tr') && window.__rooms.done > 0"
# the change's own request has answered (the one it started, and any after it) and the table is not busy
NEW_RESULT = (
    f"window.__rooms.started > window.__s0 && window.__rooms.done === window.__rooms.started && {SHOWN}"
)
UNTIL = """async ([action, condition]) => {
  const ready = new Function('return (' + condition + ')');
  window.__s0 = window.__rooms.started;
  const t0 = performance.now();
  new Function(action)();
  while (!ready()) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - t0;
}"""


def _control(label: str) -> str:
    return (
        "document.getElementById([...document.querySelectorAll('.cc-filter label')]"
        f".find((l) => l.textContent === {label!r}).htmlFor)"
    )


def set_value(label: str, value: str, event: str) -> tuple[str, str]:
    """A filter control (once it offers `value`), and setting its value as a person's input does: React
    reads the value the native setter set."""
    target = (
        f"(() => {{ const el = {_control(label)}; return el && (el.tagName !== 'SELECT' "
        f"|| [...el.options].some((o) => o.value === {value!r})) ? el : null; }})()"
    )
    act = (
        "const proto = el instanceof HTMLSelectElement"
        " ? HTMLSelectElement.prototype : HTMLInputElement.prototype;"
        f"Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, {value!r});"
        f"el.dispatchEvent(new Event({event!r}, {{ bubbles: true }}));"
    )
    return target, act


def click_text(selector: str, text: str) -> tuple[str, str]:
    target = (
        f"[...document.querySelectorAll({selector!r})].find((e) => e.textContent.trim().startsWith({text!r}))"
    )
    return target, "el.click();"


Sample = tuple[str, str, tuple[str, str]]  # kind, the path loaded first, (the control, the change)


async def samples_for(api: httpx.AsyncClient, headers: dict[str, str], seed: int) -> list[Sample]:
    """(kind, path to load, (control, change)): one change each, every query different."""
    rng = random.Random(seed)
    total = (await api.get("/api/v1/livechat/rooms", params={"count": 1}, headers=headers)).json()["total"]
    picks = []
    for _ in range(4):
        offset = rng.randrange(max(total - 1, 1))
        res = await api.get("/api/v1/livechat/rooms", params={"count": 1, "offset": offset}, headers=headers)
        picks.append(res.json()["rooms"][0])
    departments = (await api.get("/api/v1/livechat/department", headers=headers)).json()["departments"]
    agents = (await api.get("/api/v1/livechat/users/agent", params={"count": 100}, headers=headers)).json()
    tags = (
        await api.get("/api/v1/livechat/rooms", params={"count": 1, "facets": "tag"}, headers=headers)
    ).json()
    tag_names = sorted(tags.get("facets", {}).get("tag", {}), key=lambda t: -tags["facets"]["tag"][t])
    out: list[Sample] = []
    base = "/current-chats"
    for status in ("Open", "Closed", "Queued", "On hold"):
        value = {"Open": "open", "Closed": "closed", "Queued": "queued", "On hold": "onhold"}[status]
        out.append(("status", base, set_value("Status", value, "change")))
    for d in departments[:4]:
        out.append(("department", base, set_value("Department", d["_id"], "change")))
    for a in agents.get("users", [])[:4]:
        out.append(("served by", base, set_value("Served by", a["_id"], "change")))
    for tag in tag_names[:4]:
        out.append(("tag", base, click_text(".cc-tag", tag)))
    for room in picks:
        name = (room.get("fname") or "ana").split()[0]
        out.append(("guest name", base, set_value("Guest", name, "input")))
    for room in picks:
        out.append(("started from", base, set_value("Started from", room["ts"][:10], "input")))
    for column in ("Guest", "Served by", "Messages", "Started"):
        out.append(("sort", base, click_text(".cc-sort", column)))
    for page in range(4):
        path = f"{base}?page={page}" if page else base
        out.append(("next page", path, click_text(".cc-paging button", "Next page")))
    return out


async def measure(
    browser: Any, url: str, samples: list[Sample], headers: dict[str, str]
) -> dict[str, list[float]]:
    context = await browser.new_context(
        viewport={"width": 1440, "height": 900}, locale="en-US", bypass_csp=True
    )
    await context.add_init_script(FETCH_WATCH)
    page = await context.new_page()
    await page.goto(f"{url}/")
    await page.get_by_label("Username or email").fill(ADMIN_USERNAME)
    await page.get_by_label("Password").fill(ADMIN_PASS)
    await page.get_by_role("button", name="Log in").click()
    await page.get_by_role("navigation", name="Desk").wait_for(timeout=60_000)
    out: dict[str, list[float]] = {}
    async with httpx.AsyncClient(base_url=url, timeout=120, headers=headers) as api:
        for kind, path, (target, act) in samples:
            await page.goto(f"{url}{path}")
            try:
                await page.wait_for_function(f"{LOADED} && !!({target})", timeout=60_000, polling="raf")
            except Exception as error:
                raise SystemExit(f"{kind}: the page at {path} never offered {target}") from error
            ms = await page.evaluate(UNTIL, [f"const el = {target}; {act}", NEW_RESULT])
            shown = await page.locator(".cc-paging [role=status]").inner_text()
            last = await page.evaluate("window.__rooms.last")
            want = (await api.get(last)).json()["total"]
            got = int(shown.rsplit(" of ", 1)[1].replace(",", ""))
            assert got == want, f"{kind}: the page shows {shown!r}, the API totals {want} for {last}"
            out.setdefault(kind, []).append(ms)
            # what the change asked besides (the facets) is answered before the next sample, so no sample
            # shares the server with the one before it
            await page.wait_for_function("window.__rooms.allDone === window.__rooms.all", timeout=300_000)
    await context.close()
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def run(db: Path, seed: int) -> tuple[dict[str, list[float]], int]:
    from playwright.async_api import async_playwright

    port = free_port()
    server = start_server(db, port)
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=url, timeout=120) as api:
            data = (
                await api.post("/api/v1/login", json={"user": ADMIN_USERNAME, "password": ADMIN_PASS})
            ).json()
            headers = {"X-User-Id": data["data"]["userId"], "X-Auth-Token": data["data"]["authToken"]}
            total = (await api.get("/api/v1/livechat/rooms", params={"count": 1}, headers=headers)).json()[
                "total"
            ]
            samples = await samples_for(api, headers, seed)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            try:
                return await measure(browser, url, samples, headers), total
            finally:
                await browser.close()
    finally:
        stop_server(server)


def table(results: dict[str, list[float]], baseline: dict[str, list[float]] | None) -> None:
    head = "| change | n | p50 ms | p95 ms | worst ms | ≤ 1 s |"
    print(head + (" baseline p50 ms | ratio |" if baseline else ""))
    print("|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if baseline else ""))
    rows = [*results.items(), ("all", [v for vs in results.values() for v in vs])]
    base_all = [v for vs in baseline.values() for v in vs] if baseline else []
    for kind, values in rows:
        median = statistics.median(values)
        line = (
            f"| {kind} | {len(values)} | {median:.0f} | {p95(values):.0f} | {max(values):.0f} "
            f"| {sum(v <= 1000 for v in values)}/{len(values)} |"
        )
        if baseline:
            other = base_all if kind == "all" else baseline.get(kind, [])
            if other:
                line += f" {statistics.median(other):.0f} | {median / statistics.median(other):.1f} |"
            else:
                line += " – | – |"
        print(line)


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="the large database (a copy: it is migrated)")
    parser.add_argument("--baseline-db", type=Path, help="a small database measured the same way, same run")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    baseline = None
    if args.baseline_db:
        baseline, base_total = await run(args.baseline_db, args.seed)
        print(f"baseline: {base_total:,} rooms")
    results, total = await run(args.db, args.seed)
    print(f"\nCurrent Chats on {total:,} rooms (SQLite): from a change to the new table and total")
    table(results, baseline)


if __name__ == "__main__":
    asyncio.run(main())
