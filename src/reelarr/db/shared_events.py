"""The table through which processes sharing one SQLite database tell each other what happened."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, UtcDateTime


class SharedEventRow(Base):
    """One shared event, appended after the change it names committed; kept for a few minutes."""

    __tablename__ = "shared_events"
    __table_args__ = (
        Index("ix_shared_events_created_at", "created_at"),
        # Ids are never handed out again, so a reader that finds one missing knows it was pruned.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
