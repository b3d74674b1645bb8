"""import lists: the films each list offers (Radarr's ImportListMovies)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "import_list_movies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("tmdb_id", sa.Integer(), nullable=False),
        sa.Column("imdb_id", sa.String(length=20), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["providers.id"],
            name=op.f("fk_import_list_movies_list_id_providers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_list_movies")),
        sa.UniqueConstraint("list_id", "tmdb_id", name=op.f("uq_import_list_movies_list_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_import_list_movies_list_id"), "import_list_movies", ["list_id"])
    op.create_index(op.f("ix_import_list_movies_tmdb_id"), "import_list_movies", ["tmdb_id"])
