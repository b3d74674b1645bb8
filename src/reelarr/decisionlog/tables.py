"""The decision log table: the latest decision about each release for each film."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class ReleaseDecisionRow(Base):
    """A release decided for a film; decided again, the row is updated (first_seen stays)."""

    __tablename__ = "release_decisions"
    __table_args__ = (
        Index("ux_release_decisions_movie_release", "movie_id", "release_key", unique=True),
        Index("ix_release_decisions_movie_decided", "movie_id", "decided_at"),
        # A grab names a release by its indexer and guid only.
        Index("ix_release_decisions_release_key", "release_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"))
    # sha1 of the indexer id and the release's guid: one row per release per film.
    release_key: Mapped[str] = mapped_column(String(40))
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    source: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(1000))
    guid: Mapped[str] = mapped_column(String(2000))
    indexer_id: Mapped[int] = mapped_column(Integer)
    indexer: Mapped[str] = mapped_column(String(200))
    protocol: Mapped[str] = mapped_column(String(20))
    quality: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    age_minutes: Mapped[int] = mapped_column(BigInteger)
    format_score: Mapped[int] = mapped_column(Integer)
    formats: Mapped[list[str]] = mapped_column(JsonType)
    approved: Mapped[bool] = mapped_column(Boolean)
    temporarily_rejected: Mapped[bool] = mapped_column(Boolean)
    rejections: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
    outcome: Mapped[str | None] = mapped_column(String(30), nullable=True)
    # Why the outcome is what it is, when that needs saying (why no download client took it).
    outcome_message: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    # The whole release, so a chosen or pending one can be grabbed later.
    release: Mapped[dict[str, Any]] = mapped_column(JsonType)
