"""The naming settings table: one row, as in Radarr."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base


class NamingConfigRow(Base):
    """The naming settings; the colon mode is Radarr's API name ("smart", "spaceDash", ...)."""

    __tablename__ = "naming_config"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rename_movies: Mapped[bool] = mapped_column(Boolean)
    replace_illegal_characters: Mapped[bool] = mapped_column(Boolean)
    colon_replacement_format: Mapped[str] = mapped_column(String(20))
    standard_movie_format: Mapped[str] = mapped_column(Text)
    movie_folder_format: Mapped[str] = mapped_column(Text)
