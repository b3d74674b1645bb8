"""release decisions: why an outcome is what it is (a release no download client could take)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    with op.batch_alter_table("release_decisions") as batch:
        batch.add_column(sa.Column("outcome_message", sa.String(length=1000), nullable=True))
