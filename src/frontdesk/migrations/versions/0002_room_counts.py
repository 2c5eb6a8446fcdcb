"""room counters for exact listing totals; listing indexes end in (ts, id)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Listing indexes gain `id`, so the order `ts desc, id desc` is read off the index without a sort:
# (name, columns before); after, the same columns plus "id".
_REBUILT = [
    ("ix_rooms_state_ts", ["state", "ts"]),
    ("ix_rooms_department_ts", ["department_id", "ts"]),
    ("ix_rooms_department_state_ts", ["department_id", "state", "ts"]),
    ("ix_rooms_served_by_ts", ["served_by_id", "ts"]),
    ("ix_rooms_served_by_state_ts", ["served_by_id", "state", "ts"]),
]


def upgrade() -> None:
    op.create_table(
        "room_counts",
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("department_id", sa.String(length=32), nullable=False),
        sa.Column("served_by_id", sa.String(length=32), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("state", "department_id", "served_by_id", name=op.f("pk_room_counts")),
    )
    op.create_index("ix_room_counts_department_state", "room_counts", ["department_id", "state"])
    op.create_index("ix_room_counts_served_by_state", "room_counts", ["served_by_id", "state"])
    # NULL department / agent is stored as '' (models.rooms.NO_KEY): key columns cannot be NULL.
    op.execute(
        "INSERT INTO room_counts (state, department_id, served_by_id, n) "
        "SELECT state, COALESCE(department_id, ''), COALESCE(served_by_id, ''), COUNT(*) FROM rooms "
        "GROUP BY state, COALESCE(department_id, ''), COALESCE(served_by_id, '')"
    )
    for name, before in _REBUILT:
        op.drop_index(name, table_name="rooms")
        op.create_index(name, "rooms", [*before, "id"])


def downgrade() -> None:
    for name, before in _REBUILT:
        op.drop_index(name, table_name="rooms")
        op.create_index(name, "rooms", before)
    op.drop_index("ix_room_counts_served_by_state", table_name="room_counts")
    op.drop_index("ix_room_counts_department_state", table_name="room_counts")
    op.drop_table("room_counts")
