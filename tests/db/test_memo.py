"""ReadMemo: read transactions remember small results until anything is committed."""

from __future__ import annotations

from sqlalchemy import event

from frontdesk.config import Settings
from frontdesk.db.changes import NotifySignal
from frontdesk.db.engine import Database
from frontdesk.db.memo import ReadMemo
from frontdesk.store import settings as settings_store
from signals import Signal

KEY = "API_Default_Count"


def test_a_value_is_kept_only_if_nothing_was_committed_since_the_transaction_began() -> None:
    signal = Signal()
    memo = ReadMemo(signal)
    assert memo.get("k") == (False, None)
    memo.put("k", 1, started=0)
    assert memo.get("k") == (True, 1)
    signal.value = 1
    assert memo.get("k") == (False, None)
    memo.put("k", 2, started=0)  # read in a transaction that began before the commit
    assert memo.get("k") == (False, None)
    memo.put("k", 3, started=1)
    assert memo.get("k") == (True, 3)


async def _read(db: Database) -> int:
    async with db.session(write=False) as session:
        return int((await settings_store.get_values(session, [KEY]))[KEY])


async def test_reads_remember_and_a_commit_forgets(settings: Settings) -> None:
    db = Database(settings)
    statements: list[str] = []
    await db.changes.start()
    try:
        if isinstance(db.changes, NotifySignal):  # until it listens, nothing is remembered
            assert await db.changes.wait_listening(5)
        async with db.session() as session:
            await settings_store.set_value(session, KEY, 20, 0)

        @event.listens_for(db.engine.sync_engine, "before_cursor_execute")
        def _count(_c: object, _cur: object, statement: str, *_args: object) -> None:
            if "FROM settings" in statement:
                statements.append(statement)

        assert await _read(db) == 20
        assert await _read(db) == 20
        assert len(statements) == 1
        async with db.session() as session:
            await settings_store.set_value(session, KEY, 30, 0)
            # a write transaction reads what it has just written, never the memo
            assert (await settings_store.get_values(session, [KEY]))[KEY] == 30
        assert await _read(db) == 30
    finally:
        await db.dispose()
