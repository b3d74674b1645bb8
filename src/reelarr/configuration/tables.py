"""The key/value table behind the configuration store."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base


class ConfigRow(Base):
    """One named setting, stored as text."""

    __tablename__ = "config"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
