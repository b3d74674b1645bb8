"""Tables of the rootfolders package."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, UtcDateTime


class RootFolderRow(Base):
    """A folder that holds movie folders; the path is absolute and normalised (no trailing slash)."""

    __tablename__ = "root_folders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
