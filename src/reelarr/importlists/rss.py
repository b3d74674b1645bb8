"""Radarr's RSSImport: an RSS feed of films (IMDb's list feeds and the like), read by title and IMDb link."""

from __future__ import annotations

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
from reelarr.parsing.movie import parse_title
from reelarr.providers.fields import setting
from reelarr.providers.model import Preset
from reelarr.providers.settings import ProviderSettings, valid_root_url

_NOT_FILMS = ("tv series", "mini-series", "tv episode")


class RSSImportSettings(ProviderSettings):
    """The feed's address."""

    link: str = setting("https://rss.yoursite.com", label="RSS Link", help="Link to the rss feed of movies.")

    def check(self) -> list[ValidationFailure]:
        """Radarr's RSSImportSettingsValidator."""
        return valid_root_url("link", self.link, "RSS Link")


def parse_feed(text: str) -> list[ListItem]:
    """The films of an RSS document (series and episodes left out); ImportListFailed when it is not RSS.
    Read as indexer feeds are: HTML entities tolerated, entity declarations refused."""
    try:
        root = parse_xml(text.encode("utf-8"), "utf-8")
    except IndexerError as error:
        raise ImportListFailed("The list did not answer with an RSS feed") from error
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportListFailed("The list did not answer with an RSS feed")
    items = []
    for element in channel.findall("item"):
        item = _item(element)
        if item is not None:
            items.append(item)
    return items


def _item(element: ET.Element) -> ListItem | None:
    title = (element.findtext("title") or "Unknown").strip()
    if any(word in title.lower() for word in _NOT_FILMS):
        return None
    parsed = parse_title(title)
    name, year, imdb_id = title, 0, None
    if parsed is not None:
        name, year, imdb_id = parsed.title, parsed.year, parsed.imdb_id
    imdb_id = imdb_id or parse_imdb_id(element.findtext("link") or "")
    return ListItem(title=name, year=year, imdb_id=imdb_id or "")


class RSSImport(ImportList):
    """A feed whose items are films."""

    implementation: ClassVar[str] = "RSSImport"
    implementation_name: ClassVar[str] = "RSS List"
    settings_model: ClassVar[type[ProviderSettings]] = RSSImportSettings
    list_type: ClassVar[ListType] = ListType.ADVANCED
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=12)

    @classmethod
    def presets(cls) -> list[Preset]:
        """Radarr's IMDb presets."""
        return [
            Preset("IMDb List", RSSImportSettings(link="https://rss.imdb.com/list/YOURLISTID")),
            Preset(
                "IMDb Watchlist", RSSImportSettings(link="https://rss.imdb.com/user/IMDBUSERID/watchlist")
            ),
        ]

    async def fetch(self) -> ListFetch:
        """The feed's films."""
        settings = self.definition.settings
        assert isinstance(settings, RSSImportSettings)
        service = self.service()
        text = await get_text(service, settings.link.strip())
        return ListFetch(tuple(i for i in parse_feed(text) if i.usable))
