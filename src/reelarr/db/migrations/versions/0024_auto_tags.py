"""auto tags: Radarr's auto tagging rules

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "auto_tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("remove_tags_automatically", sa.Boolean(), nullable=False),
        sa.Column("tags", JsonType, nullable=False),
        sa.Column("specifications", JsonType, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auto_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_auto_tags_name")),
        sqlite_autoincrement=True,
    )
