"""room counters per closing day: exact closedAt-range totals without counting the range's rooms

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_closed_day_counts",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("department_id", sa.String(length=32), nullable=False),
        sa.Column("served_by_id", sa.String(length=32), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "state", "department_id", "served_by_id", name=op.f("pk_room_closed_day_counts")
        ),
    )
    op.create_index(
        "ix_room_closed_day_counts_department_state_day",
        "room_closed_day_counts",
        ["department_id", "state", "day"],
    )
    op.create_index(
        "ix_room_closed_day_counts_served_by_state_day",
        "room_closed_day_counts",
        ["served_by_id", "state", "day"],
    )
    # closed_at is integer epoch ms on both engines, so `/` is integer division (models.rooms.DAY_MS).
    op.execute(
        "INSERT INTO room_closed_day_counts (day, state, department_id, served_by_id, n) "
        "SELECT closed_at / 86400000, state, COALESCE(department_id, ''), COALESCE(served_by_id, ''), "
        "COUNT(*) FROM rooms WHERE closed_at IS NOT NULL GROUP BY closed_at / 86400000, state, "
        "COALESCE(department_id, ''), COALESCE(served_by_id, '')"
    )


def downgrade() -> None:
    op.drop_index("ix_room_closed_day_counts_served_by_state_day", table_name="room_closed_day_counts")
    op.drop_index("ix_room_closed_day_counts_department_state_day", table_name="room_closed_day_counts")
    op.drop_table("room_closed_day_counts")
