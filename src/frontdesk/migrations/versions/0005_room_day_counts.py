"""room counters per creation day: exact createdAt-range totals without counting the range's rooms

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_day_counts",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("department_id", sa.String(length=32), nullable=False),
        sa.Column("served_by_id", sa.String(length=32), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "day", "state", "department_id", "served_by_id", name=op.f("pk_room_day_counts")
        ),
    )
    op.create_index(
        "ix_room_day_counts_department_state_day", "room_day_counts", ["department_id", "state", "day"]
    )
    op.create_index(
        "ix_room_day_counts_served_by_state_day", "room_day_counts", ["served_by_id", "state", "day"]
    )
    # ts is integer epoch ms on both engines, so `/` is integer division (models.rooms.DAY_MS).
    op.execute(
        "INSERT INTO room_day_counts (day, state, department_id, served_by_id, n) "
        "SELECT ts / 86400000, state, COALESCE(department_id, ''), COALESCE(served_by_id, ''), COUNT(*) "
        "FROM rooms GROUP BY ts / 86400000, state, COALESCE(department_id, ''), COALESCE(served_by_id, '')"
    )


def downgrade() -> None:
    op.drop_index("ix_room_day_counts_served_by_state_day", table_name="room_day_counts")
    op.drop_index("ix_room_day_counts_department_state_day", table_name="room_day_counts")
    op.drop_table("room_day_counts")
