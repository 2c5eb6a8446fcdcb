"""load_demo: what `frontdesk demo` does, in batches of one transaction each, with a progress bar."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from tqdm import tqdm

from frontdesk import markdown
from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db.engine import Database
from frontdesk.demo.cast import Cast, ensure_cast
from frontdesk.demo.randomness import DemoRandom
from frontdesk.demo.rooms import Batch, RoomGenerator
from frontdesk.services import settings as settings_service
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import messages as message_store
from frontdesk.store import rooms as room_store
from frontdesk.store import settings as settings_store
from frontdesk.store import visitors as visitor_store

BATCH_ROOMS = 5_000
DAY_MS = 86_400_000
HISTORY_DAYS = 180
GUEST_COUNTER = "Livechat_guest_count"
# From this size on, two processes take turns (one generates while the other writes), and chats are shorter.
PARALLEL_FROM = 50_000
LARGE = 200_000


@dataclass(frozen=True)
class Plan:
    """Everything a batch depends on; batch i is the same whichever process makes it, so a seed is a seed."""

    seed: int
    guest_base: int
    now_ms: int
    rooms: int
    cast: Cast
    max_replies: int

    def batches(self) -> range:
        return range((self.rooms + BATCH_ROOMS - 1) // BATCH_ROOMS)


def generate_batch(plan: Plan, index: int) -> Batch:
    first = index * BATCH_ROOMS
    generator = RoomGenerator(
        DemoRandom(f"{plan.seed}:{plan.guest_base}:{index}"),
        plan.cast,
        start_ms=plan.now_ms - HISTORY_DAYS * DAY_MS,
        end_ms=plan.now_ms - 3_600_000,
        total=plan.rooms,
        guest_base=plan.guest_base + first,  # at most one new visitor per room
        parse_md=markdown.parse,
        max_replies=plan.max_replies,
    )
    return generator.batch(first, min(BATCH_ROOMS, plan.rooms - first))


async def _write(session: AsyncSession, batch: Batch) -> Counter[str]:
    await visitor_store.insert_visitors(session, batch.visitors)
    await room_store.insert_rooms(session, batch.rooms)
    await message_store.insert_messages(session, batch.messages)
    await inquiry_store.insert_inquiries(session, batch.inquiries)
    done = Counter(batch.states)
    done.update(rooms=len(batch.rooms), visitors=len(batch.visitors), messages=len(batch.messages))
    return done


async def _generate_and_write(settings: Settings, plan: Plan, index: int) -> Counter[str]:
    db = Database(settings)
    try:
        batch = generate_batch(plan, index)
        async with db.session() as session:
            return await _write(session, batch)
    finally:
        await db.dispose()


def _worker(settings_values: dict[str, Any], plan: Plan, index: int) -> Counter[str]:
    """One batch in a worker process; SQLite's busy timeout makes the writers take turns."""
    return asyncio.run(_generate_and_write(Settings(**settings_values), plan, index))


async def load_demo(
    settings: Settings, rooms: int, seed: int = 1, *, now_ms: int | None = None, progress: bool = True
) -> None:
    """Add `rooms` rooms spread over the last 180 days (ending at now_ms) plus the staff they need.

    The same seed on the same database state (and the same now_ms) gives the same documents. On a
    database that already holds demo data, the agents and departments are reused and the rooms added.
    """
    started = time.monotonic()
    now = now_ms if now_ms is not None else Clock().now_ms()
    db = Database(settings)
    try:
        async with db.session() as session:
            cast = await ensure_cast(session, now, settings.BCRYPT_ROUNDS)
            # Reserve one guest number per room, so usernames never repeat across runs.
            guest_base = int(await settings_service.get_value(session, GUEST_COUNTER))
            await settings_store.set_value(session, GUEST_COUNTER, guest_base + rooms, now)
        plan = Plan(seed, guest_base, now, rooms, cast, max_replies=3 if rooms >= LARGE else 4)
        totals: Counter[str] = Counter()
        with tqdm(total=rooms, unit="room", unit_scale=True, disable=not progress, smoothing=0.1) as bar:
            workers = min(2, os.cpu_count() or 1)
            if rooms >= PARALLEL_FROM and workers > 1 and settings.is_sqlite:
                await db.dispose()  # the workers write; this process only waits
                await _run_parallel(settings, plan, workers, totals, bar)
            else:
                for index in plan.batches():
                    batch = generate_batch(plan, index)
                    async with db.session() as session:
                        done = await _write(session, batch)
                    totals.update(done)
                    bar.update(done["rooms"])
        _print_summary(totals, cast, time.monotonic() - started)
    finally:
        await db.dispose()


async def _run_parallel(settings: Settings, plan: Plan, workers: int, totals: Counter[str], bar: Any) -> None:
    loop = asyncio.get_running_loop()
    values = settings.model_dump()
    # spawn, not fork: this process has an event loop and database threads that must not be copied.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [loop.run_in_executor(pool, _worker, values, plan, index) for index in plan.batches()]
        for future in asyncio.as_completed(futures):
            done = await future
            totals.update(done)
            bar.update(done["rooms"])


def _print_summary(totals: Counter[str], cast: Cast, seconds: float) -> None:
    states = ", ".join(
        f"{totals[name]} {name}" for name in ("closed", "closed unserved", "open", "on hold", "queued")
    )
    print(f"\nLoaded {totals['rooms']} rooms in {seconds:.1f} s: {states}.")
    print(f"{totals['visitors']} new visitors, {totals['messages']} messages.")
    print(f"Agents: {', '.join(a['username'] for a in cast.agents)}")
    print(f"Departments: {', '.join(d.name for d in cast.departments)}")
    by_password: dict[str, list[str]] = {}
    for username, password in cast.passwords.items():
        by_password.setdefault(password, []).append(username)
    for password, usernames in by_password.items():
        print(f"  password for {', '.join(usernames)}: {password}")
    if not cast.passwords:
        print("Staff accounts already existed; their passwords are unchanged.")
