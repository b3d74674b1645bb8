"""movies: movies, alternative titles, movie files, tags, import exclusions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType, UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("label", name=op.f("uq_tags_label")),
    )
    op.create_table(
        "import_exclusions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tmdb_id", sa.Integer(), nullable=False),
        sa.Column("movie_title", sa.String(length=500), nullable=False),
        sa.Column("movie_year", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_exclusions")),
        sa.UniqueConstraint("tmdb_id", name=op.f("uq_import_exclusions_tmdb_id")),
    )
    op.create_table(
        "movies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tmdb_id", sa.Integer(), nullable=False),
        sa.Column("imdb_id", sa.String(length=20), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("original_title", sa.String(length=500), nullable=False),
        sa.Column("sort_title", sa.String(length=500), nullable=False),
        sa.Column("clean_title", sa.String(length=500), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("secondary_year", sa.Integer(), nullable=True),
        sa.Column("overview", sa.Text(), nullable=False),
        sa.Column("runtime", sa.Integer(), nullable=False),
        sa.Column("tmdb_status", sa.String(length=40), nullable=False),
        sa.Column("studio", sa.String(length=300), nullable=True),
        sa.Column("certification", sa.String(length=40), nullable=True),
        sa.Column("website", sa.String(length=1000), nullable=True),
        sa.Column("youtube_trailer_id", sa.String(length=40), nullable=True),
        sa.Column("original_language_id", sa.Integer(), nullable=False),
        sa.Column("genres", JsonType, nullable=False),
        sa.Column("keywords", JsonType, nullable=False),
        sa.Column("ratings", JsonType, nullable=False),
        sa.Column("images", JsonType, nullable=False),
        sa.Column("recommendations", JsonType, nullable=False),
        sa.Column("popularity", sa.Float(), nullable=False),
        sa.Column("collection_tmdb_id", sa.Integer(), nullable=True),
        sa.Column("collection_title", sa.String(length=500), nullable=True),
        sa.Column("in_cinemas", sa.Date(), nullable=True),
        sa.Column("digital_release", sa.Date(), nullable=True),
        sa.Column("physical_release", sa.Date(), nullable=True),
        sa.Column("release_date", sa.Date(), nullable=True),
        sa.Column("monitored", sa.Boolean(), nullable=False),
        sa.Column("minimum_availability", sa.String(length=20), nullable=False),
        sa.Column("quality_profile_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("root_folder_path", sa.String(length=1000), nullable=False),
        sa.Column("tags", JsonType, nullable=False),
        sa.Column("added", UtcDateTime(), nullable=False),
        sa.Column("last_info_sync", UtcDateTime(), nullable=True),
        sa.Column("last_search_time", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["quality_profile_id"],
            ["quality_profiles.id"],
            name=op.f("fk_movies_quality_profile_id_quality_profiles"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movies")),
        sa.UniqueConstraint("tmdb_id", name=op.f("uq_movies_tmdb_id")),
        sa.UniqueConstraint("path", name=op.f("uq_movies_path")),
    )
    op.create_index(op.f("ix_movies_imdb_id"), "movies", ["imdb_id"])
    op.create_index(op.f("ix_movies_clean_title"), "movies", ["clean_title"])
    op.create_index(op.f("ix_movies_quality_profile_id"), "movies", ["quality_profile_id"])
    op.create_table(
        "alternative_titles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("clean_title", sa.String(length=500), nullable=False),
        sa.Column("country", sa.String(length=10), nullable=False),
        sa.Column("source_type", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["movie_id"],
            ["movies.id"],
            name=op.f("fk_alternative_titles_movie_id_movies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alternative_titles")),
    )
    op.create_index(op.f("ix_alternative_titles_movie_id"), "alternative_titles", ["movie_id"])
    op.create_index(op.f("ix_alternative_titles_clean_title"), "alternative_titles", ["clean_title"])
    op.create_table(
        "movie_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("relative_path", sa.String(length=1000), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("date_added", UtcDateTime(), nullable=False),
        sa.Column("scene_name", sa.String(length=1000), nullable=True),
        sa.Column("release_group", sa.String(length=200), nullable=True),
        sa.Column("edition", sa.String(length=200), nullable=True),
        sa.Column("quality", JsonType, nullable=False),
        sa.Column("languages", JsonType, nullable=False),
        sa.Column("media_info", JsonType, nullable=True),
        sa.Column("original_file_path", sa.String(length=1000), nullable=True),
        sa.Column("indexer_flags", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["movie_id"], ["movies.id"], name=op.f("fk_movie_files_movie_id_movies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movie_files")),
        sa.UniqueConstraint("movie_id", name=op.f("uq_movie_files_movie_id")),
    )
