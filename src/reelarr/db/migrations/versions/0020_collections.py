"""movie collections: the TMDB collections of the library's films and the films in each

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "collections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tmdb_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("clean_title", sa.String(length=500), nullable=False),
        sa.Column("sort_title", sa.String(length=500), nullable=False),
        sa.Column("overview", sa.Text(), nullable=False),
        sa.Column("images", JsonType, nullable=False),
        sa.Column("monitored", sa.Boolean(), nullable=False),
        sa.Column("quality_profile_id", sa.Integer(), nullable=False),
        sa.Column("root_folder_path", sa.String(length=1000), nullable=False),
        sa.Column("minimum_availability", sa.String(length=20), nullable=False),
        sa.Column("search_on_add", sa.Boolean(), nullable=False),
        sa.Column("tags", JsonType, nullable=False),
        sa.Column("added", UtcDateTime(), nullable=False),
        sa.Column("last_info_sync", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collections")),
        sa.UniqueConstraint("tmdb_id", name=op.f("uq_collections_tmdb_id")),
        sqlite_autoincrement=True,  # ids the API hands out are never reused
    )
    op.create_table(
        "collection_movies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("tmdb_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("original_title", sa.String(length=500), nullable=False),
        sa.Column("sort_title", sa.String(length=500), nullable=False),
        sa.Column("overview", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("release_date", sa.Date(), nullable=True),
        sa.Column("images", JsonType, nullable=False),
        sa.Column("ratings", JsonType, nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_collection_movies_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_movies")),
        sa.UniqueConstraint("collection_id", "tmdb_id", name=op.f("uq_collection_movies_collection_id")),
    )
    op.create_index("ix_collection_movies_collection_id", "collection_movies", ["collection_id"])
