"""shared events: what one process tells the others on SQLite (PostgreSQL uses LISTEN/NOTIFY)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import UtcDateTime

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "shared_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shared_events")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_shared_events_created_at", "shared_events", ["created_at"])
