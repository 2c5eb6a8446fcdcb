"""The SQL sort keys of a path inside the room document order rooms as mongo_order does in Python."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from factories import insert_rooms, room_doc
from frontdesk.db.engine import Database
from frontdesk.services.pagination import sort_docs
from frontdesk.store import room_query
from frontdesk.store.room_filter import RoomFilter

T0 = 1_700_000_000_000
VALUES: list[Any] = [True, False, [1, 2], {"x": 1}, "é", "a", "Z9", "Z10", "B", 10, 2.5, 2, -1, None]


@pytest.mark.parametrize("direction", [1, -1])
async def test_sql_and_python_sorts_agree(db: Database, direction: int) -> None:
    docs = [
        room_doc(T0 + i, livechatData={"k": v} if v is not None else {"other": "x"})
        for i, v in enumerate(VALUES)
    ]
    await insert_rooms(db, docs)
    async with db.session(write=False) as session:
        rows, total = await room_query.read_page(
            session, RoomFilter(), [("livechatData.k", direction)], 0, 100
        )
    assert total == len(VALUES)
    from_sql = [orjson.loads(r[0])["_id"] for r in rows]
    in_python = [d["_id"] for d in sort_docs(docs, [("livechatData.k", direction)])]
    assert from_sql == in_python
