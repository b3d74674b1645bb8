"""Tables of the import lists: the films each list offered at its last good fetch."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base


class ImportListMovieRow(Base):
    """One film one list offers (Radarr's ImportListMovies), resolved to its TMDB id."""

    __tablename__ = "import_list_movies"
    __table_args__ = (UniqueConstraint("list_id", "tmdb_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"), index=True)
    tmdb_id: Mapped[int] = mapped_column(Integer, index=True)
    imdb_id: Mapped[str | None] = mapped_column(String(20), nullable=True)
    title: Mapped[str] = mapped_column(String(500))
    year: Mapped[int] = mapped_column(Integer)
