"""The rename journal: one row per file rename under way, so that a crash is finished or undone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, UtcDateTime


class RenameJournalRow(Base):
    """A rename begun by a worker: which file, from where, to where."""

    __tablename__ = "rename_journal"
    # One rename per film at a time, whichever process runs it.
    __table_args__ = (Index("ux_rename_journal_movie_id", "movie_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # "movieFile" or "extraFile"
    file_id: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(4000))
    destination: Mapped[str] = mapped_column(String(4000))
    worker_id: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
