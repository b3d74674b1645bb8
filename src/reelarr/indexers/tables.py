"""Tables of the indexers package (the indexers themselves are rows of the providers table)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from reelarr.db.base import Base, UtcDateTime


class QueryBudgetRow(Base):
    """An indexer's query budget as a token bucket: tokens left at `updated`, refilled over the hour."""

    __tablename__ = "indexer_query_budget"

    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    updated: Mapped[datetime] = mapped_column(UtcDateTime)
