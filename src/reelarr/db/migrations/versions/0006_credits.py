"""movies: the cast and crew of each movie

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "credits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movie_id", sa.Integer(), nullable=False),
        sa.Column("credit_tmdb_id", sa.String(length=50), nullable=False),
        sa.Column("person_tmdb_id", sa.Integer(), nullable=False),
        sa.Column("person_name", sa.String(length=500), nullable=False),
        sa.Column("type", sa.String(length=10), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("character", sa.String(length=1000), nullable=True),
        sa.Column("department", sa.String(length=200), nullable=True),
        sa.Column("job", sa.String(length=200), nullable=True),
        sa.Column("image", sa.String(length=1000), nullable=True),
        sa.ForeignKeyConstraint(
            ["movie_id"], ["movies.id"], name=op.f("fk_credits_movie_id_movies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credits")),
        # As every table since 0005: SQLite never hands out an id twice.
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_credits_movie_id"), "credits", ["movie_id"], unique=False)
