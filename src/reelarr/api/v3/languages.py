"""/api/v3/language: Radarr's languages."""

from __future__ import annotations

from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.errors import NotFound
from reelarr.languages import ALL_LANGUAGES, Language, language_by_id

router = ApiRouter(prefix="/api/v3/language", tags=["Language"])


class LanguageListResource(Resource):
    """A language as /language lists it."""

    id: int
    name: str
    name_lower: str


def _resource(language: Language) -> LanguageListResource:
    return LanguageListResource(id=language.id, name=language.name, name_lower=language.name.lower())


@router.get("")
async def list_languages() -> list[LanguageListResource]:
    """Every language Radarr knows, with Any and Original."""
    return [_resource(language) for language in ALL_LANGUAGES]


@router.get("/{id}")
async def get_language(id: int) -> LanguageListResource:
    """One language."""
    language = language_by_id(id)
    if language is None:
        raise NotFound(f"Language with ID {id} does not exist")
    return _resource(language)
