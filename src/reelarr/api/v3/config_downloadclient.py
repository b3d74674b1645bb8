"""/api/v3/config/downloadclient: completed and failed download handling (Radarr's fields)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import Body, Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.downloads.config import DownloadClientConfig
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/downloadclient", tags=["DownloadClientConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]


class DownloadClientConfigResource(Resource):
    """The download client options; fields a client leaves out keep their stored values."""

    id: int = 1
    download_client_working_folders: str | None = None
    enable_completed_download_handling: bool | None = None
    check_for_finished_download_interval: int | None = None
    auto_redownload_failed: bool | None = None
    auto_redownload_failed_from_interactive_search: bool | None = None


def _resource(config: DownloadClientConfig) -> DownloadClientConfigResource:
    return DownloadClientConfigResource(id=1, **asdict(config))


@router.get("")
async def get_download_client_config(services: ServicesDep) -> DownloadClientConfigResource:
    """The options in force."""
    return _resource(await services.download_client_config.get())


@router.get("/{id}")
async def get_download_client_config_by_id(id: int, services: ServicesDep) -> DownloadClientConfigResource:
    """The options in force (there is one set, whatever the id)."""
    return _resource(await services.download_client_config.get())


@put_with_optional_id(router, "", status_code=202)
async def save_download_client_config(
    services: ServicesDep, body: Annotated[DownloadClientConfigResource, Body()], id: int | None = None
) -> DownloadClientConfigResource:
    """Save the options sent; a 400 in Radarr's shape when one breaks a rule."""
    current = asdict(await services.download_client_config.get())
    sent = {k: v for k, v in body.model_dump(exclude={"id"}).items() if v is not None}
    return _resource(await services.download_client_config.save(DownloadClientConfig(**{**current, **sent})))
