"""/api/v3/config/metadata: Settings → Metadata's options (Radarr's MetadataConfigResource)."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from fastapi import Body, Depends
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.metadata.options import COUNTRIES, MetadataOptions, country_code, metadata_options_section
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/config/metadata", tags=["MetadataConfig"])
ServicesDep = Annotated[Services, Depends(get_services)]
Country = Literal["au", "br", "ca", "fr", "de", "gb", "in", "ie", "it", "nz", "ro", "es", "us"]
assert get_args(Country) == COUNTRIES  # one list, two spellings: the schema's and the checker's


class MetadataConfigResource(Resource):
    """The options in force: the country whose rating certificate films carry."""

    id: int = 1
    certification_country: Country


class MetadataConfigInput(Resource):
    """The options sent: a country by name (any case) or by Radarr's number; left out, kept."""

    id: int = 1
    certification_country: Any = Field(
        None, json_schema_extra={"enum": list(COUNTRIES)}, description="TMDbCountryCode"
    )


def _resource(options: MetadataOptions) -> MetadataConfigResource:
    return MetadataConfigResource.model_validate(
        {"id": 1, "certificationCountry": options.certification_country}
    )


@router.get("")
async def get_metadata_config(services: ServicesDep) -> MetadataConfigResource:
    """The options in force."""
    return _resource(await metadata_options_section(services.config, services.bus).get())


@router.get("/{id}")
async def get_metadata_config_by_id(id: int, services: ServicesDep) -> MetadataConfigResource:
    """The options in force (there is one set, whatever the id)."""
    return await get_metadata_config(services)


@put_with_optional_id(router, "", status_code=202)
async def save_metadata_config(
    services: ServicesDep, body: Annotated[MetadataConfigInput, Body()], id: int | None = None
) -> MetadataConfigResource:
    """Save the options sent; a 400 in Radarr's shape for a country Radarr does not offer."""
    section = metadata_options_section(services.config, services.bus)
    sent = body.certification_country
    if sent is None:
        return _resource(await section.get())
    country = country_code(sent)
    if country is None:
        reason = f"Must be one of: {', '.join(COUNTRIES)}"
        raise ValidationFailed([ValidationFailure("certificationCountry", reason, sent)])
    return _resource(await section.save(MetadataOptions(certification_country=country)))
