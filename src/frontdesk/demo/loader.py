"""load_demo: what `frontdesk demo` does, in batches of one transaction each, with a progress bar."""

from __future__ import annotations

import time
from collections import Counter

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
            guest_base = int(await settings_service.get_value(session, GUEST_COUNTER))
        # A later run starts after the guests of earlier ones, and draws a different stream.
        rand = DemoRandom(f"{seed}:{guest_base}")
        generator = RoomGenerator(
            rand,
            cast,
            start_ms=now - HISTORY_DAYS * DAY_MS,
            end_ms=now - 3_600_000,
            total=rooms,
            guest_base=guest_base,
            parse_md=markdown.parse,
        )
        totals: Counter[str] = Counter()
        with tqdm(total=rooms, unit="room", unit_scale=True, disable=not progress, smoothing=0.1) as bar:
            for first in range(0, rooms, BATCH_ROOMS):
                count = min(BATCH_ROOMS, rooms - first)
                batch = generator.batch(first, count)
                async with db.session() as session:
                    await _write(session, batch)
                    await settings_store.set_value(session, GUEST_COUNTER, generator.visitors.next_guest, now)
                totals.update(batch.states)
                totals.update(visitors=len(batch.visitors), messages=len(batch.messages))
                bar.update(count)
        _print_summary(rooms, totals, cast, time.monotonic() - started)
    finally:
        await db.dispose()


async def _write(session: AsyncSession, batch: Batch) -> None:
    await visitor_store.insert_visitors(session, batch.visitors)
    await room_store.insert_rooms(session, batch.rooms)
    await message_store.insert_messages(session, batch.messages)
    await inquiry_store.insert_inquiries(session, batch.inquiries)


def _print_summary(rooms: int, totals: Counter[str], cast: Cast, seconds: float) -> None:
    states = ", ".join(
        f"{totals[name]} {name}" for name in ("closed", "closed unserved", "open", "on hold", "queued")
    )
    print(f"\nLoaded {rooms} rooms in {seconds:.1f} s: {states}.")
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
