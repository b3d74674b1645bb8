"""Radarr's IMDbListImport, read from IMDb's own CSV list export (`{imdb}/list/{ls…}/export`, columns
by their header: Const, Title, Year, Title Type) and found on TMDB by IMDb id. Radarr reads its lists
through its metadata server (and with it 'top250', 'popular' and 'ur…' watchlists); Reelarr has no such
server, so it reads only lists by their 'ls…' id, and only while IMDb serves the export without a
sign-in."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from typing import ClassVar

from reelarr.errors import ValidationFailure
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.http import get_text
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.parsing import parse_imdb_id
from reelarr.providers.fields import setting
from reelarr.providers.settings import ProviderSettings, not_empty

_LIST_ID = re.compile(r"^ls\d+$")
_NOT_FILMS = ("series", "episode")  # tvSeries, tvMiniSeries, tvEpisode, "TV Series"...


class IMDbListSettings(ProviderSettings):
    """The list's id."""

    list_id: str = setting("", label="List/User ID", help="IMDb list ID (e.g. ls12345678)")

    def check(self) -> list[ValidationFailure]:
        """Radarr's IMDbSettingsValidator, narrowed to the lists Reelarr can read."""
        value = self.list_id.strip()
        empty = not_empty("listId", value, "List/User ID")
        if empty:
            return empty
        if not _LIST_ID.match(value):
            message = (
                "List ID must be an IMDb list of the form 'ls12345678' (Reelarr reads IMDb's list export; "
                "'top250', 'popular' and 'ur…' watchlists need Radarr's metadata server)"
            )
            return [ValidationFailure("listId", message, value)]
        return []


def parse_export(text: str) -> list[ListItem]:
    """The films of an IMDb list export (series and episodes left out); ImportListFailed when it is
    not one."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames or "Const" not in reader.fieldnames:
        raise ImportListFailed("The list did not answer with an IMDb list export")
    items = []
    for row in reader:
        kind = (row.get("Title Type") or "").lower()
        imdb_id = parse_imdb_id(row.get("Const") or "")
        if not imdb_id or any(word in kind for word in _NOT_FILMS):
            continue
        year = (row.get("Year") or "").strip()
        items.append(
            ListItem(
                title=(row.get("Title") or "").strip(),
                year=int(year) if year.isdigit() else 0,
                imdb_id=imdb_id,
            )
        )
    return items


class IMDbListImport(ImportList):
    """A public IMDb list, through its CSV export."""

    implementation: ClassVar[str] = "IMDbListImport"
    implementation_name: ClassVar[str] = "IMDb Lists"
    settings_model: ClassVar[type[ProviderSettings]] = IMDbListSettings
    list_type: ClassVar[ListType] = ListType.OTHER
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=12)

    async def fetch(self) -> ListFetch:
        """The list's films."""
        settings = self.definition.settings
        assert isinstance(settings, IMDbListSettings)
        url = f"{self.context.imdb_url}/list/{settings.list_id.strip()}/export"
        text = await get_text(self.service(), url, headers={"Accept": "text/csv"})
        return ListFetch(tuple(parse_export(text)))
