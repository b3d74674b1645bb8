"""RSS feeds of releases (Radarr's RssParser and TorrentRssParser): one item, one release."""

from __future__ import annotations

import logging
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from reelarr.indexers.errors import IndexerError, UnsupportedFeed
from reelarr.indexers.requests import IndexerResponse
from reelarr.indexers.values import info_hash_from_magnet, parse_date, parse_int, parse_size
from reelarr.indexers.xml import descendants, parse_xml, text_of
from reelarr.releases.model import DownloadProtocol, Release

log = logging.getLogger(__name__)

NZB_TYPE = "application/x-nzb"
TORRENT_TYPE = "application/x-bittorrent"
MAGNET_TYPE = "application/x-bittorrent;x-scheme-handler/magnet"
USENET_TYPES = (NZB_TYPE,)
TORRENT_TYPES = (TORRENT_TYPE, MAGNET_TYPE)

_ABSOLUTE = ("http://", "https://", "magnet:")
_SEEDERS = re.compile(r"(Seeder)s?:\s+(?P<value>\d+)|(?P<value2>\d+)\s+(seeder)s?", re.IGNORECASE)
_LEECHERS = re.compile(r"(Leecher)s?:\s+(?P<value>\d+)|(?P<value2>\d+)\s+(leecher)s?", re.IGNORECASE)
_PEERS = re.compile(r"(Peer)s?:\s+(?P<value>\d+)|(?P<value2>\d+)\s+(peer)s?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stamp:
    """Which indexer the releases come from."""

    indexer_id: int
    indexer: str
    protocol: DownloadProtocol
    priority: int = 25


@dataclass(frozen=True, slots=True)
class ParserCall:
    """A parser class with its switches and the indexer's stamp: a reader of answers that pickles,
    so a worker process can run it (`parse_pool`)."""

    parser: type[RssParser]
    stamp: Stamp
    switches: tuple[tuple[str, Any], ...] = ()

    def __call__(self, response: IndexerResponse) -> list[Release]:
        """The releases of one answer."""
        return self.parser(**dict(self.switches)).parse(response, self.stamp)


@dataclass(frozen=True, slots=True)
class Enclosure:
    """An item's <enclosure>."""

    url: str | None
    type: str | None
    length: int


def _match_value(pattern: re.Pattern[str], text: str) -> int | None:
    found = pattern.search(text)
    if found is None:
        return None
    return int(found.group("value") or found.group("value2"))


class RssParser:
    """A plain RSS feed; the switches say where each value hides, as Radarr's parser settings do."""

    use_guid_info_url = False  # the guid is the release's page
    use_enclosure_url = False  # the enclosure, not <link>, is the download
    use_enclosure_length = False
    parse_size_in_description = False
    preferred_types: tuple[str, ...] | None = None

    def __init__(self, **switches: Any) -> None:
        for name, value in switches.items():
            if not hasattr(type(self), name):
                raise TypeError(f"{type(self).__name__} has no switch {name}")
            setattr(self, name, value)
        self._base_url = ""
        self.response: IndexerResponse | None = None
        self._enclosures: dict[int, tuple[ET.Element, list[Enclosure]]] = {}

    # -- the document -------------------------------------------------------------------------

    def pre_process(self, response: IndexerResponse) -> None:
        """Refuse answers that are not a feed: an error status, or HTML where XML was asked for."""
        response.ensure_ok()
        if response.is_html and "text/html" not in response.request.accept:
            raise IndexerError("Indexer responded with html content. Site is likely blocked or unavailable.")

    def load(self, response: IndexerResponse) -> ET.Element:
        """The document's root."""
        return parse_xml(response.body, response.charset)

    def items(self, root: ET.Element) -> list[ET.Element]:
        """The feed's <item>s."""
        channel = root.find("channel")
        return [] if channel is None else channel.findall("item")

    def parse(self, response: IndexerResponse, stamp: Stamp) -> list[Release]:
        """Every release of the answer; a broken item is skipped, a broken feed is an IndexerError."""
        self._base_url = response.request.url
        self.response = response
        self.pre_process(response)
        root = self.load(response)
        self.check_error(root)
        items = self.items(root)
        releases: list[Release] = []
        for item in items:
            try:
                releases.append(Release(**self.fields(item), **self._stamp(stamp)))
            except UnsupportedFeed:
                raise
            except (ValueError, TypeError, OverflowError) as error:
                log.warning(
                    "Skipped a feed item of %s (%s): %s", stamp.indexer, text_of(item, "title")[:100], error
                )
        self.post_process(items)
        self._enclosures.clear()
        return releases

    def check_error(self, root: ET.Element) -> None:
        """Raise the indexer's own error report (Newznab's <error>)."""

    def post_process(self, items: list[ET.Element]) -> None:
        """Check the feed as a whole."""

    @staticmethod
    def _stamp(stamp: Stamp) -> dict[str, Any]:
        return {
            "indexer_id": stamp.indexer_id,
            "indexer": stamp.indexer,
            "protocol": stamp.protocol,
            "indexer_priority": stamp.priority,
        }

    # -- one item -------------------------------------------------------------------------------

    def fields(self, item: ET.Element) -> dict[str, Any]:
        """What one item says of its release."""
        return {
            "guid": self.guid(item),
            "title": self.title(item),
            "publish_date": self.publish_date(item),
            "download_url": self.download_url(item) or "",
            "info_url": self.info_url(item),
            "comment_url": self.comment_url(item),
            "languages": tuple(self.languages(item)),
            "size": self.size(item),
        }

    def guid(self, item: ET.Element) -> str:
        """The item's unique id (a random one when the feed has none)."""
        return text_of(item, "guid") or str(uuid.uuid4())

    def title(self, item: ET.Element) -> str:
        """The release title."""
        return text_of(item, "title", "Unknown").strip()

    def publish_date(self, item: ET.Element) -> Any:
        """When the release was posted; a feed without dates is not supported."""
        text = text_of(item, "pubDate")
        if not text.strip():
            raise UnsupportedFeed("Rss feed must have a pubDate element with a valid publish date.")
        return parse_date(text)

    def url(self, value: str | None) -> str | None:
        """An absolute address for a link of the feed (relative ones are read against the feed's)."""
        if value is None:
            return None
        value = value.strip()
        if not value:
            return None
        if value.startswith(_ABSOLUTE):
            return value
        return urljoin(self._base_url, value)

    def enclosures(self, item: ET.Element) -> list[Enclosure]:
        """The item's enclosures (read once per item)."""
        cached = self._enclosures.get(id(item))
        if cached is not None and cached[0] is item:
            return cached[1]
        found = [
            Enclosure(element.get("url"), element.get("type"), parse_int(element.get("length")) or 0)
            for element in item.findall("enclosure")
        ]
        self._enclosures[id(item)] = (item, found)
        return found

    def enclosure(self, item: ET.Element) -> Enclosure | None:
        """The enclosure of a preferred type, or the only one when no type is preferred."""
        enclosures = self.enclosures(item)
        if not enclosures:
            return None
        if self.preferred_types is not None:
            for wanted in self.preferred_types:
                match = next((e for e in enclosures if e.type == wanted), None)
                if match is not None:
                    return match
            return None
        return enclosures[0] if len(enclosures) == 1 else None

    def download_url(self, item: ET.Element) -> str | None:
        """Where the .torrent, magnet or .nzb is."""
        if self.use_enclosure_url:
            enclosure = self.enclosure(item)
            return self.url(enclosure.url) if enclosure else None
        return self.url(text_of(item, "link"))

    def info_url(self, item: ET.Element) -> str | None:
        """The release's page on the indexer."""
        return self.url(text_of(item, "guid")) if self.use_guid_info_url else None

    def comment_url(self, item: ET.Element) -> str | None:
        """The release's comments page."""
        return self.url(text_of(item, "comments"))

    def languages(self, item: ET.Element) -> list[int]:
        """The languages the indexer names (none in plain RSS)."""
        return []

    def size(self, item: ET.Element) -> int:
        """The release's size in bytes (0 when the feed does not say)."""
        if self.use_enclosure_length:
            enclosure = self.enclosure(item)
            return enclosure.length if enclosure else 0
        if self.parse_size_in_description and item.find("description") is not None:
            return parse_size(text_of(item, "description"))
        return 0


class TorrentRssParser(RssParser):
    """A torrent feed: seeders, peers, info hash and magnet from elements or the description."""

    preferred_types: tuple[str, ...] | None = TORRENT_TYPES
    calculate_peers_as_sum = False  # the peers element counts leechers only
    info_hash_element: str | None = None
    parse_seeders_in_description = False
    peers_element: str | None = None
    seeds_element: str | None = None
    size_element: str | None = None
    magnet_element: str | None = None

    def fields(self, item: ET.Element) -> dict[str, Any]:
        """The plain fields plus the torrent's."""
        fields = super().fields(item)
        seeders = self.seeders(item)
        peers = self.peers(item)
        if self.calculate_peers_as_sum and peers is not None and seeders is not None:
            peers += seeders
        fields.update(
            info_hash=self.info_hash(item),
            magnet_url=self.magnet_url(item),
            seeders=seeders,
            peers=peers,
        )
        return fields

    def _first(self, item: ET.Element, name: str | None) -> str | None:
        if not name:
            return None
        found = next(descendants(item, name), None)
        return None if found is None else "".join(found.itertext()).strip()

    def info_hash(self, item: ET.Element) -> str | None:
        """The torrent's info hash."""
        if self.info_hash_element:
            return self._first(item, self.info_hash_element) or None
        return info_hash_from_magnet(self.magnet_url(item))

    def magnet_url(self, item: ET.Element) -> str | None:
        """The magnet link, when the feed has one."""
        if self.magnet_element:
            value = self._first(item, self.magnet_element)
            return value if value and value.startswith("magnet:") else None
        url = self.download_url(item)
        return url if url and url.startswith("magnet:") else None

    def seeders(self, item: ET.Element) -> int | None:
        """How many seed the torrent."""
        description = item.find("description")
        if self.parse_seeders_in_description and description is not None:
            text = "".join(description.itertext())
            seeders = _match_value(_SEEDERS, text)
            if seeders is not None:
                return seeders
            peers, leechers = _match_value(_PEERS, text), _match_value(_LEECHERS, text)
            if peers is not None and leechers is not None:
                return peers - leechers
        return parse_int(self._first(item, self.seeds_element))

    def peers(self, item: ET.Element) -> int | None:
        """How many seed or leech it (or leech only, when `calculate_peers_as_sum`)."""
        description = item.find("description")
        if self.parse_seeders_in_description and description is not None:
            text = "".join(description.itertext())
            peers = _match_value(_PEERS, text)
            if peers is not None:
                return peers
            seeders, leechers = _match_value(_SEEDERS, text), _match_value(_LEECHERS, text)
            if seeders is not None and leechers is not None:
                return seeders + leechers
        return parse_int(self._first(item, self.peers_element))

    def size(self, item: ET.Element) -> int:
        """The size from the enclosure or description, else from the size element."""
        size = super().size(item)
        if size == 0 and self.size_element:
            size = parse_size(self._first(item, self.size_element))
        return size


class EzrssParser(TorrentRssParser):
    """An EZRSS feed (torrent: namespace with seeds, infoHash, contentLength, magnetURI)."""

    use_guid_info_url = True
    use_enclosure_url = True
    seeds_element = "seeds"
    info_hash_element = "infoHash"
    size_element = "contentLength"
    magnet_element = "magnetURI"

    def post_process(self, items: list[ET.Element]) -> None:
        """EZRSS says "No items exist" with an item of that title."""
        if len(items) == 1 and self.title(items[0]) == "No items exist - Try again later":
            raise IndexerError("No results were found")
