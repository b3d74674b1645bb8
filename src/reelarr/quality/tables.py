"""Tables of the quality package: size definitions and quality profiles."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType


class QualityDefinitionRow(Base):
    """A quality's title, weight and size limits (MB per minute of runtime; null is unlimited)."""

    __tablename__ = "quality_definitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    quality_id: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(100))
    weight: Mapped[int] = mapped_column(Integer)
    min_size: Mapped[float | None] = mapped_column(Float)
    max_size: Mapped[float | None] = mapped_column(Float)
    preferred_size: Mapped[float | None] = mapped_column(Float)


class QualityProfileRow(Base):
    """A quality profile; its items (ordered qualities and groups) and format scores are JSON."""

    __tablename__ = "quality_profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    upgrade_allowed: Mapped[bool] = mapped_column(Boolean)
    cutoff: Mapped[int] = mapped_column(Integer)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
    min_format_score: Mapped[int] = mapped_column(Integer)
    cutoff_format_score: Mapped[int] = mapped_column(Integer)
    min_upgrade_format_score: Mapped[int] = mapped_column(Integer)
    format_items: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
    language_id: Mapped[int] = mapped_column(Integer)
