"""/api/v3/remotepathmapping: where a download client's folders are on this machine (Radarr's shape)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Body, Depends, Response

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.remotepathmappings.model import RemotePathMapping
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/remotepathmapping", tags=["RemotePathMapping"])
ServicesDep = Annotated[Services, Depends(get_services)]


class RemotePathMappingResource(Resource):
    """A mapping as Radarr shows it: the client's host, its folder, and the same folder here."""

    id: int = 0
    host: str | None = None
    remote_path: str | None = None
    local_path: str | None = None

    def to_domain(self, mapping_id: int) -> RemotePathMapping:
        """The mapping this resource describes, with the id the route settled on."""
        return RemotePathMapping(mapping_id, self.host or "", self.remote_path or "", self.local_path or "")


def remote_path_mapping_resource(mapping: RemotePathMapping) -> RemotePathMappingResource:
    """The API view of a mapping."""
    return RemotePathMappingResource(
        id=mapping.id, host=mapping.host, remote_path=mapping.remote_path, local_path=mapping.local_path
    )


@router.get("")
async def list_remote_path_mappings(services: ServicesDep) -> list[RemotePathMappingResource]:
    """Every mapping."""
    return [remote_path_mapping_resource(m) for m in await services.remote_path_mappings.all()]


@router.get("/{id}")
async def get_remote_path_mapping(id: int, services: ServicesDep) -> RemotePathMappingResource:
    """One mapping."""
    return remote_path_mapping_resource(await services.remote_path_mappings.get(id))


@router.post("", status_code=201)
async def add_remote_path_mapping(
    services: ServicesDep, body: Annotated[RemotePathMappingResource, Body()]
) -> RemotePathMappingResource:
    """Add a mapping; the local folder must exist, and a host maps each remote folder once."""
    return remote_path_mapping_resource(await services.remote_path_mappings.add(body.to_domain(0)))


@put_with_optional_id(router, "", status_code=202)
async def update_remote_path_mapping(
    services: ServicesDep, body: Annotated[RemotePathMappingResource, Body()], id: int | None = None
) -> RemotePathMappingResource:
    """Change a mapping; the id comes from the body, or from the path when the body has none."""
    mapping = body.to_domain(body.id or id or 0)
    return remote_path_mapping_resource(await services.remote_path_mappings.update(mapping))


@router.delete("/{id}")
async def delete_remote_path_mapping(id: int, services: ServicesDep) -> Response:
    """Remove a mapping."""
    await services.remote_path_mappings.delete(id)
    return deleted()
