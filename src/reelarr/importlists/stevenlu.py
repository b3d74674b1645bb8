"""Radarr's StevenLuImport: a JSON array of films (title, imdb_id), StevenLu's popular films by default."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import ClassVar

from reelarr.errors import ValidationFailure
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.http import get_json
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.providers.fields import setting
from reelarr.providers.settings import ProviderSettings, valid_root_url


class StevenLuSettings(ProviderSettings):
    """The JSON list's address."""

    link: str = setting(
        "https://popular-movies-data.stevenlu.com/movies.json",
        label="URL",
        help="Don't change this unless you know what you are doing.",
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's StevenLuSettingsValidator."""
        return valid_root_url("link", self.link, "URL")


class StevenLuImport(ImportList):
    """StevenLu's list (or any list in its shape)."""

    implementation: ClassVar[str] = "StevenLuImport"
    implementation_name: ClassVar[str] = "StevenLu Custom"
    settings_model: ClassVar[type[ProviderSettings]] = StevenLuSettings
    list_type: ClassVar[ListType] = ListType.ADVANCED
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=24)

    async def fetch(self) -> ListFetch:
        """Each entry's title and IMDb id."""
        settings = self.definition.settings
        assert isinstance(settings, StevenLuSettings)
        service = self.service()
        found = await get_json(service, settings.link.strip(), headers={"Accept": "application/json"})
        if not isinstance(found, list):
            raise ImportListFailed("StevenLu did not answer with a list of movies")
        items = [
            ListItem(title=str(entry.get("title") or ""), imdb_id=str(entry.get("imdb_id") or ""))
            for entry in found
            if isinstance(entry, Mapping)
        ]
        return ListFetch(tuple(i for i in items if i.usable))
