"""settings.public: the settings Rocket.Chat lets anyone read, without logging in."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from frontdesk.documents import PublicSetting
from frontdesk.services.access import public
from frontdesk.services.pagination import ListPage, ListQuery, page_of, read_list_query
from frontdesk.services.settings import DEFINITIONS, get_values


@public("settings marked public: Rocket.Chat's clients read them before anyone logs in")
async def list_public_settings(db: AsyncSession, ids: list[str], query: ListQuery) -> ListPage[PublicSetting]:
    """The public settings (those asked for, when `_id` lists some), by id unless sorted otherwise."""
    paging, sort = await read_list_query(db, query, [("_id", 1)])
    wanted = [i for i, d in DEFINITIONS.items() if d.public and (not ids or i in ids)]
    values = await get_values(db, wanted)
    rows: list[PublicSetting] = [{"_id": i, "value": values[i]} for i in wanted]
    return page_of(rows, paging, sort)
