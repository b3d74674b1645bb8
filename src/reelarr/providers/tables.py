"""Stored providers of every family, and their status (failures and back-off)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType, UtcDateTime


class ProviderRow(Base):
    """One provider of one family (indexer, download client, ...); names are unique per family,
    ignoring case."""

    __tablename__ = "providers"
    __table_args__ = (UniqueConstraint("family", "name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family: Mapped[str] = mapped_column(String(50), index=True)
    name: Mapped[str] = mapped_column(String(500))
    name_key: Mapped[str] = mapped_column(String(500))  # the name lower-cased
    implementation: Mapped[str] = mapped_column(String(200))
    config_contract: Mapped[str] = mapped_column(String(200))
    settings: Mapped[dict[str, Any]] = mapped_column(JsonType)
    options: Mapped[dict[str, Any]] = mapped_column(JsonType)
    tags: Mapped[list[int]] = mapped_column(JsonType)
    added: Mapped[datetime] = mapped_column(UtcDateTime)


class ProviderStatusRow(Base):
    """How a provider has been failing: Radarr's escalating back-off, the last error, and the
    family's own notes (an indexer's last RSS release)."""

    __tablename__ = "provider_status"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"), unique=True)
    initial_failure: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    most_recent_failure: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    disabled_till: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
