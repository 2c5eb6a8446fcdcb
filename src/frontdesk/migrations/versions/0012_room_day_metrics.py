"""metric counters per creation day: the analytics routes' sums, averages and longest times, busiest hours,
and tag and source counts of a period, without reading the period's rooms

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_TIMINGS = ("response_avg", "response_ft", "reaction_ft", "chat_duration", "service_time", "waiting")
_EXTREMES = {
    "response_avg_max": "MAX(response_avg)",
    "reaction_ft_max": "MAX(reaction_ft)",
    "chat_duration_max": "MAX(chat_duration)",
    "response_ft_min": "MIN(response_ft)",
}

_COLUMNS = ["n", "msgs", "abandoned", "untagged", *(f"{t}_{p}" for t in _TIMINGS for p in ("sum", "n"))]


def _micros(value: str, sqlite: bool) -> str:
    """Seconds as whole microseconds, exactly as store/room_metric_values.py computes them."""
    scaled = f"CAST({value} AS {'REAL' if sqlite else 'DOUBLE PRECISION'}) * 1000000 + 0.5"
    return f"CAST({scaled} AS INTEGER)" if sqlite else f"CAST(trunc({scaled}) AS BIGINT)"


def _json(path: str, sqlite: bool) -> str:
    if sqlite:
        return f"json_extract(doc, '$.{path}')"
    return f"(doc::jsonb #>> '{{{path.replace('.', ',')}}}')"


def _backfill_metrics(sqlite: bool, table: str, unit: str, span: int) -> None:
    false = "0" if sqlite else "false"
    response_ft = _micros(_json("metrics.response.ft", sqlite), sqlite)
    per_room = ", ".join(
        [
            f"ts / {span} AS {unit}",
            "COALESCE(department_id, '') AS department_id",
            "COALESCE(served_by_id, '') AS served_by_id",
            "msgs",
            "CASE WHEN state IN ('closed', 'closed-onhold') AND waiting_response IS TRUE THEN 1 ELSE 0 END"
            " AS abandoned",
            "CASE WHEN EXISTS (SELECT 1 FROM room_tags WHERE room_tags.room_id = rooms.id) THEN 0 ELSE 1 END"
            " AS untagged",
            f"{_micros(_json('metrics.response.avg', sqlite), sqlite)} AS response_avg",
            f"{response_ft} AS response_ft",
            f"{_micros(_json('metrics.reaction.ft', sqlite), sqlite)} AS reaction_ft",
            f"{_micros('chat_duration', sqlite)} AS chat_duration",
            f"{_micros('service_time_duration', sqlite)} AS service_time",
            f"CASE WHEN COALESCE(waiting_response, {false}) = {false} THEN {response_ft} END AS waiting",
        ]
    )
    # a sum of no value is NULL: the columns are NOT NULL
    sums = [f"COALESCE(SUM({t}), 0), COUNT({t})" for t in _TIMINGS]
    columns = _COLUMNS
    op.execute(
        f"INSERT INTO {table} ({unit}, department_id, served_by_id, {', '.join(columns)}, "
        f"{', '.join(_EXTREMES)}) "
        f"SELECT {unit}, department_id, served_by_id, COUNT(*), SUM(msgs), SUM(abandoned), SUM(untagged), "
        f"{', '.join(sums)}, "
        f"{', '.join(_EXTREMES.values())} "
        f"FROM (SELECT {per_room} FROM rooms) AS r GROUP BY {unit}, department_id, served_by_id"
    )


def upgrade() -> None:
    big = sa.BigInteger()
    for table, unit in (("room_day_metrics", "day"), ("room_hour_metrics", "hour")):
        op.create_table(
            table,
            sa.Column(unit, sa.Integer(), nullable=False),
            sa.Column("department_id", sa.String(length=32), nullable=False),
            sa.Column("served_by_id", sa.String(length=32), nullable=False),
            *[sa.Column(c, big, nullable=False) for c in ("n", "msgs", "abandoned", "untagged")],
            *[sa.Column(f"{t}_{p}", big, nullable=False) for t in _TIMINGS for p in ("sum", "n")],
            *[sa.Column(c, big, nullable=True) for c in _EXTREMES],
            sa.PrimaryKeyConstraint(unit, "department_id", "served_by_id", name=op.f(f"pk_{table}")),
        )
        op.create_index(f"ix_{table}_department_{unit}", table, ["department_id", unit])
        op.create_index(f"ix_{table}_served_by_{unit}", table, ["served_by_id", unit])
    op.create_table(
        "room_hour_messages",
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.String(length=32), nullable=False),
        sa.Column("msgs", big, nullable=False),
        sa.PrimaryKeyConstraint("hour", "department_id", name=op.f("pk_room_hour_messages")),
    )
    op.create_table(
        "room_day_label_counts",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("n", big, nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "department_id", "kind", "label", name=op.f("pk_room_day_label_counts")
        ),
    )
    op.create_index(
        "ix_room_day_label_counts_kind_department_day",
        "room_day_label_counts",
        ["kind", "department_id", "day"],
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    # One pass over the rooms (each document's JSON read once): the hour rows; the day rows and the
    # messages by hour are sums of them (sums, counts, maxima and minima all add up by groups).
    _backfill_metrics(sqlite, "room_hour_metrics", "hour", 3_600_000)
    sums = ", ".join(f"SUM({c})" for c in _COLUMNS)
    op.execute(
        f"INSERT INTO room_day_metrics (day, department_id, served_by_id, {', '.join(_COLUMNS)}, "
        f"{', '.join(_EXTREMES)}) SELECT hour / 24, department_id, served_by_id, {sums}, "
        f"{', '.join(f'{e[:3]}({c})' for c, e in _EXTREMES.items())} "
        "FROM room_hour_metrics GROUP BY hour / 24, department_id, served_by_id"
    )
    op.execute(
        "INSERT INTO room_hour_messages (hour, department_id, msgs) "
        "SELECT hour, department_id, SUM(msgs) FROM room_hour_metrics GROUP BY hour, department_id"
    )
    op.execute(
        "INSERT INTO room_day_label_counts (day, department_id, kind, label, n) "
        "SELECT t.ts / 86400000, COALESCE(r.department_id, ''), 'tag', t.tag, COUNT(*) "
        "FROM room_tags t JOIN rooms r ON r.id = t.room_id "
        "GROUP BY t.ts / 86400000, COALESCE(r.department_id, ''), t.tag"
    )
    source = "CASE WHEN source_type = 'app' THEN COALESCE(source_id, 'app') ELSE source_type END"
    op.execute(
        "INSERT INTO room_day_label_counts (day, department_id, kind, label, n) "
        f"SELECT ts / 86400000, COALESCE(department_id, ''), 'source', {source}, COUNT(*) "
        "FROM rooms WHERE source_type IS NOT NULL "
        f"GROUP BY ts / 86400000, COALESCE(department_id, ''), {source}"
    )


def downgrade() -> None:
    op.drop_index("ix_room_day_label_counts_kind_department_day", table_name="room_day_label_counts")
    op.drop_table("room_day_label_counts")
    op.drop_table("room_hour_messages")
    for table, unit in (("room_hour_metrics", "hour"), ("room_day_metrics", "day")):
        op.drop_index(f"ix_{table}_served_by_{unit}", table_name=table)
        op.drop_index(f"ix_{table}_department_{unit}", table_name=table)
        op.drop_table(table)
