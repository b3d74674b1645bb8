"""The history table: one row per event of a film's releases and files."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class HistoryRow(Base):
    """An event: Radarr's MovieHistory."""

    __tablename__ = "history"
    __table_args__ = (
        Index("ix_history_movie_date", "movie_id", "date"),
        Index("ix_history_download_id", "download_id"),
        Index("ix_history_event_type_date", "event_type", "date"),
        Index("ix_history_date", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Radarr forgets a film's history when the film is deleted.
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"))
    event_type: Mapped[int] = mapped_column(Integer)
    date: Mapped[datetime] = mapped_column(UtcDateTime)
    source_title: Mapped[str] = mapped_column(String(1000))
    quality: Mapped[dict[str, Any]] = mapped_column(JsonType)
    languages: Mapped[list[int]] = mapped_column(JsonType)
    download_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # The names of the custom formats the release or file matched when the event happened.
    custom_formats: Mapped[list[str]] = mapped_column(JsonType)
    data: Mapped[dict[str, str]] = mapped_column(JsonType)
