"""load_demo: what `frontdesk demo` does, in batches (made by worker processes for big SQLite loads)."""

from __future__ import annotations

import asyncio
import gc
import itertools
import multiprocessing
import os
import secrets
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tqdm import tqdm

from frontdesk import markdown
from frontdesk.clock import Clock
from frontdesk.config import Settings
from frontdesk.db import dialect
from frontdesk.db.engine import Database
from frontdesk.demo.cast import Cast, ensure_cast
from frontdesk.demo.randomness import DemoRandom
from frontdesk.demo.rooms import Batch, RoomGenerator
from frontdesk.demo.rows import BatchRows, batch_rows, write_rows
from frontdesk.services import settings as settings_service
from frontdesk.store import room_counts
from frontdesk.store import settings as settings_store

BATCH_ROOMS = 5_000
DAY_MS = 86_400_000
HISTORY_DAYS = 180
GUEST_COUNTER = "Livechat_guest_count"
# From this size on (SQLite), worker processes generate the batches and this one writes them.
PARALLEL_FROM = 50_000
# The writer needs about two thirds of a generator's time per batch: more would queue behind it.
MAX_WORKERS = 2
IN_FLIGHT_PER_WORKER = 2
# Indexes whose keys come in random order (ids, tokens, names): a big load builds them at the end
# instead of inserting into them at random; the others grow at their end and are cheap to keep.
DEFERRED_INDEXES = (
    "ix_messages_rid_ts",
    "ix_rooms_visitor_id",
    "ix_rooms_visitor_token",
    "ix_rooms_fname",
    "ix_visitors_email",
    "ix_room_values_kind_vkey_ts",
)
# From this size on, chats are shorter: after the opener, the answer and at most one more message.
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
    batch_rooms: int = BATCH_ROOMS

    def batches(self) -> range:
        return range((self.rooms + self.batch_rooms - 1) // self.batch_rooms)


def generate_batch(plan: Plan, index: int) -> Batch:
    first = index * plan.batch_rooms
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
    return generator.batch(first, min(plan.batch_rooms, plan.rooms - first))


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """For the demo's batches: some hundred thousand dicts, lists and tuples without cycles, freed by
    reference counting; collections while they exist would only walk them (a fifth of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _batch_rows(plan: Plan, index: int) -> BatchRows:
    """One batch generated and turned into rows (in a worker process: only the writing is left to do)."""
    with _without_cycle_collector():
        return batch_rows(generate_batch(plan, index))


async def load_demo(
    settings: Settings,
    rooms: int,
    seed: int = 1,
    *,
    now_ms: int | None = None,
    progress: bool = True,
    batch_rooms: int = BATCH_ROOMS,
    parallel_from: int = PARALLEL_FROM,
    password: str | None = None,
) -> Cast:
    """Add `rooms` rooms spread over the last 180 days (ending at now_ms) plus the staff they need.

    The staff's password is `password`, or a new random one (printed at the end with the URLs to try).

    The same seed on the same database state (and the same now_ms) gives the same documents, whether
    the batches are made in worker processes or not. On a database that already holds demo data, the
    agents and departments are reused and the rooms added. (Tests make small batches parallel.)
    """
    started = time.monotonic()
    now = now_ms if now_ms is not None else Clock().now_ms()
    db = Database(settings)
    try:
        async with db.session() as session:
            cast = await ensure_cast(
                session, now, settings.BCRYPT_ROUNDS, password or secrets.token_urlsafe(9)
            )
            # Reserve one guest number per room, so usernames never repeat across runs.
            guest_base = int(await settings_service.get_value(session, GUEST_COUNTER))
            await settings_store.set_value(session, GUEST_COUNTER, guest_base + rooms, now)
            existing = await room_counts.total(session, None, None, None)
        plan = Plan(seed, guest_base, now, rooms, cast, 2 if rooms >= LARGE else 4, batch_rooms)
        workers = min(os.cpu_count() or 1, MAX_WORKERS)
        parallel = rooms >= parallel_from and workers > 1 and settings.is_sqlite
        # Building an index again costs about as much as the rows already there; pays for a big load.
        deferred = DEFERRED_INDEXES if parallel and rooms >= existing else ()
        totals: Counter[str] = Counter()
        with tqdm(total=rooms, unit="room", unit_scale=True, disable=not progress, smoothing=0.1) as bar:
            async with dialect.indexes_deferred(db.engine, deferred):
                if parallel:
                    await _run_parallel(db, plan, workers, totals, bar)
                else:
                    await _run_serial(db, plan, totals, bar)
        _print_summary(totals, cast, time.monotonic() - started, settings.ROOT_URL)
    finally:
        await db.dispose()
    return cast


async def _run_serial(db: Database, plan: Plan, totals: Counter[str], bar: Any) -> None:
    for index in plan.batches():
        rows = _batch_rows(plan, index)
        async with db.session() as session:
            done = await write_rows(session, rows)
        totals.update(done)
        bar.update(done["rooms"])


async def _run_parallel(db: Database, plan: Plan, workers: int, totals: Counter[str], bar: Any) -> None:
    """Every core generates batches; this process writes them as they come.

    SQLite has one writer, and the rows arrive ready to insert, so the write lock is held only for the
    inserts. A few batches are in flight at a time, enough to keep the writer busy and memory bounded.
    """
    loop = asyncio.get_running_loop()
    indexes = iter(plan.batches())

    def submit(count: int) -> set[asyncio.Future[BatchRows]]:
        batches = itertools.islice(indexes, count)
        return {loop.run_in_executor(pool, _batch_rows, plan, index) for index in batches}

    # spawn, not fork: this process has an event loop and database threads that must not be copied.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=spawn) as pool, _without_cycle_collector():
        pending = submit(IN_FLIGHT_PER_WORKER * workers)
        while pending:
            finished, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            pending |= submit(len(finished))
            # the batches that came in while the last write ran go in one transaction: the index
            # pages they share (rows with random keys change them all over) are then written once
            async with db.session() as session:
                await dialect.relax_for_bulk_load(session)
                written = [await write_rows(session, future.result()) for future in finished]
            for done in written:
                totals.update(done)
                bar.update(done["rooms"])


def _print_summary(totals: Counter[str], cast: Cast, seconds: float, root_url: str) -> None:
    states = ", ".join(
        f"{totals[name]} {name}" for name in ("closed", "closed unserved", "open", "on hold", "queued")
    )
    root = root_url.rstrip("/")
    print(f"\nLoaded {totals['rooms']} rooms in {seconds:.1f} s: {states}.")
    print(f"{totals['visitors']} new visitors, {totals['messages']} messages.")
    print(f"Departments: {', '.join(d.name for d in cast.departments)}")
    links = (
        (f"{root}/", "the desk (or the start page)"),
        (f"{root}/livechat?mode=popout", "the visitor widget: start a chat"),
        (f"{root}/api/docs", "the API, to try with a login below"),
    )
    width = max(len(url) for url, _ in links)
    print("\nTry it (start the server with `make run` or `frontdesk serve`):")
    for url, what in links:
        print(f"  {url:<{width}}  {what}")
    print("\nOn duty now, each receives the chats of a department:")
    for department, username in cast.on_duty.items():
        print(f"  {username:<18} {department}")
    print(f"  {cast.manager:<18} manager: sees every room")
    print(f"Password of every demo account: {cast.password}")
