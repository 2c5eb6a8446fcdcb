"""inquiries.default_agent_id: an agent's queue (inquiries.queuedForUser) read from an index, not the JSON

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inquiries") as batch_op:
        batch_op.add_column(sa.Column("default_agent_id", sa.String(length=32), nullable=True))
    # Existing rows: the same value the store now writes from the document (defaultAgent.agentId).
    if op.get_bind().dialect.name == "sqlite":
        value = "json_extract(doc, '$.defaultAgent.agentId')"
    else:
        value = "(doc::jsonb #>> '{defaultAgent,agentId}')"
    op.execute(f"UPDATE inquiries SET default_agent_id = {value} WHERE doc LIKE '%\"defaultAgent\"%'")
    op.create_index(
        "ix_inquiries_status_default_agent_ts",
        "inquiries",
        ["status", "default_agent_id", "department_id", "ts", "id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_inquiries_status_default_agent_ts", table_name="inquiries")
    with op.batch_alter_table("inquiries") as batch_op:
        batch_op.drop_column("default_agent_id")
