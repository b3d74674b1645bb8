"""Newznab and Torznab feeds: RSS plus `newznab:attr` / `torznab:attr` with every attribute Radarr reads."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from reelarr.indexers.errors import ApiKeyInvalid, IndexerError, RequestLimitReached, UnsupportedFeed
from reelarr.indexers.requests import IndexerResponse
from reelarr.indexers.rss import (
    NZB_TYPE,
    TORRENT_TYPE,
    TORRENT_TYPES,
    USENET_TYPES,
    RssParser,
    TorrentRssParser,
)
from reelarr.indexers.values import parse_date, parse_float, parse_int
from reelarr.indexers.xml import text_of
from reelarr.languages import language_by_name
from reelarr.releases.model import NO_FLAGS, IndexerFlags, imdb_tt

log = logging.getLogger(__name__)
NEWZNAB_NS = "http://www.newznab.com/DTD/2010/feeds/attributes/"
TORZNAB_NS = "http://torznab.com/schemas/2015/feed"
# Radarr backs an indexer off this long when it says its limit is reached without saying until when.
LIMIT_BACKOFF = timedelta(hours=1)

Attributes = dict[str, list[str]]
_ABSOLUTE = ("http://", "https://", "magnet:")


def read_attributes(item: ET.Element, namespace: str) -> Attributes:
    """An item's `attr` elements of the namespace, by lower-cased name, values in order."""
    found: Attributes = {}
    for attr in item.findall(f"{{{namespace}}}attr"):
        name, value = attr.get("name"), attr.get("value")
        if name is not None and value is not None:
            found.setdefault(name.lower(), []).append(value)
    return found


def _first(attrs: Attributes, name: str) -> str:
    values = attrs.get(name)
    return values[0] if values else ""


def check_error(root: ET.Element, response: IndexerResponse, *, torznab: bool) -> None:
    """Raise what an `<error code="" description=""/>` answer means."""
    error = root if root.tag == "error" else next(root.iter("error"), None)
    if error is None:
        return
    code = parse_int(error.get("code")) or 0
    description = error.get("description") or ""
    if 100 <= code <= 199:
        raise ApiKeyInvalid("Invalid API key" if torznab else description or "Invalid API key")
    wants_key = description == "Missing parameter" or (not torznab and "apikey" in description)
    if "apikey=" not in response.request.url and wants_key:
        raise ApiKeyInvalid("Indexer requires an API key")
    if description == "Request limit reached":
        raise RequestLimitReached("API limit reached", LIMIT_BACKOFF)
    raise IndexerError(
        f"Torznab error detected: {description}" if torznab else description or f"Error {code}"
    )


class _NabMixin:
    """What Newznab and Torznab read alike from their attributes."""

    namespace = NEWZNAB_NS
    torznab = False
    _attrs: Attributes

    def _nab_pre_process(self, response: IndexerResponse) -> None:
        # An error status with an XML body is the site's own error report, read in check_error.
        if response.status != 200 and "xml" not in response.content_type.lower():
            response.ensure_ok()
        if response.is_html:
            raise IndexerError("Indexer responded with html content. Site is likely blocked or unavailable.")

    def _nab_check(self, root: ET.Element, response: IndexerResponse | None) -> None:
        assert response is not None
        check_error(root, response, torznab=self.torznab)
        if response.status != 200:
            response.ensure_ok()

    def _nab_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        attrs = self._attrs
        fields["tmdb_id"] = parse_int(_first(attrs, "tmdbid")) or 0
        fields["imdb_id"] = imdb_tt(_first(attrs, "imdb") or _first(attrs, "imdbid") or None)
        categories = [parse_int(v) for v in attrs.get("category", [])]
        fields["categories"] = tuple(dict.fromkeys(c for c in categories if c is not None))
        return fields

    def _nab_languages(self, item: ET.Element, *, split: bool) -> list[int]:
        names = self._attrs.get("language") or ["".join(e.itertext()) for e in item.findall("language")]
        found: list[int] = []
        for value in names:
            for name in value.split(",") if split else [value]:
                language = language_by_name(name)
                if language is not None and language.id not in found:
                    found.append(language.id)
        return found


def _download_url(parser: RssParser, item: ET.Element, url: str | None) -> str | None:
    if url and (url.startswith(_ABSOLUTE) or urlsplit(url).scheme):
        return url
    first = item.find("enclosure")
    return parser.url(first.get("url")) if first is not None else url


def _info_url(parser: RssParser, item: ET.Element) -> str | None:
    comments = text_of(item, "comments")
    return parser.url(comments.removesuffix("#comments"))


class NewznabParser(_NabMixin, RssParser):
    """A Newznab (usenet) feed."""

    use_enclosure_url = True
    preferred_types = USENET_TYPES

    def pre_process(self, response: IndexerResponse) -> None:
        """Only an error status without XML is refused before reading."""
        self._nab_pre_process(response)

    def check_error(self, root: ET.Element) -> None:
        """The site's `<error>`, or its error status."""
        self._nab_check(root, self.response)

    def post_process(self, items: list[ET.Element]) -> None:
        """A Newznab feed of torrents was meant for Torznab."""
        types = {e.type for item in items for e in self.enclosures(item) if e.type}
        if types and not types & set(USENET_TYPES) and types & set(TORRENT_TYPES):
            raise UnsupportedFeed(
                f"The feed does not contain {NZB_TYPE}, found {sorted(types)[0]}: "
                "did you intend to add a Torznab indexer?"
            )

    def fields(self, item: ET.Element) -> dict[str, Any]:
        """RSS fields, the ids, categories and flags."""
        self._attrs = read_attributes(item, self.namespace)
        fields = self._nab_fields(super().fields(item))
        flags = NO_FLAGS
        if _first(self._attrs, "prematch") == "1" or _first(self._attrs, "haspretime") == "1":
            flags |= IndexerFlags.G_SCENE
        if _first(self._attrs, "nuked") == "1":
            flags |= IndexerFlags.NUKED
        fields["indexer_flags"] = flags
        return fields

    def publish_date(self, item: ET.Element) -> Any:
        """The usenet date when the site gives it, else pubDate."""
        usenet_date = _first(self._attrs, "usenetdate")
        return parse_date(usenet_date) if usenet_date.strip() else super().publish_date(item)

    def download_url(self, item: ET.Element) -> str | None:
        """The NZB enclosure, or the first enclosure when that is not an absolute address."""
        return _download_url(self, item, super().download_url(item))

    def info_url(self, item: ET.Element) -> str | None:
        """The comments page without its anchor."""
        return _info_url(self, item)

    def languages(self, item: ET.Element) -> list[int]:
        """`language` attributes (comma lists) or <language> elements."""
        return self._nab_languages(item, split=True)

    def size(self, item: ET.Element) -> int:
        """The size attribute, else the enclosure's length."""
        size = parse_int(_first(self._attrs, "size"))
        if size is not None:
            return size
        enclosure = self.enclosure(item)
        return enclosure.length if enclosure else 0


class TorznabParser(_NabMixin, TorrentRssParser):
    """A Torznab (torrent) feed: seeders, peers, hash, magnet, volume factors, seeding rules."""

    namespace = TORZNAB_NS
    torznab = True
    use_enclosure_url = True

    def pre_process(self, response: IndexerResponse) -> None:
        """Only an error status without XML is refused before reading."""
        self._nab_pre_process(response)

    def check_error(self, root: ET.Element) -> None:
        """The site's `<error>`, or its error status."""
        self._nab_check(root, self.response)

    def post_process(self, items: list[ET.Element]) -> None:
        """A Torznab feed of NZBs was meant for Newznab."""
        types = {e.type for item in items for e in self.enclosures(item) if e.type}
        if types and not types & set(TORRENT_TYPES) and types & set(USENET_TYPES):
            raise UnsupportedFeed(
                f"The feed does not contain {TORRENT_TYPE}, found {sorted(types)[0]}: "
                "did you intend to add a Newznab indexer?"
            )

    def fields(self, item: ET.Element) -> dict[str, Any]:
        """Torrent RSS fields plus every Torznab attribute Radarr reads."""
        self._attrs = read_attributes(item, self.namespace)
        fields = self._nab_fields(super().fields(item))
        download = parse_float(_first(self._attrs, "downloadvolumefactor") or None)
        upload = parse_float(_first(self._attrs, "uploadvolumefactor") or None)
        fields.update(
            download_volume_factor=download,
            upload_volume_factor=upload,
            minimum_ratio=parse_float(_first(self._attrs, "minimumratio") or None),
            minimum_seed_time=parse_int(_first(self._attrs, "minimumseedtime") or None),
            indexer_flags=self._flags(download, upload),
        )
        return fields

    def _flags(self, download: float | None, upload: float | None) -> IndexerFlags:
        flags = NO_FLAGS
        download = 1.0 if download is None else download
        upload = 1.0 if upload is None else upload
        flags |= {
            0.5: IndexerFlags.G_HALFLEECH,
            0.75: IndexerFlags.G_FREELEECH25,
            0.25: IndexerFlags.G_FREELEECH75,
            0.0: IndexerFlags.G_FREELEECH,
        }.get(download, NO_FLAGS)
        if upload == 2.0:
            flags |= IndexerFlags.G_DOUBLE_UPLOAD
        tags = {t.lower() for t in self._attrs.get("tag", [])}
        if "internal" in tags:
            flags |= IndexerFlags.G_INTERNAL
        if "scene" in tags:
            flags |= IndexerFlags.G_SCENE
        return flags

    def download_url(self, item: ET.Element) -> str | None:
        """The torrent or magnet enclosure, or the first enclosure when that is not absolute."""
        return _download_url(self, item, super().download_url(item))

    def info_url(self, item: ET.Element) -> str | None:
        """The comments page without its anchor."""
        return _info_url(self, item)

    def comment_url(self, item: ET.Element) -> str | None:
        """The comments page."""
        return self.url(text_of(item, "comments"))

    def languages(self, item: ET.Element) -> list[int]:
        """`language` attributes or <language> elements."""
        return self._nab_languages(item, split=False)

    def size(self, item: ET.Element) -> int:
        """The size attribute, else the enclosure's length."""
        size = parse_int(_first(self._attrs, "size"))
        if size is not None:
            return size
        enclosure = self.enclosure(item)
        return enclosure.length if enclosure else 0

    def info_hash(self, item: ET.Element) -> str | None:
        """The `infohash` attribute."""
        return _first(self._attrs, "infohash") or None

    def magnet_url(self, item: ET.Element) -> str | None:
        """The `magneturl` attribute."""
        return _first(self._attrs, "magneturl") or None

    def seeders(self, item: ET.Element) -> int | None:
        """The `seeders` attribute."""
        value = _first(self._attrs, "seeders")
        return parse_int(value) if value.strip() else super().seeders(item)

    def peers(self, item: ET.Element) -> int | None:
        """The `peers` attribute, else seeders and leechers added."""
        peers = _first(self._attrs, "peers")
        if peers.strip():
            return parse_int(peers)
        seeders, leechers = (
            parse_int(_first(self._attrs, "seeders")),
            parse_int(_first(self._attrs, "leechers")),
        )
        if seeders is not None and leechers is not None:
            return seeders + leechers
        return super().peers(item)
