"""/api/v3/config/mediamanagement: how files are imported, upgraded and kept (Radarr's fields)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import Body, Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.mediamanagement.config import MediaManagementConfig
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/mediamanagement", tags=["MediaManagementConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]


class MediaManagementConfigResource(Resource):
    """The media management options; fields a client leaves out keep their stored values."""

    id: int = 1
    auto_unmonitor_previously_downloaded_movies: bool | None = None
    recycle_bin: str | None = None
    recycle_bin_cleanup_days: int | None = None
    download_propers_and_repacks: Literal["preferAndUpgrade", "doNotUpgrade", "doNotPrefer"] | None = None
    create_empty_movie_folders: bool | None = None
    delete_empty_folders: bool | None = None
    file_date: Literal["none", "cinemas", "release"] | None = None
    rescan_after_refresh: Literal["always", "afterManual", "never"] | None = None
    auto_rename_folders: bool | None = None
    paths_default_static: bool | None = None
    set_permissions_linux: bool | None = None
    chmod_folder: str | None = None
    chown_group: str | None = None
    skip_free_space_check_when_importing: bool | None = None
    minimum_free_space_when_importing: int | None = None
    copy_using_hardlinks: bool | None = None
    use_script_import: bool | None = None
    script_import_path: str | None = None
    import_extra_files: bool | None = None
    extra_file_extensions: str | None = None
    enable_media_info: bool | None = None


def _resource(config: MediaManagementConfig) -> MediaManagementConfigResource:
    return MediaManagementConfigResource.model_validate({"id": 1, **asdict(config)})


@router.get("")
async def get_media_management_config(services: ServicesDep) -> MediaManagementConfigResource:
    """The options in force."""
    return _resource(await services.media_management.get())


@router.get("/{id}")
async def get_media_management_config_by_id(id: int, services: ServicesDep) -> MediaManagementConfigResource:
    """The options in force (there is one set, whatever the id)."""
    return _resource(await services.media_management.get())


@put_with_optional_id(router, "", status_code=202)
async def save_media_management_config(
    services: ServicesDep, body: Annotated[MediaManagementConfigResource, Body()], id: int | None = None
) -> MediaManagementConfigResource:
    """Save the options sent; a 400 in Radarr's shape when one breaks a rule."""
    current = asdict(await services.media_management.get())
    sent = {k: v for k, v in body.model_dump(exclude={"id"}).items() if v is not None}
    return _resource(await services.media_management.save(MediaManagementConfig(**{**current, **sent})))
