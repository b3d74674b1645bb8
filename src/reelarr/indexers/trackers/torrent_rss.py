"""A plain torrent RSS feed (Radarr's TorrentRssIndexer): where the download, size and seeders hide
is worked out from the feed itself the first time, as Radarr's TorrentRssSettingsDetector does."""

from __future__ import annotations

import time
from typing import Any, ClassVar, cast

from reelarr.errors import ValidationFailure
from reelarr.indexers.base import Indexer
from reelarr.indexers.errors import IndexerError, UnsupportedFeed
from reelarr.indexers.requests import IndexerRequest, IndexerResponse, RequestChain
from reelarr.indexers.rss import EzrssParser, TorrentRssParser
from reelarr.indexers.settings import (
    SeedCriteriaSettings,
    fail_downloads,
    minimum_seeders,
    multi_languages,
    reject_blocklisted_hashes,
    required_flags,
    seed_criteria,
)
from reelarr.providers.fields import FieldType, setting
from reelarr.providers.settings import ProviderSettings, valid_root_url
from reelarr.releases.model import DownloadProtocol, Release

EZRSS_NAMESPACE = b"http://xmlns.ezrss.it/0.1/"
VALID_SIZE = 2 * 1024 * 1024  # releases smaller than this have no real size in the feed
DETECTION_TTL = 7 * 24 * 3600.0
_NOTE = "torrentRssParser"


class TorrentRssIndexerSettings(ProviderSettings):
    """Radarr's TorrentRssIndexerSettings."""

    base_url: str = setting("", label="RSS URL")
    cookie: str = setting(
        "",
        label="Cookie",
        help=(
            "If your site requires a login cookie to access the RSS, "
            "you'll have to retrieve it via a browser."
        ),
    )
    allow_zero_size: bool = setting(
        False,
        label="Allow Zero Size",
        type=FieldType.CHECKBOX,
        help="Enabling this will allow you to use feeds that don't specify release size, but be careful, "
        "size related checks will not be performed.",
    )
    minimum_seeders: int = minimum_seeders()
    seed_criteria: SeedCriteriaSettings = seed_criteria()
    reject_blocklisted_torrent_hashes_while_grabbing: bool = reject_blocklisted_hashes()
    multi_languages: list[int] = multi_languages()
    fail_downloads: list[int] = fail_downloads()
    required_flags: list[int] = required_flags()

    def check(self) -> list[ValidationFailure]:
        """Radarr's TorrentRssIndexerSettingsValidator."""
        return valid_root_url("baseUrl", self.base_url, "RSS URL") + self.seed_criteria.check()


def _valid_download(url: str) -> bool:
    return url.startswith(("magnet:", "http:", "https:"))


def _check_releases(releases: list[Release]) -> None:
    if not releases:
        raise UnsupportedFeed("Empty feed, cannot check if feed is parsable.")
    if any(not r.title.strip() for r in releases):
        raise UnsupportedFeed("Feed contains releases without title.")
    if any(not _valid_download(r.download_url) for r in releases):
        raise UnsupportedFeed("Failed to find a valid download url in the feed.")
    guids = [r.guid for r in releases]
    if len(set(guids)) != len(guids):
        raise UnsupportedFeed("Feed contains releases with same guid, rejecting malformed rss feed.")


def _check_sizes(releases: list[Release], allow_zero: bool) -> None:
    if not allow_zero and any(r.size == 0 for r in releases):
        raise UnsupportedFeed("Feed doesn't contain the release content size.")
    if any(0 < r.size < VALID_SIZE for r in releases):
        raise UnsupportedFeed(
            "Size of one more releases lower than 2.0 MB, feed must contain release content size."
        )


class FeedDetector:
    """Finds the parser switches a feed needs (Radarr's TorrentRssSettingsDetector)."""

    def __init__(self, response: IndexerResponse, indexer: Indexer, allow_zero: bool) -> None:
        self._response = response
        self._indexer = indexer
        self._allow_zero = allow_zero

    def _parse(self, parser: TorrentRssParser) -> list[Release]:
        try:
            return parser.parse(self._response, self._indexer.stamp)
        except UnsupportedFeed:
            raise
        except IndexerError as error:
            raise UnsupportedFeed(f"Unable to parse indexer: {error.message}") from error

    def _ezrss(self) -> dict[str, Any] | None:
        if EZRSS_NAMESPACE not in self._response.body:
            return None
        try:
            releases = self._parse(EzrssParser())
            _check_releases(releases)
            _check_sizes(releases, self._allow_zero)
        except UnsupportedFeed:
            return None
        return {"ezrss": True}

    def detect(self) -> dict[str, Any]:
        """The switches for this feed; UnsupportedFeed when no reading of it works."""
        found = self._ezrss()
        if found is not None:
            return found
        switches: dict[str, Any] = {
            "use_enclosure_url": True,
            "use_enclosure_length": True,
            "parse_seeders_in_description": True,
        }
        probe = TorrentRssParser()
        root = probe.load(self._response)
        items = probe.items(root)
        if not items:
            raise UnsupportedFeed("Empty feed, cannot check if feed is parsable.")
        if items[0].find("enclosure") is None:
            switches["use_enclosure_url"] = False
        releases = self._parse(TorrentRssParser(**switches))
        _check_releases(releases)
        if not any(r.seeders is not None for r in releases):
            switches["parse_seeders_in_description"] = False
        if not any(r.size < VALID_SIZE for r in releases):
            return switches
        switches["use_enclosure_length"] = False
        for name in ("size", "Size"):
            releases = self._parse(TorrentRssParser(**switches, size_element=name))
            _check_releases(releases)
            if not any(r.size < VALID_SIZE for r in releases):
                return {**switches, "size_element": name}
        switches["parse_size_in_description"] = True
        releases = self._parse(TorrentRssParser(**switches))
        _check_releases(releases)
        if sum(r.size >= VALID_SIZE for r in releases) > len(releases) / 2:
            return switches
        switches["parse_size_in_description"] = False
        releases = self._parse(TorrentRssParser(**switches))
        _check_releases(releases)
        _check_sizes(releases, self._allow_zero)
        return switches


class TorrentRssIndexer(Indexer):
    """Any torrent RSS feed: RSS sync only, no search."""

    implementation = "TorrentRssIndexer"
    implementation_name = "Torrent RSS Feed"
    settings_model = TorrentRssIndexerSettings
    protocol = DownloadProtocol.TORRENT
    supports_search: ClassVar[bool] = False

    @property
    def settings(self) -> TorrentRssIndexerSettings:
        """The feed's settings."""
        return cast(TorrentRssIndexerSettings, self.definition.settings)

    async def rss_requests(self) -> RequestChain:
        """The feed, with the login cookie when one is set."""
        s = self.settings
        headers = {"Cookie": s.cookie.strip()} if s.cookie.strip() else {}
        chain = RequestChain()
        chain.add([IndexerRequest(s.base_url.strip().rstrip("/"), headers=headers)])
        return chain

    def parser(self, response: IndexerResponse) -> TorrentRssParser:
        """The parser this feed needs, worked out once a week from an answer of the feed."""
        key = self.settings.model_dump_json()
        known = self.context.notes.get(_NOTE)
        if known is not None and known[0] == key and time.monotonic() - known[1] < DETECTION_TTL:
            switches: dict[str, Any] = known[2]
        else:
            response.ensure_ok()
            if response.is_html:
                raise IndexerError(
                    "Indexer responded with html content. Site is likely blocked or unavailable."
                )
            switches = FeedDetector(response, self, self.settings.allow_zero_size).detect()
            self.context.notes[_NOTE] = (key, time.monotonic(), switches)
        if switches.get("ezrss"):
            return EzrssParser()
        return TorrentRssParser(**switches)

    def parse(self, response: IndexerResponse) -> list[Release]:
        """The feed's releases."""
        return self.parser(response).parse(response, self.stamp)
