"""/api/v3/delayprofile: how long to wait for a better release, per protocol and per tag (Radarr's shape)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Body, Depends, Query, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import deleted
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.delayprofiles.model import DelayProfile
from reelarr.errors import ValidationFailed
from reelarr.protocols import DownloadProtocol
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/delayprofile", tags=["DelayProfile"])
ServicesDep = Annotated[Services, Depends(get_services)]


class DelayProfileResource(Resource):
    """A delay profile as Radarr shows it; delays are in minutes."""

    id: int = 0
    enable_usenet: bool = True
    enable_torrent: bool = True
    preferred_protocol: str | int = "usenet"
    usenet_delay: int = 0
    torrent_delay: int = 0
    bypass_if_highest_quality: bool = False
    bypass_if_above_custom_format_score: bool = False
    minimum_custom_format_score: int = 0
    order: int = 0
    tags: list[int] = Field(default_factory=list)

    def to_domain(self, profile_id: int) -> DelayProfile:
        """The profile this resource describes, with the id the route settled on."""
        protocol = DownloadProtocol.parse(self.preferred_protocol)
        if protocol is None:
            raise ValidationFailed.single(
                "preferredProtocol",
                f"'{self.preferred_protocol}' is not a valid protocol",
                self.preferred_protocol,
            )
        return DelayProfile(
            id=profile_id,
            enable_usenet=self.enable_usenet,
            enable_torrent=self.enable_torrent,
            preferred_protocol=protocol,
            usenet_delay=self.usenet_delay,
            torrent_delay=self.torrent_delay,
            bypass_if_highest_quality=self.bypass_if_highest_quality,
            bypass_if_above_custom_format_score=self.bypass_if_above_custom_format_score,
            minimum_custom_format_score=self.minimum_custom_format_score,
            order=self.order,
            tags=frozenset(self.tags),
        )


def delay_profile_resource(profile: DelayProfile) -> DelayProfileResource:
    """The API view of a delay profile."""
    return DelayProfileResource(
        id=profile.id,
        enable_usenet=profile.enable_usenet,
        enable_torrent=profile.enable_torrent,
        preferred_protocol=profile.preferred_protocol.value,
        usenet_delay=profile.usenet_delay,
        torrent_delay=profile.torrent_delay,
        bypass_if_highest_quality=profile.bypass_if_highest_quality,
        bypass_if_above_custom_format_score=profile.bypass_if_above_custom_format_score,
        minimum_custom_format_score=profile.minimum_custom_format_score,
        order=profile.order,
        tags=sorted(profile.tags),
    )


@router.get("")
async def list_delay_profiles(services: ServicesDep) -> list[DelayProfileResource]:
    """Every delay profile in order, the global one last."""
    return [delay_profile_resource(p) for p in await services.delay_profiles.all()]


@router.get("/{id}")
async def get_delay_profile(id: int, services: ServicesDep) -> DelayProfileResource:
    """One delay profile."""
    return delay_profile_resource(await services.delay_profiles.get(id))


@router.post("", status_code=201)
async def add_delay_profile(
    services: ServicesDep, body: Annotated[DelayProfileResource, Body()]
) -> DelayProfileResource:
    """Add a delay profile for some tags; it goes just before the global one."""
    return delay_profile_resource(await services.delay_profiles.add(body.to_domain(0)))


@put_with_optional_id(router, "", status_code=202)
async def update_delay_profile(
    services: ServicesDep, body: Annotated[DelayProfileResource, Body()], id: int | None = None
) -> DelayProfileResource:
    """Change a delay profile; the id comes from the body, or from the path when the body has none."""
    profile = body.to_domain(body.id or id or 0)
    return delay_profile_resource(await services.delay_profiles.update(profile))


@router.put("/reorder/{id}")
async def reorder_delay_profiles(
    id: int, services: ServicesDep, after: Annotated[int | None, Query()] = None
) -> list[DelayProfileResource]:
    """Place a profile right after `after` (first without it); answers every profile in the new order."""
    return [delay_profile_resource(p) for p in await services.delay_profiles.reorder(id, after)]


@router.delete("/{id}")
async def delete_delay_profile(id: int, services: ServicesDep) -> Response:
    """Remove a delay profile (405 for the global one)."""
    await services.delay_profiles.delete(id)
    return deleted()
