"""The custom filters table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType


class CustomFilterRow(Base):
    """One saved filter: the list it belongs to (`type`), its label and its conditions as the UI sent them."""

    __tablename__ = "custom_filters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(200))
    filters: Mapped[list[dict[str, Any]]] = mapped_column(JsonType)
