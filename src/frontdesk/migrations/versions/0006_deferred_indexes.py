"""deferred_indexes: indexes dropped for a bulk load, so a killed load's are restored

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deferred_indexes",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sql", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_deferred_indexes")),
    )


def downgrade() -> None:
    op.drop_table("deferred_indexes")
