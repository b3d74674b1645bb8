"""movie indexes: the list's order (sort title, id) and the calendar's release dates

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    # A page of the list sorted by title reads 50 entries of this index, either way, instead of
    # sorting every movie; the whole list's order comes from it without a sort too.
    op.create_index("ix_movies_sort_title_id", "movies", ["sort_title", "id"], unique=False)
    # The calendar asks for a window of each release date: one range of each index.
    for column in ("in_cinemas", "digital_release", "physical_release"):
        op.create_index(op.f(f"ix_movies_{column}"), "movies", [column], unique=False)
