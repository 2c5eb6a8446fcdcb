"""Livechat lifecycle tables: department agents, custom field definitions, offline messages.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department_agents",
        sa.Column("department_id", sa.String(length=32), nullable=False),
        sa.Column("agent_id", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=120), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("department_id", "agent_id", name=op.f("pk_department_agents")),
    )
    op.create_index("ix_department_agents_agent_id", "department_agents", ["agent_id"])
    op.create_table(
        "custom_fields",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_fields")),
    )
    op.create_table(
        "offline_messages",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offline_messages")),
    )


def downgrade() -> None:
    op.drop_table("offline_messages")
    op.drop_table("custom_fields")
    op.drop_index("ix_department_agents_agent_id", table_name="department_agents")
    op.drop_table("department_agents")
