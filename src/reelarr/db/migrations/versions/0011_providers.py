"""providers: stored providers of every family (indexers first), their status, indexer query budgets

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("name_key", sa.String(length=500), nullable=False),
        sa.Column("implementation", sa.String(length=200), nullable=False),
        sa.Column("config_contract", sa.String(length=200), nullable=False),
        sa.Column("settings", JsonType, nullable=False),
        sa.Column("options", JsonType, nullable=False),
        sa.Column("tags", JsonType, nullable=False),
        sa.Column("added", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
        sa.UniqueConstraint("family", "name_key", name=op.f("uq_providers_family")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_providers_family"), "providers", ["family"], unique=False)
    op.create_table(
        "provider_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("initial_failure", UtcDateTime(), nullable=True),
        sa.Column("most_recent_failure", UtcDateTime(), nullable=True),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("disabled_till", UtcDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("data", JsonType, nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_provider_status_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_status")),
        sa.UniqueConstraint("provider_id", name=op.f("uq_provider_status_provider_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "indexer_query_budget",
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("updated", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_indexer_query_budget_provider_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("provider_id", name=op.f("pk_indexer_query_budget")),
    )
