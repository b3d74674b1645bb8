"""import journal: file transfers under way, finished or undone after a crash

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "import_journal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("download_id", sa.String(length=200), nullable=True),
        sa.Column("source", sa.String(length=4000), nullable=False),
        sa.Column("destination", sa.String(length=4000), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("worker_id", sa.String(length=64), nullable=False),
        sa.Column("replaces", sa.String(length=4000), nullable=True),
        sa.Column("details", JsonType, nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["movie_id"], ["movies.id"], name=op.f("fk_import_journal_movie_id_movies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_journal")),
    )
    # One import per film at a time, whichever process runs it.
    op.create_index("ux_import_journal_movie_id", "import_journal", ["movie_id"], unique=True)
