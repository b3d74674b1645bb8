"""Nyaa: its RSS feed with seeders, leechers, size and info hash in the nyaa namespace (Radarr's Nyaa)."""

from __future__ import annotations

from typing import cast
from urllib.parse import quote_plus

from reelarr.errors import ValidationFailure
from reelarr.indexers.base import Indexer
from reelarr.indexers.requests import IndexerRequest, IndexerResponse, RequestChain
from reelarr.indexers.rss import TorrentRssParser
from reelarr.indexers.settings import (
    SeedCriteriaSettings,
    fail_downloads,
    minimum_seeders,
    multi_languages,
    reject_blocklisted_hashes,
    required_flags,
    seed_criteria,
)
from reelarr.providers.fields import setting
from reelarr.providers.settings import ProviderSettings, valid_root_url
from reelarr.releases.model import DownloadProtocol, Release
from reelarr.releases.search import MovieSearch


class NyaaSettings(ProviderSettings):
    """Radarr's NyaaSettings."""

    base_url: str = setting("", label="Base URL")
    additional_parameters: str = setting(
        "&cats=1_0&filter=1",
        label="Additional Parameters",
        help="Please note if you change the category you will have to add required/restricted rules "
        "about the subgroups to avoid foreign language releases.",
        advanced=True,
    )
    minimum_seeders: int = minimum_seeders()
    seed_criteria: SeedCriteriaSettings = seed_criteria()
    reject_blocklisted_torrent_hashes_while_grabbing: bool = reject_blocklisted_hashes()
    multi_languages: list[int] = multi_languages()
    fail_downloads: list[int] = fail_downloads()
    required_flags: list[int] = required_flags()

    def check(self) -> list[ValidationFailure]:
        """Radarr's NyaaSettingsValidator."""
        return valid_root_url("baseUrl", self.base_url, "Base URL") + self.seed_criteria.check()


class Nyaa(Indexer):
    """Nyaa's RSS: the newest torrents, or a search by each title and the year."""

    implementation = "Nyaa"
    implementation_name = "Nyaa"
    settings_model = NyaaSettings
    protocol = DownloadProtocol.TORRENT

    def _request(self, term: str | None) -> IndexerRequest:
        s = cast(NyaaSettings, self.definition.settings)
        url = f"{s.base_url.strip().rstrip('/')}/?page=rss{s.additional_parameters.strip()}"
        if term is not None:
            url += "&term=" + quote_plus(term)
        return IndexerRequest(url)

    async def rss_requests(self) -> RequestChain:
        """The newest torrents."""
        chain = RequestChain()
        chain.add([self._request(None)])
        return chain

    async def search_requests(self, search: MovieSearch) -> RequestChain:
        """Each title as it is, with the year."""
        chain = RequestChain()
        for title in dict.fromkeys(search.titles):
            chain.add([self._request(f"{title} {search.year}")])
        return chain

    def parse(self, response: IndexerResponse) -> list[Release]:
        """Nyaa's RSS with its own elements."""
        parser = TorrentRssParser(
            use_guid_info_url=True,
            size_element="size",
            info_hash_element="infoHash",
            peers_element="leechers",
            calculate_peers_as_sum=True,
            seeds_element="seeders",
        )
        return parser.parse(response, self.stamp)
