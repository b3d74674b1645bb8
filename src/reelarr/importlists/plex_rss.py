"""Radarr's PlexRssImport: a Plex watchlist's RSS feed, whose items name their films by a
`tmdb://` or `imdb://` guid (shows left out)."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import timedelta
from typing import ClassVar

from reelarr.errors import ValidationFailure
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.http import get_text
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.indexers.errors import IndexerError
from reelarr.indexers.xml import parse_xml
from reelarr.parsing import parse_imdb_id
from reelarr.providers.fields import setting
from reelarr.providers.settings import ProviderSettings, not_empty

log = logging.getLogger(__name__)


class PlexRssImportSettings(ProviderSettings):
    """The watchlist feed's address (its path is the feed's key: kept out of reprs)."""

    url: str = setting(
        "", label="Url", help_link="https://app.plex.tv/desktop/#!/settings/watchlist", in_repr=False
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's PlexRssImportSettingsValidator."""
        return not_empty("url", self.url.strip(), "Url")


def _item(element: ET.Element) -> ListItem | None:
    if (element.findtext("category") or "") != "movie":
        return None
    title = element.findtext("title") or "Unknown"
    guid = (element.findtext("guid") or "").strip()
    imdb_id = parse_imdb_id(guid.removeprefix("imdb://")) if guid.startswith("imdb://") else None
    tmdb = guid.removeprefix("tmdb://")
    tmdb_id = int(tmdb) if guid.startswith("tmdb://") and tmdb.isdigit() and int(tmdb) < 2**31 else 0
    if not imdb_id and not tmdb_id:
        log.warning(
            "Each item in the RSS feed must have a guid element with a IMDB ID or TMDB ID: '%s'", title
        )
        return None
    return ListItem(title=title, tmdb_id=tmdb_id, imdb_id=imdb_id or "")


def parse_watchlist(text: str) -> list[ListItem]:
    """The films of a Plex watchlist feed; ImportListFailed when it is not RSS."""
    try:
        root = parse_xml(text.encode("utf-8"), "utf-8")
    except IndexerError as error:
        raise ImportListFailed("The list did not answer with an RSS feed") from error
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportListFailed("The list did not answer with an RSS feed")
    return [item for element in channel.findall("item") if (item := _item(element)) is not None]


class PlexRssImport(ImportList):
    """A Plex watchlist, through its RSS feed."""

    implementation: ClassVar[str] = "PlexRssImport"
    implementation_name: ClassVar[str] = "Plex Watchlist RSS"
    settings_model: ClassVar[type[ProviderSettings]] = PlexRssImportSettings
    list_type: ClassVar[ListType] = ListType.PLEX
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=6)

    async def fetch(self) -> ListFetch:
        """The watchlist's films."""
        settings = self.definition.settings
        assert isinstance(settings, PlexRssImportSettings)
        self.context.hide_url(settings.url.strip())
        text = await get_text(self.service(), settings.url.strip())
        return ListFetch(tuple(parse_watchlist(text)))
