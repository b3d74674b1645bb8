"""/api/v3/config/tmdb: TMDB's key and address (a Reelarr extension; Radarr uses its own proxy)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Body, Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.metadata.settings import TmdbSettingsView
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/tmdb", tags=["Config"])
ServicesDep = Annotated[Services, Depends(get_services)]


class TmdbConfigResource(Resource):
    """TMDB settings; the key is write-only and shown masked."""

    id: int = 1
    api_url: str | None = None
    api_key: str | None = None
    configured: bool = False
    from_environment: bool = False


def _resource(view: TmdbSettingsView) -> TmdbConfigResource:
    return TmdbConfigResource(
        api_url=view.api_url,
        api_key="********" if view.configured else "",
        configured=view.configured,
        from_environment=view.from_environment,
    )


@router.get("")
async def get_tmdb_config(services: ServicesDep) -> TmdbConfigResource:
    """The TMDB settings in force."""
    return _resource(services.tmdb_settings.view())


@put_with_optional_id(router, "", status_code=202)
async def save_tmdb_config(
    services: ServicesDep, body: Annotated[TmdbConfigResource, Body()], id: int | None = None
) -> TmdbConfigResource:
    """Save a TMDB key or address after TMDB accepts it; the masked key leaves the key as it is."""
    key = body.api_key if body.api_key not in (None, "********") else None
    url = body.api_url if body.api_url and body.api_url != services.tmdb_settings.view().api_url else None
    return _resource(await services.tmdb_settings.save(api_key=key, api_url=url))
