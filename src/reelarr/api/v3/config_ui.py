"""/api/v3/config/ui: Settings → UI (Radarr's UiConfigResource)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import Body, Depends

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.services import Services
from reelarr.uiconfig.config import UiConfig, ui_section

router = ApiRouter(prefix="/api/v3/config/ui", tags=["UiConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]

# Radarr options Reelarr's UI does not act on: answered with the one value it works by and refused
# when another is asked for, so nothing is stored without effect.
FIXED: dict[str, tuple[Any, str]] = {
    "calendar_week_column_header": ("ddd M/D", "Reelarr's calendar shows months, not weeks"),
    "movie_runtime_format": ("hoursMinutes", "Reelarr writes run times in hours and minutes"),
    "enable_color_impaired_mode": (False, "Reelarr has no colour-impaired mode yet"),
    "ui_language": (1, "The UI is in English (language 1)"),
}


class UiConfigResource(Resource):
    """Radarr's UiConfigResource; fields a client leaves out keep their stored values."""

    id: int = 1
    first_day_of_week: int | None = None
    calendar_week_column_header: str | None = None
    movie_runtime_format: str | None = None
    short_date_format: str | None = None
    long_date_format: str | None = None
    time_format: str | None = None
    show_relative_dates: bool | None = None
    enable_color_impaired_mode: bool | None = None
    movie_info_language: int | None = None
    ui_language: int | None = None
    theme: str | None = None


def _resource(config: UiConfig) -> UiConfigResource:
    return UiConfigResource.model_validate(
        {"id": 1, **asdict(config), **{name: value for name, (value, _) in FIXED.items()}}
    )


@router.get("")
async def get_ui_config(services: ServicesDep) -> UiConfigResource:
    """The options in force."""
    return _resource(await ui_section(services.config, services.bus).get())


@router.get("/{id}")
async def get_ui_config_by_id(id: int, services: ServicesDep) -> UiConfigResource:
    """The options in force (there is one set, whatever the id)."""
    return await get_ui_config(services)


@put_with_optional_id(router, "", status_code=202)
async def save_ui_config(
    services: ServicesDep, body: Annotated[UiConfigResource, Body()], id: int | None = None
) -> UiConfigResource:
    """Save the options sent; a 400 in Radarr's shape when one breaks a rule, nothing saved."""
    failures = [
        ValidationFailure(UiConfigResource.model_fields[name].alias or name, reason, getattr(body, name))
        for name, (value, reason) in FIXED.items()
        if getattr(body, name) is not None and getattr(body, name) != value
    ]
    if failures:
        raise ValidationFailed(failures)
    section = ui_section(services.config, services.bus)
    current = asdict(await section.get())
    sent = {k: v for k, v in body.model_dump(include=set(current)).items() if v is not None}
    return _resource(await section.save(UiConfig(**{**current, **sent})))
