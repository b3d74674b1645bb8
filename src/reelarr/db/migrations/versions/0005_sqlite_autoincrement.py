"""sqlite: ids are never handed out twice (AUTOINCREMENT), as clients keep ids of deleted things

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Without AUTOINCREMENT SQLite gives the id of a deleted last row to the next one: Overseerr, which
remembers a movie's id, would take a new film for the one it asked for. PostgreSQL never reuses ids.
"""

from __future__ import annotations

import warnings

from alembic import op
from sqlalchemy.exc import SAWarning

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = (
    "users",
    "login_failures",
    "commands",
    "scheduled_tasks",
    "quality_definitions",
    "quality_profiles",
    "root_folders",
    "tags",
    "import_exclusions",
    "movies",
    "alternative_titles",
    "movie_files",
)


# Forward-only: there is no downgrade.
def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        # Rebuilding the table with the new option is the whole change; there is no column to alter.
        # The rebuild warns that it cannot carry the expression index; it is made again below.
        with warnings.catch_warnings():
            warnings.filterwarnings(
                "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
            )
            with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": True}):
                pass
    # SQLite cannot reflect an index on an expression, so the rebuild of `users` lost this one.
    op.execute("CREATE UNIQUE INDEX IF NOT EXISTS ux_users_username_lower ON users (lower(username))")
