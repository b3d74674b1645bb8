"""The extra files table: subtitles and other files kept beside a film's video."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class ExtraFileRow(Base):
    """One extra file of a film (Radarr's SubtitleFiles and ExtraFiles tables in one, by `type`)."""

    __tablename__ = "extra_files"
    __table_args__ = (Index("ix_extra_files_movie_id", "movie_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"))
    # The video it goes with; its extras are retired when the video's record goes (MovieFileDeleted).
    movie_file_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    relative_path: Mapped[str] = mapped_column(String(1000))
    extension: Mapped[str] = mapped_column(String(50))
    type: Mapped[str] = mapped_column(String(20))  # "subtitle", "metadata" or "other"
    language: Mapped[int] = mapped_column(Integer, default=0)  # Radarr language id, subtitles only
    language_tags: Mapped[list[str]] = mapped_column(JsonType)
    # A subtitle's title; for a metadata file, the provider that wrote it (Radarr's Consumer).
    title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    copy: Mapped[int] = mapped_column(Integer, default=0)
    added: Mapped[datetime] = mapped_column(UtcDateTime)
    last_updated: Mapped[datetime] = mapped_column(UtcDateTime)
