"""The auto tagging table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType


class AutoTagRow(Base):
    """An auto tagging rule; conditions are JSON (`[{name, implementation, negate, required, fields}]`)."""

    __tablename__ = "auto_tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    remove_tags_automatically: Mapped[bool] = mapped_column(Boolean)
    tags: Mapped[list[int]] = mapped_column(JsonType)
    specifications: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
