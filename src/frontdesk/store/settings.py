"""Queries on stored settings."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.db.memo import remembered
from frontdesk.models.settings import Setting

SettingValue: TypeAlias = Any  # a setting's JSON value: a boolean, a number or a string


async def get_values(db: AsyncSession, ids: list[str]) -> dict[str, SettingValue]:
    async def read() -> dict[str, SettingValue]:
        rows = (await db.execute(select(Setting.id, Setting.value).where(Setting.id.in_(ids)))).all()
        return {r[0]: r[1] for r in rows}

    return dict(await remembered(db, ("settings", tuple(ids)), read))


async def set_value(db: AsyncSession, setting_id: str, value: SettingValue, now: int) -> None:
    row = await db.get(Setting, setting_id)
    if row is None:
        db.add(Setting(id=setting_id, value=value, updated_at=now))
    else:
        row.value = value
        row.updated_at = now
    await db.flush()


async def next_counter(db: AsyncSession, setting_id: str, start: int, now: int) -> int:
    """Return the counter's value and store value + 1, with the row locked so each caller gets its own."""
    row = (await db.execute(select(Setting).where(Setting.id == setting_id).with_for_update())).scalar()
    if row is None:
        db.add(Setting(id=setting_id, value=start + 1, updated_at=now))
        await db.flush()
        return start
    value = int(row.value)
    row.value = value + 1
    row.updated_at = now
    await db.flush()
    return value
