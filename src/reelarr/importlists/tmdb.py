"""Radarr's TMDb lists, read through Reelarr's TMDB client (the key set under Settings → Metadata):
a list (`TMDbListImport`), a person's credits (`TMDbPersonImport`), a company's and a keyword's films
(`TMDbCompanyImport`, `TMDbKeywordImport`). A TMDB account's lists are in tmdb_user.py."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

from reelarr.errors import RemoteError, ValidationFailure
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.settings import ProviderSettings

_ID = re.compile(r"^[1-9][0-9]*$")
# Radarr stops at 1000 films a list; a list with more is read that far and marked truncated.
MAX_ITEMS = 1000


def tmdb_id_failures(property_name: str, value: str, label: str) -> list[ValidationFailure]:
    """Radarr's rule for a TMDb id setting: a positive number."""
    if _ID.match(value.strip()):
        return []
    return [ValidationFailure(property_name, f"'{label}' is not in the correct format.", value)]


def film(result: Any) -> ListItem | None:
    """A film of a TMDB result list (Radarr's MapListMovie); None without an id or a release date."""
    if not isinstance(result, Mapping) or not isinstance(result.get("id"), int):
        return None
    released = str(result.get("release_date") or "")
    if not released:
        return None  # Radarr's "Movies with no Year Fix"
    year = int(released[:4]) if released[:4].isdigit() else 0
    return ListItem(title=str(result.get("title") or ""), year=year, tmdb_id=result["id"])


class TMDbImportBase(ImportList):
    """A TMDB query, read page by page up to Radarr's 1000 films."""

    list_type: ClassVar[ListType] = ListType.TMDB
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=12)
    results_key: ClassVar[str] = "results"
    max_pages: ClassVar[int | None] = None  # None: every page TMDB says there is

    def query(self) -> tuple[str, dict[str, str | int]]:
        """The TMDB path and parameters (without the page)."""
        raise NotImplementedError

    def keep(self, result: Mapping[str, Any]) -> bool:
        """Whether a result is one of the list's films."""
        return True

    async def _document(self, path: str, params: Mapping[str, str | int]) -> Any:
        try:
            return await self.context.tmdb.document(path, params)
        except RemoteError as error:
            raise ImportListFailed(f"TMDb: {error.message}") from error

    async def fetch(self) -> ListFetch:
        """Every page of the query (Radarr's pages), films with a release date."""
        path, params = self.query()
        items: list[ListItem] = []
        page, pages = 1, 1
        while page <= pages:
            doc = await self._document(path, {**params, "page": page})
            results = doc.get(self.results_key)
            if not isinstance(results, list):
                raise ImportListFailed("TMDb did not answer with a list of films")
            items += [i for r in results if isinstance(r, Mapping) and self.keep(r) and (i := film(r))]
            total = doc.get("total_pages")
            pages = total if isinstance(total, int) else 1
            if self.max_pages is not None:
                pages = min(pages, self.max_pages)
            if len(items) >= MAX_ITEMS:
                return ListFetch(tuple(items[:MAX_ITEMS]), truncated=True)
            page += 1
        return ListFetch(tuple(items))


class TMDbListSettings(ProviderSettings):
    """Which TMDb list."""

    list_id: str = setting("", label="List Id", type=FieldType.TEXTBOX, help="TMDb Id of List to Follow")

    def check(self) -> list[ValidationFailure]:
        """Radarr's TMDbListSettingsValidator."""
        return tmdb_id_failures("listId", self.list_id, "List Id")


class TMDbListImport(TMDbImportBase):
    """The films of a TMDb list (its series left out)."""

    implementation: ClassVar[str] = "TMDbListImport"
    implementation_name: ClassVar[str] = "TMDb List"
    settings_model: ClassVar[type[ProviderSettings]] = TMDbListSettings
    results_key: ClassVar[str] = "items"

    def query(self) -> tuple[str, dict[str, str | int]]:
        """`/list/{id}`."""
        settings = self.definition.settings
        assert isinstance(settings, TMDbListSettings)
        return f"/list/{int(settings.list_id.strip())}", {}

    def keep(self, result: Mapping[str, Any]) -> bool:
        """Films only."""
        return bool(result.get("media_type", "movie") == "movie")


class TMDbCompanySettings(ProviderSettings):
    """Which company."""

    company_id: str = setting("", label="Company Id", help="TMDb Id of Company to Follow")

    def check(self) -> list[ValidationFailure]:
        """Radarr's TMDbCompanySettingsValidator."""
        return tmdb_id_failures("companyId", self.company_id, "Company Id")


class TMDbCompanyImport(TMDbImportBase):
    """A company's films (TMDB's discover)."""

    implementation: ClassVar[str] = "TMDbCompanyImport"
    implementation_name: ClassVar[str] = "TMDb Company"
    settings_model: ClassVar[type[ProviderSettings]] = TMDbCompanySettings

    def query(self) -> tuple[str, dict[str, str | int]]:
        """`/discover/movie?with_companies=`."""
        settings = self.definition.settings
        assert isinstance(settings, TMDbCompanySettings)
        return "/discover/movie", {"with_companies": settings.company_id.strip()}


class TMDbKeywordSettings(ProviderSettings):
    """Which keyword."""

    keyword_id: str = setting("", label="Keyword Id", help="TMDb Id of keyword to Follow")

    def check(self) -> list[ValidationFailure]:
        """Radarr's TMDbKeywordSettingsValidator."""
        return tmdb_id_failures("keywordId", self.keyword_id, "Keyword Id")


class TMDbKeywordImport(TMDbImportBase):
    """A keyword's films (TMDB's discover)."""

    implementation: ClassVar[str] = "TMDbKeywordImport"
    implementation_name: ClassVar[str] = "TMDb Keyword"
    settings_model: ClassVar[type[ProviderSettings]] = TMDbKeywordSettings

    def query(self) -> tuple[str, dict[str, str | int]]:
        """`/discover/movie?with_keywords=`."""
        settings = self.definition.settings
        assert isinstance(settings, TMDbKeywordSettings)
        return "/discover/movie", {"with_keywords": settings.keyword_id.strip()}


_DEPARTMENTS = {
    "person_cast_director": "Directing",
    "person_cast_producer": "Production",
    "person_cast_sound": "Sound",
    "person_cast_writing": "Writing",
}


class TMDbPersonSettings(ProviderSettings):
    """Which person, and which of their credits."""

    person_id: str = setting("", label="Person Id", help="TMDb Id of Person to Follow")
    person_cast: bool = setting(
        False, label="Person Cast", type=FieldType.CHECKBOX, help="Select if you want to include Cast credits"
    )
    person_cast_director: bool = setting(
        False,
        label="Person Director Credits",
        type=FieldType.CHECKBOX,
        help="Select if you want to include Director credits",
    )
    person_cast_producer: bool = setting(
        False,
        label="Person Producer Credits",
        type=FieldType.CHECKBOX,
        help="Select if you want to include Producer credits",
    )
    person_cast_sound: bool = setting(
        False,
        label="Person Sound Credits",
        type=FieldType.CHECKBOX,
        help="Select if you want to include Sound credits",
    )
    person_cast_writing: bool = setting(
        False,
        label="Person Writing Credits",
        type=FieldType.CHECKBOX,
        help="Select if you want to include Writing credits",
    )

    def departments(self) -> set[str]:
        """The crew departments asked for."""
        return {department for name, department in _DEPARTMENTS.items() if getattr(self, name)}

    def check(self) -> list[ValidationFailure]:
        """Radarr's TMDbPersonSettingsValidator: an id, and at least one kind of credit."""
        failures = tmdb_id_failures("personId", self.person_id, "Person Id")
        if not self.person_cast and not self.departments():
            failures.append(ValidationFailure("personCast", "Must Select One Credit Type Option", False))
        return failures


class TMDbPersonImport(TMDbImportBase):
    """A person's films: as cast and in the crew departments chosen."""

    implementation: ClassVar[str] = "TMDbPersonImport"
    implementation_name: ClassVar[str] = "TMDb Person"
    settings_model: ClassVar[type[ProviderSettings]] = TMDbPersonSettings

    async def fetch(self) -> ListFetch:
        """`/person/{id}/movie_credits`, one document."""
        settings = self.definition.settings
        assert isinstance(settings, TMDbPersonSettings)
        doc = await self._document(f"/person/{int(settings.person_id.strip())}/movie_credits", {})
        cast, crew = doc.get("cast"), doc.get("crew")
        if not isinstance(cast, list) or not isinstance(crew, list):
            raise ImportListFailed("TMDb did not answer with a person's credits")
        chosen = [r for r in cast if settings.person_cast] + [
            r for r in crew if isinstance(r, Mapping) and r.get("department") in settings.departments()
        ]
        items = {i.tmdb_id: i for r in chosen if (i := film(r)) is not None}
        return ListFetch(tuple(items.values()))
