"""The import journal: one row per file transfer under way, so that a crash can be finished or undone."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class ImportJournalRow(Base):
    """A transfer begun by a worker: where from, where to, how far it got."""

    __tablename__ = "import_journal"
    # One import per film at a time, whichever process runs it.
    __table_args__ = (Index("ux_import_journal_movie_id", "movie_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"))
    download_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    source: Mapped[str] = mapped_column(String(4000))
    destination: Mapped[str] = mapped_column(String(4000))
    mode: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(20))
    worker_id: Mapped[str] = mapped_column(String(64))
    # The file the import replaces (an upgrade), to be retired before the new one takes its place.
    replaces: Mapped[str | None] = mapped_column(String(4000), nullable=True)
    # What the file row and the history entry are made of, so that recovery can write them.
    details: Mapped[dict[str, Any]] = mapped_column(JsonType)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
