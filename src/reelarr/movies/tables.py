"""Tables of the movies package: movies, their alternative titles, credits, files, and import exclusions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class MovieRow(Base):
    """A film in the library: its metadata from TMDB and the user's choices for it."""

    __tablename__ = "movies"
    # The list's order and a page of it sorted by title, in either direction (see db.paging).
    __table_args__ = (Index("ix_movies_sort_title_id", "sort_title", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tmdb_id: Mapped[int] = mapped_column(Integer, unique=True)
    imdb_id: Mapped[str | None] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(500))
    original_title: Mapped[str] = mapped_column(String(500))
    sort_title: Mapped[str] = mapped_column(String(500))
    clean_title: Mapped[str] = mapped_column(String(500), index=True)
    year: Mapped[int] = mapped_column(Integer)
    secondary_year: Mapped[int | None] = mapped_column(Integer)
    overview: Mapped[str] = mapped_column(Text)
    runtime: Mapped[int] = mapped_column(Integer)
    tmdb_status: Mapped[str] = mapped_column(String(40))
    studio: Mapped[str | None] = mapped_column(String(300))
    certification: Mapped[str | None] = mapped_column(String(40))
    website: Mapped[str | None] = mapped_column(String(1000))
    youtube_trailer_id: Mapped[str | None] = mapped_column(String(40))
    original_language_id: Mapped[int] = mapped_column(Integer)
    genres: Mapped[list[str]] = mapped_column(JsonType)
    keywords: Mapped[list[str]] = mapped_column(JsonType)
    ratings: Mapped[dict[str, Any]] = mapped_column(JsonType)
    images: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
    recommendations: Mapped[list[int]] = mapped_column(JsonType)
    popularity: Mapped[float] = mapped_column(Float)
    collection_tmdb_id: Mapped[int | None] = mapped_column(Integer)
    collection_title: Mapped[str | None] = mapped_column(String(500))
    in_cinemas: Mapped[date | None] = mapped_column(Date, index=True)
    digital_release: Mapped[date | None] = mapped_column(Date, index=True)
    physical_release: Mapped[date | None] = mapped_column(Date, index=True)
    release_date: Mapped[date | None] = mapped_column(Date)
    monitored: Mapped[bool] = mapped_column(Boolean)
    minimum_availability: Mapped[str] = mapped_column(String(20))
    quality_profile_id: Mapped[int] = mapped_column(ForeignKey("quality_profiles.id"), index=True)
    path: Mapped[str] = mapped_column(String(1000), unique=True)
    root_folder_path: Mapped[str] = mapped_column(String(1000))
    tags: Mapped[list[int]] = mapped_column(JsonType)
    added: Mapped[datetime] = mapped_column(UtcDateTime)
    last_info_sync: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_search_time: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AlternativeTitleRow(Base):
    """Another title a movie is known by, kept for matching release names."""

    __tablename__ = "alternative_titles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    clean_title: Mapped[str] = mapped_column(String(500), index=True)
    country: Mapped[str] = mapped_column(String(10))
    source_type: Mapped[str] = mapped_column(String(20))


class CreditRow(Base):
    """A person in a movie's cast or crew, as TMDB lists them."""

    __tablename__ = "credits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"), index=True)
    credit_tmdb_id: Mapped[str] = mapped_column(String(50))
    person_tmdb_id: Mapped[int] = mapped_column(Integer)
    person_name: Mapped[str] = mapped_column(String(500))
    type: Mapped[str] = mapped_column(String(10))
    order: Mapped[int] = mapped_column(Integer)
    character: Mapped[str | None] = mapped_column(String(1000))
    department: Mapped[str | None] = mapped_column(String(200))
    job: Mapped[str | None] = mapped_column(String(200))
    image: Mapped[str | None] = mapped_column(String(1000))


class MovieFileRow(Base):
    """The video file of a movie (one per movie, as in Radarr)."""

    __tablename__ = "movie_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    movie_id: Mapped[int] = mapped_column(ForeignKey("movies.id", ondelete="CASCADE"), unique=True)
    relative_path: Mapped[str] = mapped_column(String(1000))
    size: Mapped[int] = mapped_column(BigInteger)
    date_added: Mapped[datetime] = mapped_column(UtcDateTime)
    scene_name: Mapped[str | None] = mapped_column(String(1000))
    release_group: Mapped[str | None] = mapped_column(String(200))
    edition: Mapped[str | None] = mapped_column(String(200))
    quality: Mapped[dict[str, Any]] = mapped_column(JsonType)
    languages: Mapped[list[int]] = mapped_column(JsonType)
    media_info: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    original_file_path: Mapped[str | None] = mapped_column(String(1000))
    indexer_flags: Mapped[int] = mapped_column(Integer, default=0)


class ImportExclusionRow(Base):
    """A film that import lists and library imports must not add again."""

    __tablename__ = "import_exclusions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tmdb_id: Mapped[int] = mapped_column(Integer, unique=True)
    movie_title: Mapped[str] = mapped_column(String(500))
    movie_year: Mapped[int] = mapped_column(Integer)
