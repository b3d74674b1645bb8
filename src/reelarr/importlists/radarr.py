"""Radarr's RadarrImport: another Radarr's (or Reelarr's) films, filtered by profile, tag and root."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

from reelarr.errors import NotFound, ValidationFailure
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.http import get_json
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings, not_empty, valid_root_url

_ACTIONS = {
    "getProfiles": ("/api/v3/qualityprofile", "id", "name"),
    "getTags": ("/api/v3/tag", "id", "label"),
    "getRootFolders": ("/api/v3/rootfolder", "path", "path"),
}


class RadarrSettings(ProviderSettings):
    """Where the other instance is, its API key, and which of its films to take (empty: all)."""

    base_url: str = setting(
        "",
        label="Full URL",
        help="URL, including port, of the Radarr instance to import from",
    )
    api_key: str = setting(
        "",
        label="API Key",
        privacy=Privacy.API_KEY,
        help="Apikey of the Radarr instance to import from",
    )
    profile_ids: list[int] = setting(
        label="Quality Profiles",
        type=FieldType.SELECT,
        options_action="getProfiles",
        help="Quality Profiles from the source instance to import from",
        default_factory=list,
    )
    tag_ids: list[int] = setting(
        label="Tags",
        type=FieldType.SELECT,
        options_action="getTags",
        help="Tags from the source instance to import from",
        default_factory=list,
    )
    root_folder_paths: list[str] = setting(
        label="Root Folders",
        type=FieldType.SELECT,
        options_action="getRootFolders",
        help="Root Folders from the source instance to import from",
        default_factory=list,
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's RadarrSettingsValidator."""
        return valid_root_url("baseUrl", self.base_url, "Full URL") + not_empty(
            "apiKey", self.api_key, "API Key"
        )


def _wanted(movie: Mapping[str, Any], settings: RadarrSettings) -> bool:
    if settings.profile_ids and movie.get("qualityProfileId") not in settings.profile_ids:
        return False
    tags = movie.get("tags") if isinstance(movie.get("tags"), list) else []
    if settings.tag_ids and not set(settings.tag_ids) & set(tags or []):
        return False
    path = str(movie.get("path") or "").lower()
    return not settings.root_folder_paths or any(r.lower() in path for r in settings.root_folder_paths)


def _item(movie: Any) -> ListItem | None:
    if not isinstance(movie, Mapping) or not isinstance(movie.get("tmdbId"), int):
        return None
    year = movie.get("year")
    return ListItem(
        title=str(movie.get("title") or ""),
        year=year if isinstance(year, int) else 0,
        tmdb_id=movie["tmdbId"],
        imdb_id=str(movie.get("imdbId") or ""),
    )


class RadarrImport(ImportList):
    """Another Radarr's library, read through its v3 API."""

    implementation: ClassVar[str] = "RadarrImport"
    implementation_name: ClassVar[str] = "Radarr"
    settings_model: ClassVar[type[ProviderSettings]] = RadarrSettings
    list_type: ClassVar[ListType] = ListType.PROGRAM
    min_refresh_interval: ClassVar[timedelta] = timedelta(minutes=15)

    @property
    def settings(self) -> RadarrSettings:
        """The definition's settings."""
        settings = self.definition.settings
        assert isinstance(settings, RadarrSettings)
        return settings

    async def _get(self, path: str) -> Any:
        settings = self.settings
        service = self.service()
        url = settings.base_url.strip().rstrip("/") + path
        headers = {"X-Api-Key": settings.api_key, "Accept": "application/json"}
        return await get_json(service, url, headers=headers)

    async def fetch(self) -> ListFetch:
        """The other instance's films that pass the filters."""
        movies = await self._get("/api/v3/movie")
        if not isinstance(movies, list):
            raise ImportListFailed("The Radarr API did not answer with a list of movies")
        settings = self.settings
        items = [
            item
            for movie in movies
            if isinstance(movie, Mapping) and _wanted(movie, settings) and (item := _item(movie)) is not None
        ]
        return ListFetch(tuple(items))

    async def action(self, name: str, query: Mapping[str, str]) -> Any:
        """The other instance's profiles, tags or root folders, as select options."""
        if name not in _ACTIONS:
            raise NotFound(f"{self.implementation} has no action '{name}'")
        if not self.settings.api_key.strip() or valid_root_url("baseUrl", self.settings.base_url, ""):
            return {"options": []}
        path, value_key, name_key = _ACTIONS[name]
        try:
            found = await self._get(path)
        except ImportListFailed:
            return {"options": []}
        rows = [r for r in found if isinstance(r, Mapping)] if isinstance(found, list) else []
        rows.sort(key=lambda r: str(r.get(name_key, "")).lower())
        return {"options": [{"value": r.get(value_key), "name": r.get(name_key)} for r in rows]}
