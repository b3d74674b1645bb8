"""/api/v3/localization: the UI's strings and language, shaped as Radarr's LocalizationController
answers them (its dictionary keeps .NET's property name, `Strings`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.localization import LANGUAGE_IDENTIFIER, strings

router = ApiRouter(prefix="/api/v3/localization", tags=["Localization"])


class LocalizationResource(BaseModel):
    """Radarr's LocalizationResource, serialized without camel-casing: `{"Strings": {key: text}}`."""

    model_config = ConfigDict(populate_by_name=True)

    strings: dict[str, str] = Field(alias="Strings")


class LocalizationLanguageResource(Resource):
    """The language the UI speaks, as an identifier ("en")."""

    identifier: str


@router.get("")
async def get_localization() -> LocalizationResource:
    """Every string of the UI under Radarr's keys (English: the only language there is)."""
    return LocalizationResource(strings=strings())


@router.get("/language")
async def get_localization_language() -> LocalizationLanguageResource:
    """English, whatever uiLanguage asks: Reelarr's UI has no other."""
    return LocalizationLanguageResource(identifier=LANGUAGE_IDENTIFIER)
