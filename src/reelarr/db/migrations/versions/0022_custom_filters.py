"""custom filters: the UI's saved filters (Radarr's CustomFilters)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "custom_filters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("filters", JsonType, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_filters")),
    )
