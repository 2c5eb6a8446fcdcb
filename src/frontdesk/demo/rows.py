"""A generated batch as the rows the stores write: built where it is generated, written by one writer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import cast

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.demo.rooms import Batch
from frontdesk.documents import InquiryDoc, MessageDoc, VisitorDoc
from frontdesk.store import inquiries as inquiry_store
from frontdesk.store import messages as message_store
from frontdesk.store import rooms as room_store
from frontdesk.store import visitors as visitor_store
from frontdesk.store.documents import Rows


@dataclass(frozen=True)
class BatchRows:
    """Everything one transaction inserts, with the derived columns computed by the stores' own code."""

    visitors: Rows
    rooms: room_store.NewRooms
    messages: Rows
    inquiries: Rows
    done: Counter[str]  # rooms per state, and how many rooms, visitors and messages


def batch_rows(batch: Batch) -> BatchRows:
    done = Counter(batch.states)
    done.update(rooms=len(batch.rooms), visitors=len(batch.visitors), messages=len(batch.messages))
    return BatchRows(
        # the generator writes Rocket.Chat's JSON, widget-only fields included, as plain dicts
        visitors=visitor_store.visitor_rows(cast(list[VisitorDoc], batch.visitors)),
        rooms=room_store.new_rooms(batch.rooms),
        messages=message_store.message_rows(cast(list[MessageDoc], batch.messages)),
        inquiries=inquiry_store.inquiry_rows(cast(list[InquiryDoc], batch.inquiries)),
        done=done,
    )


async def write_rows(session: AsyncSession, rows: BatchRows) -> Counter[str]:
    await visitor_store.insert_visitor_rows(session, rows.visitors)
    await room_store.insert_new_rooms(session, rows.rooms)
    await message_store.insert_message_rows(session, rows.messages)
    await inquiry_store.insert_inquiry_rows(session, rows.inquiries)
    return rows.done
