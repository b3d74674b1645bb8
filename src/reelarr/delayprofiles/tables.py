"""The delay profiles table."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, JsonType


class DelayProfileRow(Base):
    """One delay profile; `tags` is a JSON list of tag ids."""

    __tablename__ = "delay_profiles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enable_usenet: Mapped[bool] = mapped_column(Boolean)
    enable_torrent: Mapped[bool] = mapped_column(Boolean)
    preferred_protocol: Mapped[str] = mapped_column(String(20))
    usenet_delay: Mapped[int] = mapped_column(Integer)
    torrent_delay: Mapped[int] = mapped_column(Integer)
    bypass_if_highest_quality: Mapped[bool] = mapped_column(Boolean)
    bypass_if_above_custom_format_score: Mapped[bool] = mapped_column(Boolean)
    minimum_custom_format_score: Mapped[int] = mapped_column(Integer)
    order: Mapped[int] = mapped_column(Integer)
    tags: Mapped[list[int]] = mapped_column(JsonType)
