"""The custom formats table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType


class CustomFormatRow(Base):
    """A custom format; its conditions are JSON (`[{name, implementation, negate, required, fields}]`)."""

    __tablename__ = "custom_formats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    include_custom_format_when_renaming: Mapped[bool] = mapped_column(Boolean)
    specifications: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
