"""The release profiles table."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType


class ReleaseProfileRow(Base):
    """One release profile; terms and tags are JSON lists."""

    __tablename__ = "release_profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    enabled: Mapped[bool] = mapped_column(Boolean)
    required: Mapped[list[str]] = mapped_column(JsonType)
    ignored: Mapped[list[str]] = mapped_column(JsonType)
    indexer_id: Mapped[int] = mapped_column(Integer)
    tags: Mapped[list[int]] = mapped_column(JsonType)
