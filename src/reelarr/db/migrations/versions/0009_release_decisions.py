"""decision log: the latest decision about each release for each film, kept 30 days

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "release_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("release_key", sa.String(length=40), nullable=False),
        sa.Column("first_seen", UtcDateTime(), nullable=False),
        sa.Column("decided_at", UtcDateTime(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("guid", sa.String(length=2000), nullable=False),
        sa.Column("indexer_id", sa.Integer(), nullable=False),
        sa.Column("indexer", sa.String(length=200), nullable=False),
        sa.Column("protocol", sa.String(length=20), nullable=False),
        sa.Column("quality", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("age_minutes", sa.BigInteger(), nullable=False),
        sa.Column("format_score", sa.Integer(), nullable=False),
        sa.Column("formats", JsonType, nullable=False),
        sa.Column("approved", sa.Boolean(), nullable=False),
        sa.Column("temporarily_rejected", sa.Boolean(), nullable=False),
        sa.Column("rejections", JsonType, nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=True),
        sa.Column("release", JsonType, nullable=False),
        sa.ForeignKeyConstraint(
            ["movie_id"],
            ["movies.id"],
            name=op.f("fk_release_decisions_movie_id_movies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release_decisions")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ux_release_decisions_movie_release", "release_decisions", ["movie_id", "release_key"], unique=True
    )
    op.create_index("ix_release_decisions_movie_decided", "release_decisions", ["movie_id", "decided_at"])
    op.create_index(op.f("ix_release_decisions_decided_at"), "release_decisions", ["decided_at"])
