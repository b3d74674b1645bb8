"""The remote path mappings table."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base


class RemotePathMappingRow(Base):
    """One mapping; both paths are stored with their trailing separator, as Radarr stores them."""

    __tablename__ = "remote_path_mappings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    remote_path: Mapped[str] = mapped_column(Text)
    local_path: Mapped[str] = mapped_column(Text)
