"""Every difference between SQLite and PostgreSQL lives here."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (
    Column,
    Numeric,
    String,
    Table,
    Text,
    case,
    cast,
    event,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from frontdesk import mongo_order
from frontdesk.db import changes
from frontdesk.regex_i import search_i


def change_signal(engine: AsyncEngine) -> changes.ChangeSignal:
    """How processes sharing this database learn of each other's commits (see db/changes.py)."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        path = url.database or ""
        if not path or path == ":memory:" or path.startswith("file:"):
            return changes.LocalSignal()
        return changes.FileSignal(Path(path + "-changes"))
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    return changes.NotifySignal(dsn)


# On a session opened with Database.session(lock_late=True): the coroutine that takes SQLite's
# in-process write lock (PostgreSQL's row locks need none).
LOCK_WRITES = "frontdesk.lock_writes"


async def lock_writes(db: AsyncSession) -> None:
    """Before a session's first change: wait for the right to write (only a late-locking SQLite session
    waits here; any other already has it, or locks rows as it goes)."""
    take = db.info.get(LOCK_WRITES)
    if take is not None:
        await take()


def is_sqlite(engine: AsyncEngine | Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_regexp(pattern: str | None, value: Any) -> bool:
    # RE2: linear in the value whatever the pattern (regex_i)
    return pattern is not None and search_i(pattern, value)


def configure_sqlite(engine: AsyncEngine) -> None:
    """WAL so readers never wait for the writer; a busy timeout instead of 'database is locked'."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA cache_size=-65536")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()
        dbapi_conn.create_function("regexp_i", 2, _sqlite_regexp, deterministic=True)


def _sqlite_path(path: list[str]) -> str:
    return "$" + "".join('."' + p.replace('"', '""') + '"' for p in path)


def _pg_path(path: list[str]) -> ColumnElement[Any]:
    text_array = "{" + ",".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in path) + "}"
    return literal_column("'" + text_array.replace("'", "''") + "'")


def _pg_value(doc_column: Any, path: list[str]) -> ColumnElement[Any]:
    """The JSON value at `path` (jsonb); the TEXT column is parsed per row, never stored as jsonb."""
    return cast(doc_column, JSONB).op("#>", return_type=JSONB)(_pg_path(path))


def json_text(doc_column: Any, path: list[str], dialect_name: str) -> ColumnElement[Any]:
    """The value at `path` inside a JSON text column, as text (missing gives NULL)."""
    if dialect_name == "sqlite":
        return func.json_extract(doc_column, _sqlite_path(path))
    return cast(doc_column, JSONB).op("#>>", return_type=Text)(_pg_path(path))


def json_string(doc_column: Any, path: list[str], dialect_name: str) -> ColumnElement[Any]:
    """The value at `path` when it is a JSON string, else NULL (MongoDB's regex matches strings only)."""
    if dialect_name == "sqlite":
        json_path = _sqlite_path(path)
        is_text = func.json_type(doc_column, json_path) == "text"
        return case((is_text, func.json_extract(doc_column, json_path)), else_=null())
    is_string = func.jsonb_typeof(_pg_value(doc_column, path)) == "string"
    return case((is_string, json_text(doc_column, path, dialect_name)), else_=null())


# SQLite's json_type names, as the JSON types mongo_order ranks (a JSON null sorts as a missing value)
_SQLITE_TYPES = {"integer": "number", "real": "number", "text": "string", "object": "object",
                 "array": "array", "false": "boolean", "true": "boolean"}  # fmt: skip


def _rank(kind: ColumnElement[Any], names: dict[str, str]) -> ColumnElement[Any]:
    """mongo_order's type rank of a JSON value, NULL for null and missing (they sort first ascending)."""
    ranks = [(kind == name, mongo_order.TYPE_RANKS[json_type]) for name, json_type in names.items()]
    return case(*(when for when in ranks if when[1] != mongo_order.NULL), else_=null())


def json_sort_keys(doc_column: Any, path: list[str], dialect_name: str) -> list[ColumnElement[Any]]:
    """ORDER BY keys for a value inside the JSON document, in MongoDB's order (frontdesk.mongo_order):
    by type, then by value."""
    if dialect_name == "sqlite":
        json_path = _sqlite_path(path)
        rank = _rank(func.json_type(doc_column, json_path), _SQLITE_TYPES)
        # within one rank SQLite's own comparison is right: numbers numerically, text bytewise, false < true
        return [rank, func.json_extract(doc_column, json_path)]
    value = _pg_value(doc_column, path)
    kind = func.jsonb_typeof(value)
    rank = _rank(kind, {name: name for name in mongo_order.TYPE_RANKS})
    text = value.op("#>>", return_type=Text)(literal_column("'{}'"))
    number = case(
        (kind == "number", cast(text, Numeric)),
        (kind == "boolean", case((text == "true", 1), else_=0)),
        else_=null(),
    )
    return [rank, number, case((kind.in_(["string", "object", "array"]), text), else_=null())]


def contains_text(column: Any, needle: str, dialect_name: str) -> ColumnElement[bool]:
    """Whether a text column holds `needle` verbatim (a plain substring search, no pattern)."""
    if dialect_name == "sqlite":
        return func.instr(column, needle) > 0
    return func.strpos(column, needle) > 0


# Up to this many values, `IN (:v1, :v2, ...)`: each value is a parameter the planner sees. Past it, the
# values travel as one parameter (a JSON array on SQLite, a text[] on PostgreSQL), so any number fits
# within the engines' parameter limits and the statement stays the same size.
_LISTED_VALUES = 32


def in_values(column: Any, values: Sequence[str], dialect_name: str) -> ColumnElement[bool]:
    """`column IN values` for any number of strings (none: false)."""
    if len(values) <= _LISTED_VALUES:
        return column == values[0] if len(values) == 1 else column.in_(list(values))
    if dialect_name == "sqlite":
        each = func.json_each(literal(orjson.dumps(list(values)).decode())).table_valued("value")
        return column.in_(select(each.c.value))
    return column.in_(select(func.unnest(literal(list(values), ARRAY(Text)))))


def order_nulls(column: ColumnElement[Any], descending: bool, dialect_name: str) -> Any:
    """Missing values sort first ascending and last descending, as in MongoDB.

    Strings compare bytewise on both engines (MongoDB's and SQLite's order), whatever collation the
    PostgreSQL database was created with.
    """
    if dialect_name != "sqlite" and isinstance(column.type, String):
        column = column.collate("C")
    expression = getattr(column, "expression", column)
    if isinstance(expression, Column) and not expression.nullable:
        # no NULLs to place: a plain direction lets PostgreSQL read the order off an index
        return column.desc() if descending else column.asc()
    if descending:
        expr = column.desc()
        return expr if dialect_name == "sqlite" else expr.nulls_last()
    expr = column.asc()
    return expr if dialect_name == "sqlite" else expr.nulls_first()


def upsert_add(table: Table, rows: list[dict[str, Any]], key: list[str], add: str, dialect_name: str) -> Any:
    """INSERT the rows; where a key already exists, add the new value of `add` to the stored one.

    One atomic statement on both engines (row-locked on PostgreSQL), so concurrent writers stay exact.
    """
    build: Any = sqlite_insert if dialect_name == "sqlite" else pg_insert
    stmt = build(table).values(rows)
    return stmt.on_conflict_do_update(index_elements=key, set_={add: table.c[add] + stmt.excluded[add]})


async def insert_many(
    db: AsyncSession, table: Table, columns: Sequence[str], values: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT rows given as tuples in `columns` order, as one executemany.

    SQLite: straight to the driver, as SQLAlchemy's per-row parameter handling costs more than SQLite's
    own insert (the values are already what the driver stores: str, int, float, bool, None).
    PostgreSQL: a Core insert, which asyncpg sends in batches.
    """
    if not values:
        return
    if db.get_bind().dialect.name == "sqlite":
        quote = db.get_bind().dialect.identifier_preparer.quote
        names = ", ".join(quote(c) for c in columns)
        sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join('?' * len(columns))})"
        await (await db.connection()).exec_driver_sql(sql, list(values))
        return
    await db.execute(insert(table), [dict(zip(columns, v, strict=True)) for v in values])


async def relax_for_bulk_load(db: AsyncSession) -> None:
    """SQLite, for a bulk load on this session's connection only: no fsync, a 1 GiB page cache, and a
    checkpoint every 64 MiB of log rather than every 4 MiB (pages that several transactions change,
    such as the leaves of an index on random ids, are then copied into the database once).

    An application crash still leaves a consistent database (WAL); an OS crash during the load, or
    before the OS has written it out, may not, which is acceptable for generated demo data. Only the
    loader's own connections are relaxed, and they are closed when the load ends.
    """
    if db.get_bind().dialect.name == "sqlite":
        conn = await db.connection()
        await conn.exec_driver_sql("PRAGMA synchronous=OFF")
        await conn.exec_driver_sql("PRAGMA cache_size=-1048576")
        await conn.exec_driver_sql("PRAGMA wal_autocheckpoint=16384")


@asynccontextmanager
async def indexes_deferred(engine: AsyncEngine, names: Sequence[str]) -> AsyncIterator[None]:
    """SQLite: drop the named indexes for a bulk load and build them again after it.

    Building an index once by sorting is far cheaper than a million inserts at random places in it.
    The statements are read back from the schema, so the rebuilt indexes are exactly the migrations'
    (constraint indexes, such as primary keys, have none and are never dropped). They are rebuilt
    whether the load ends or fails; a killed process leaves them in deferred_indexes, whose statements
    restore_deferred_indexes runs at the next start or `frontdesk migrate`. PostgreSQL: nothing.
    """
    if engine.dialect.name != "sqlite" or not names:
        yield
        return
    quote = engine.dialect.identifier_preparer.quote
    query = (
        "SELECT name, sql FROM sqlite_master"
        f" WHERE type = 'index' AND sql IS NOT NULL AND name IN ({', '.join('?' * len(names))})"
    )
    async with engine.begin() as conn:
        found = (await conn.exec_driver_sql(query, tuple(names))).all()
        indexes = [(str(row.name), str(row.sql)) for row in found]
        for name, sql in indexes:
            await conn.exec_driver_sql("INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)", (name, sql))
            await conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
    try:
        yield
    finally:
        async with engine.begin() as conn:
            await restore_deferred_indexes(conn)


async def restore_deferred_indexes(conn: AsyncConnection) -> None:
    """Build every index that indexes_deferred dropped and has not built again yet (in this
    transaction, which also forgets them). PostgreSQL never defers one."""
    if conn.dialect.name != "sqlite":
        return
    rows = (await conn.exec_driver_sql("SELECT name, sql FROM deferred_indexes ORDER BY name")).all()
    for name, sql in ((str(row.name), str(row.sql)) for row in rows):
        await conn.exec_driver_sql(re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX IF NOT EXISTS ", sql))
        await conn.exec_driver_sql("DELETE FROM deferred_indexes WHERE name = ?", (name,))


# pg_advisory_xact_lock key for schema migrations (any constant that no other lock uses)
MIGRATION_LOCK = 0x46524F4E544445  # "FRONTDE"


async def lock_for_migration(conn: AsyncConnection) -> None:
    """Hold off other processes' migrations until this transaction ends.

    PostgreSQL: a transaction-scoped advisory lock. SQLite needs none: its writers are serialised by
    the database file's lock, and only one process serves a SQLite file.
    """
    if conn.dialect.name != "sqlite":
        await conn.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK)))


def json_object_agg(key: Any, value: Any, dialect_name: str) -> ColumnElement[Any]:
    """The rows' (key, value) pairs as one JSON object, in text ('{}' when there are none)."""
    if dialect_name == "sqlite":
        return func.json_group_object(key, value)
    return func.coalesce(cast(func.json_object_agg(key, value), Text), "{}")


async def bound_statement_time(db: AsyncSession, milliseconds: int) -> None:
    """PostgreSQL: cancel any statement of this transaction that runs longer (SET LOCAL ends with it).
    SQLite runs each statement in its driver's thread, so a slow one never holds the event loop."""
    if db.get_bind().dialect.name != "sqlite":
        await db.execute(text(f"SET LOCAL statement_timeout = {int(milliseconds)}"))


def is_statement_timeout(exc: BaseException) -> bool:
    """Whether a database error is PostgreSQL cancelling a statement past its statement_timeout."""
    return isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) == "57014"
