"""room values in ts order per kind: a common name's or custom field's page walks one covering index

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One statement, no data to rewrite: both engines build an index in a single sorted pass (at a million
    # rooms, 2-3 million entries).
    op.create_index("ix_room_values_kind_ts", "room_values", ["kind", "ts", "room_id", "vkey"])


def downgrade() -> None:
    op.drop_index("ix_room_values_kind_ts", table_name="room_values")
