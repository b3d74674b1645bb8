"""root folders

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    op.create_table(
        "root_folders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_root_folders")),
        sa.UniqueConstraint("path", name=op.f("uq_root_folders_path")),
    )
