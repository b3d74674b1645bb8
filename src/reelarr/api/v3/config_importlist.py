"""/api/v3/config/importlist: Radarr's ImportListConfigResource (`listSyncLevel`), and Sonarr's
`listSyncTag`, the tag the clean-up puts on films it only logs or unmonitors (0: none)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import Body, Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.importlists.config import ImportListConfig
from reelarr.importlists.model import ListSyncLevel
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/importlist", tags=["ImportListConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]


class ImportListConfigResource(Resource):
    """The import list options; fields a client leaves out keep their stored values."""

    id: int = 1
    list_sync_level: ListSyncLevel | None = None
    list_sync_tag: int | None = None


def _resource(config: ImportListConfig) -> ImportListConfigResource:
    return ImportListConfigResource(
        id=1, list_sync_level=ListSyncLevel(config.list_sync_level), list_sync_tag=config.list_sync_tag
    )


@router.get("")
async def get_import_list_config(services: ServicesDep) -> ImportListConfigResource:
    """The options in force."""
    return _resource(await services.import_lists.config.get())


@router.get("/{id}")
async def get_import_list_config_by_id(id: int, services: ServicesDep) -> ImportListConfigResource:
    """The options in force (there is one set, whatever the id)."""
    return _resource(await services.import_lists.config.get())


@put_with_optional_id(router, "", status_code=202)
async def save_import_list_config(
    services: ServicesDep, body: Annotated[ImportListConfigResource, Body()], id: int | None = None
) -> ImportListConfigResource:
    """Save the options sent; a 400 in Radarr's shape when one breaks a rule."""
    current = asdict(await services.import_lists.config.get())
    sent = {k: v for k, v in body.model_dump(exclude={"id"}).items() if v is not None}
    if "list_sync_level" in sent:
        sent["list_sync_level"] = ListSyncLevel(sent["list_sync_level"]).value
    return _resource(await services.import_lists.config.save(ImportListConfig(**{**current, **sent})))
