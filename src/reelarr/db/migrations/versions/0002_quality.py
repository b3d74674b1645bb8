"""quality: size definitions and quality profiles

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "quality_definitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quality_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("min_size", sa.Float(), nullable=True),
        sa.Column("max_size", sa.Float(), nullable=True),
        sa.Column("preferred_size", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quality_definitions")),
        sa.UniqueConstraint("quality_id", name=op.f("uq_quality_definitions_quality_id")),
    )
    op.create_table(
        "quality_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("upgrade_allowed", sa.Boolean(), nullable=False),
        sa.Column("cutoff", sa.Integer(), nullable=False),
        sa.Column("items", JsonType, nullable=False),
        sa.Column("min_format_score", sa.Integer(), nullable=False),
        sa.Column("cutoff_format_score", sa.Integer(), nullable=False),
        sa.Column("min_upgrade_format_score", sa.Integer(), nullable=False),
        sa.Column("format_items", JsonType, nullable=False),
        sa.Column("language_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quality_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_quality_profiles_name")),
    )
