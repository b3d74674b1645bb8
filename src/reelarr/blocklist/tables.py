"""The blocklist table: one row per release kept from being grabbed again for its film."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class BlocklistRow(Base):
    """A blocklisted release: Radarr's Blocklist."""

    __tablename__ = "blocklist"
    __table_args__ = (
        Index("ix_blocklist_movie_id", "movie_id"),
        Index("ix_blocklist_date", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Radarr forgets a film's blocklist when the film is deleted.
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"))
    source_title: Mapped[str] = mapped_column(String(1000))
    quality: Mapped[dict[str, Any]] = mapped_column(JsonType)
    languages: Mapped[list[int]] = mapped_column(JsonType)
    custom_formats: Mapped[list[str]] = mapped_column(JsonType)
    date: Mapped[datetime] = mapped_column(UtcDateTime)
    published_date: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    size: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    protocol: Mapped[int] = mapped_column(Integer)  # Radarr's number: unknown 0, usenet 1, torrent 2
    indexer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    indexer_flags: Mapped[int] = mapped_column(Integer)
    message: Mapped[str | None] = mapped_column(String(4000), nullable=True)
    torrent_info_hash: Mapped[str | None] = mapped_column(String(100), nullable=True)
    download_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
