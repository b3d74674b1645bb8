"""release profiles: required and ignored terms per tag and indexer

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "release_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("required", JsonType, nullable=False),
        sa.Column("ignored", JsonType, nullable=False),
        sa.Column("indexer_id", sa.Integer(), nullable=False),
        sa.Column("tags", JsonType, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_profiles")),
        sqlite_autoincrement=True,
    )
