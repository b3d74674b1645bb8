"""extra files (subtitles and others kept beside a film's video) and the rename journal

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "extra_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("movie_file_id", sa.Integer(), nullable=True),
        sa.Column("relative_path", sa.String(length=1000), nullable=False),
        sa.Column("extension", sa.String(length=50), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("language", sa.Integer(), nullable=False),
        sa.Column("language_tags", JsonType, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("copy", sa.Integer(), nullable=False),
        sa.Column("added", UtcDateTime(), nullable=False),
        sa.Column("last_updated", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["movie_id"], ["movies.id"], name=op.f("fk_extra_files_movie_id_movies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_extra_files")),
        sqlite_autoincrement=True,  # ids the API hands out are never reused
    )
    op.create_index("ix_extra_files_movie_id", "extra_files", ["movie_id"])
    op.create_table(
        "rename_journal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=4000), nullable=False),
        sa.Column("destination", sa.String(length=4000), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["movie_id"], ["movies.id"], name=op.f("fk_rename_journal_movie_id_movies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rename_journal")),
    )
    # One rename per film at a time, whichever process runs it.
    op.create_index("ux_rename_journal_movie_id", "rename_journal", ["movie_id"], unique=True)
