"""Reading back what an import wrote, through the installation's services."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from reelarr.app import build_services
from reelarr.db.base import utcnow
from reelarr.db.engine import Database
from reelarr.services import Services
from reelarr.settings import Settings


@asynccontextmanager
async def installation(settings: Settings) -> AsyncIterator[Services]:
    """The installation's services, to read what arrived."""
    db = Database(settings.resolved_database_url)
    services = build_services(settings, db, utcnow)
    try:
        yield services
    finally:
        await services.remote.aclose()
        await db.close()
