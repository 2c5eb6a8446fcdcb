"""Every difference between SQLite and PostgreSQL lives here."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event, func, literal_column
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.elements import ColumnElement


def is_sqlite(engine: AsyncEngine | Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_regexp(pattern: str | None, value: Any) -> bool:
    if pattern is None or value is None or not isinstance(value, str):
        return False
    try:
        return re.search(pattern, value, re.IGNORECASE) is not None
    except re.error:
        return False


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


def json_text(doc_column: Any, path: list[str], dialect_name: str) -> ColumnElement[Any]:
    """The value at `path` inside a JSON text column, as text (missing gives NULL)."""
    if dialect_name == "sqlite":
        json_path = "$" + "".join('."' + p.replace('"', '""') + '"' for p in path)
        return func.json_extract(doc_column, json_path)
    pg_path = "{" + ",".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in path) + "}"
    return doc_column.op("::jsonb #>>")(literal_column("'" + pg_path.replace("'", "''") + "'"))


def regex_match_i(value: Any, pattern: str, dialect_name: str) -> ColumnElement[bool]:
    """Case-insensitive regular-expression match, as MongoDB's /pattern/i."""
    if dialect_name == "sqlite":
        return func.regexp_i(pattern, value) == 1
    return value.op("~*")(pattern)


def order_nulls(column: ColumnElement[Any], descending: bool, dialect_name: str) -> Any:
    """Missing values sort first ascending and last descending, as in MongoDB."""
    if descending:
        expr = column.desc()
        return expr if dialect_name == "sqlite" else expr.nulls_last()
    expr = column.asc()
    return expr if dialect_name == "sqlite" else expr.nulls_first()
