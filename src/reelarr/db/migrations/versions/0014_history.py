"""history: what happened to each film's releases and files; decisions found by release

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.Integer(), nullable=False),
        sa.Column("date", UtcDateTime(), nullable=False),
        sa.Column("source_title", sa.String(length=1000), nullable=False),
        sa.Column("quality", JsonType, nullable=False),
        sa.Column("languages", JsonType, nullable=False),
        sa.Column("download_id", sa.String(length=200), nullable=True),
        sa.Column("custom_formats", JsonType, nullable=False),
        sa.Column("data", JsonType, nullable=False),
        sa.ForeignKeyConstraint(
            ["movie_id"], ["movies.id"], name=op.f("fk_history_movie_id_movies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_history_movie_date", "history", ["movie_id", "date"])
    op.create_index("ix_history_download_id", "history", ["download_id"])
    op.create_index("ix_history_event_type_date", "history", ["event_type", "date"])
    op.create_index("ix_history_date", "history", ["date"])
    op.create_index("ix_release_decisions_release_key", "release_decisions", ["release_key"])
