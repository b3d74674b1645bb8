"""delay profiles, with Radarr's global profile (id 1: both protocols, usenet preferred, no delay)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reelarr.db.base import JsonType

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


# Forward-only: there is no downgrade.
def upgrade() -> None:
    table = op.create_table(
        "delay_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enable_usenet", sa.Boolean(), nullable=False),
        sa.Column("enable_torrent", sa.Boolean(), nullable=False),
        sa.Column("preferred_protocol", sa.String(length=20), nullable=False),
        sa.Column("usenet_delay", sa.Integer(), nullable=False),
        sa.Column("torrent_delay", sa.Integer(), nullable=False),
        sa.Column("bypass_if_highest_quality", sa.Boolean(), nullable=False),
        sa.Column("bypass_if_above_custom_format_score", sa.Boolean(), nullable=False),
        sa.Column("minimum_custom_format_score", sa.Integer(), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("tags", JsonType, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delay_profiles")),
        sqlite_autoincrement=True,
    )
    op.bulk_insert(
        table,
        [
            {
                "id": 1,
                "enable_usenet": True,
                "enable_torrent": True,
                "preferred_protocol": "usenet",
                "usenet_delay": 0,
                "torrent_delay": 0,
                "bypass_if_highest_quality": False,
                "bypass_if_above_custom_format_score": False,
                "minimum_custom_format_score": 0,
                "order": 2**31 - 1,
                "tags": [],
            }
        ],
    )
    if op.get_bind().dialect.name == "postgresql":
        # The seeded id was given by hand; the sequence must start after it.
        op.execute("SELECT setval('delay_profiles_id_seq', 1)")
