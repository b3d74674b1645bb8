"""naming: the naming settings (one row, Radarr's defaults)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    table = op.create_table(
        "naming_config",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rename_movies", sa.Boolean(), nullable=False),
        sa.Column("replace_illegal_characters", sa.Boolean(), nullable=False),
        sa.Column("colon_replacement_format", sa.String(length=20), nullable=False),
        sa.Column("standard_movie_format", sa.Text(), nullable=False),
        sa.Column("movie_folder_format", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_naming_config")),
        sqlite_autoincrement=True,
    )
    # The one row exists from the start, so no two processes race to create it.
    op.bulk_insert(
        table,
        [
            {
                "id": 1,
                "rename_movies": False,
                "replace_illegal_characters": True,
                "colon_replacement_format": "smart",
                "standard_movie_format": "{Movie Title} ({Release Year}) {Quality Full}",
                "movie_folder_format": "{Movie Title} ({Release Year})",
            }
        ],
    )
