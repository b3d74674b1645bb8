"""Tables of the collections package: a collection and the films TMDB lists in it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class CollectionRow(Base):
    """A TMDB collection of one or more films of the library, and how to add the others."""

    __tablename__ = "collections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tmdb_id: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(500))
    clean_title: Mapped[str] = mapped_column(String(500))
    sort_title: Mapped[str] = mapped_column(String(500))
    overview: Mapped[str] = mapped_column(Text)
    images: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
    monitored: Mapped[bool] = mapped_column(Boolean)
    quality_profile_id: Mapped[int] = mapped_column(Integer)
    root_folder_path: Mapped[str] = mapped_column(String(1000))
    minimum_availability: Mapped[str] = mapped_column(String(20))
    search_on_add: Mapped[bool] = mapped_column(Boolean)
    tags: Mapped[list[int]] = mapped_column(JsonType)
    added: Mapped[datetime] = mapped_column(UtcDateTime)
    last_info_sync: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CollectionMovieRow(Base):
    """One film of a collection as TMDB lists it (in the library or not)."""

    __tablename__ = "collection_movies"
    __table_args__ = (UniqueConstraint("collection_id", "tmdb_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"), index=True)
    tmdb_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    original_title: Mapped[str] = mapped_column(String(500))
    sort_title: Mapped[str] = mapped_column(String(500))
    overview: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(Integer)
    release_date: Mapped[date | None] = mapped_column(Date)
    images: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
    ratings: Mapped[dict[str, Any]] = mapped_column(JsonType)
