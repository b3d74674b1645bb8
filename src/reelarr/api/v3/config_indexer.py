"""/api/v3/config/indexer: Radarr's indexer options (minimum age, retention, maximum size, RSS
interval, availability delay, indexer flags, hard-coded subtitles)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import Body, Depends
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.indexers.config import IndexerConfig
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/indexer", tags=["IndexerConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]


class IndexerConfigResource(Resource):
    """The indexer options; fields a client leaves out keep their stored values."""

    id: int = 1
    minimum_age: Int32 | None = None
    maximum_size: Int32 | None = None
    retention: Int32 | None = None
    rss_sync_interval: Int32 | None = None
    prefer_indexer_flags: bool | None = None
    availability_delay: Int32 | None = None
    allow_hardcoded_subs: bool | None = None
    whitelisted_hardcoded_subs: str | None = None


def _resource(config: IndexerConfig) -> IndexerConfigResource:
    return IndexerConfigResource(id=1, **asdict(config))


@router.get("")
async def get_indexer_config(services: ServicesDep) -> IndexerConfigResource:
    """The options in force."""
    return _resource(await services.indexer_config.get())


@router.get("/{id}")
async def get_indexer_config_by_id(id: int, services: ServicesDep) -> IndexerConfigResource:
    """The options in force (there is one set, whatever the id)."""
    return _resource(await services.indexer_config.get())


@put_with_optional_id(router, "", status_code=202)
async def save_indexer_config(
    services: ServicesDep, body: Annotated[IndexerConfigResource, Body()], id: int | None = None
) -> IndexerConfigResource:
    """Save the options sent; a 400 in Radarr's shape when one breaks a rule."""
    current = asdict(await services.indexer_config.get())
    sent = {k: v for k, v in body.model_dump(exclude={"id"}).items() if v is not None}
    return _resource(await services.indexer_config.save(IndexerConfig(**{**current, **sent})))
