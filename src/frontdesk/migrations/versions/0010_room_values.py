"""room values: names and custom-field values with their counts, so roomName and customFields filters
read an index instead of every room

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BATCH = 5000


def _vkey(value: str) -> str:  # store.room_values.value_key, as of this revision
    return value if len(value) <= 200 else value[:160] + "\x1f" + hashlib.sha256(value.encode()).hexdigest()


def _values(
    fname_lc: str | None, doc: str
) -> dict[str, str]:  # store.room_values.values_of, as of this revision
    out: dict[str, str] = {}
    if fname_lc is not None:
        out["name"] = fname_lc
    data = orjson.loads(doc).get("livechatData")
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and key and "." not in key and len(key) <= 200 and isinstance(value, str):
                out["cf:" + key] = value
    return out


def upgrade() -> None:
    op.create_table(
        "room_values",
        sa.Column("room_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("vkey", sa.Text(), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_room_values_room_id_rooms"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("room_id", "kind", name=op.f("pk_room_values")),
    )
    op.create_table(
        "room_value_counts",
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("vkey", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "vkey", name=op.f("pk_room_value_counts")),
    )
    bind = op.get_bind()
    values = sa.table(
        "room_values", sa.column("room_id"), sa.column("kind"), sa.column("vkey"), sa.column("ts")
    )
    counts: Counter[tuple[str, str]] = Counter()
    texts: dict[tuple[str, str], str] = {}
    last = ""
    while True:
        rows = bind.execute(
            sa.text("SELECT id, ts, fname_lc, doc FROM rooms WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        batch: list[dict[str, Any]] = []
        for room_id, ts, fname_lc, doc in rows:
            for kind, value in _values(fname_lc, doc).items():
                vkey = _vkey(value)
                batch.append({"room_id": room_id, "kind": kind, "vkey": vkey, "ts": ts})
                counts[kind, vkey] += 1
                texts[kind, vkey] = value
        if batch:
            bind.execute(sa.insert(values), batch)
        last = rows[-1][0]
    table = sa.table(
        "room_value_counts", sa.column("kind"), sa.column("vkey"), sa.column("value"), sa.column("n")
    )
    found = [{"kind": k, "vkey": v, "value": texts[k, v], "n": n} for (k, v), n in sorted(counts.items())]
    for start in range(0, len(found), _BATCH):
        bind.execute(sa.insert(table), found[start : start + _BATCH])
    op.create_index("ix_room_values_kind_vkey_ts", "room_values", ["kind", "vkey", "ts", "room_id"])


def downgrade() -> None:
    op.drop_index("ix_room_values_kind_vkey_ts", table_name="room_values")
    op.drop_table("room_value_counts")
    op.drop_table("room_values")
