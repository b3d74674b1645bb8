"""blocklist: releases that failed or were refused, kept from being grabbed again for their film

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "blocklist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("source_title", sa.String(length=1000), nullable=False),
        sa.Column("quality", JsonType, nullable=False),
        sa.Column("languages", JsonType, nullable=False),
        sa.Column("custom_formats", JsonType, nullable=False),
        sa.Column("date", UtcDateTime(), nullable=False),
        sa.Column("published_date", UtcDateTime(), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("protocol", sa.Integer(), nullable=False),
        sa.Column("indexer", sa.String(length=200), nullable=True),
        sa.Column("indexer_flags", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(length=4000), nullable=True),
        sa.Column("torrent_info_hash", sa.String(length=100), nullable=True),
        sa.Column("download_id", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["movie_id"], ["movies.id"], name=op.f("fk_blocklist_movie_id_movies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blocklist")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_blocklist_movie_id", "blocklist", ["movie_id"])
    op.create_index("ix_blocklist_date", "blocklist", ["date"])
