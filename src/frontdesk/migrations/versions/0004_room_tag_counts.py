"""room tag counters: exact totals of one-tag listings without counting the tag's rooms

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_tag_counts",
        sa.Column("tag", sa.String(length=200), nullable=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tag", name=op.f("pk_room_tag_counts")),
    )
    op.execute("INSERT INTO room_tag_counts (tag, n) SELECT tag, COUNT(*) FROM room_tags GROUP BY tag")


def downgrade() -> None:
    op.drop_table("room_tag_counts")
