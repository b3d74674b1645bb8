"""TorrentPotato: CouchPotato's torrent provider API (JSON by IMDb id or search text), as Radarr uses it."""

from __future__ import annotations

import re
from typing import Any, cast
from urllib.parse import urlencode

from reelarr.errors import ValidationFailure
from reelarr.indexers.base import Indexer
from reelarr.indexers.errors import IndexerError
from reelarr.indexers.requests import JSON_ACCEPT, IndexerRequest, IndexerResponse, RequestChain
from reelarr.indexers.settings import (
    SeedCriteriaSettings,
    api_url,
    fail_downloads,
    minimum_seeders,
    multi_languages,
    reject_blocklisted_hashes,
    required_flags,
    seed_criteria,
)
from reelarr.indexers.trackers.json import as_int, as_str, each, load_json, parse_utc
from reelarr.providers.fields import Privacy, setting
from reelarr.providers.settings import ProviderSettings, valid_root_url
from reelarr.releases.model import DownloadProtocol, Release
from reelarr.releases.search import MovieSearch

_MAGNET_HASH = re.compile(r"^magnet:\?xt=urn:btih:([a-f0-9]+)")


class TorrentPotatoSettings(ProviderSettings):
    """Radarr's TorrentPotatoSettings."""

    base_url: str = api_url("http://127.0.0.1")
    user: str = setting(
        "", label="Username", help="The username you use at your indexer.", privacy=Privacy.USER_NAME
    )
    passkey: str = setting(
        "", label="Passkey", help="The password you use at your Indexer.", privacy=Privacy.PASSWORD
    )
    minimum_seeders: int = minimum_seeders()
    seed_criteria: SeedCriteriaSettings = seed_criteria()
    reject_blocklisted_torrent_hashes_while_grabbing: bool = reject_blocklisted_hashes()
    multi_languages: list[int] = multi_languages()
    fail_downloads: list[int] = fail_downloads()
    required_flags: list[int] = required_flags()

    def check(self) -> list[ValidationFailure]:
        """Radarr's TorrentPotatoSettingsValidator."""
        return valid_root_url("baseUrl", self.base_url, "API URL") + self.seed_criteria.check()


class TorrentPotato(Indexer):
    """A TorrentPotato provider: its list for RSS, a film by IMDb id or by title and year."""

    implementation = "TorrentPotato"
    implementation_name = "TorrentPotato"
    settings_model = TorrentPotatoSettings
    protocol = DownloadProtocol.TORRENT

    def _request(self, **params: str) -> IndexerRequest:
        s = cast(TorrentPotatoSettings, self.definition.settings)
        query = urlencode({"passkey": s.passkey, "user": s.user.strip(), **params})
        separator = "&" if "?" in s.base_url else "?"
        return IndexerRequest(f"{s.base_url.strip()}{separator}{query}", accept=JSON_ACCEPT)

    async def rss_requests(self) -> RequestChain:
        """The provider's list (Radarr asks for the search "-")."""
        chain = RequestChain()
        chain.add([self._request(search="-")])
        return chain

    async def search_requests(self, search: MovieSearch) -> RequestChain:
        """The film by IMDb id, else by its title and year."""
        chain = RequestChain()
        if search.imdb_id:
            chain.add([self._request(imdbid=search.imdb_id)])
        elif search.titles:
            chain.add([self._request(search=f"{search.titles[0]} {search.year}")])
        return chain

    def parse(self, response: IndexerResponse) -> list[Release]:
        """The provider's `results`."""
        if response.status != 200:
            raise IndexerError(f"Indexer API call returned an unexpected StatusCode [{response.status}]")
        answer = load_json(response)
        results = answer.get("results") if isinstance(answer, dict) else None
        if not isinstance(results, list):
            raise IndexerError("TorrentPotato answered without results")
        return each((r for r in results if isinstance(r, dict)), self._release, self.definition.name)

    def _release(self, result: dict[str, Any]) -> Release:
        download = as_str(result.get("download_url"))
        match = _MAGNET_HASH.match(download)
        seeders = as_int(result.get("seeders")) or 0
        return Release(
            guid=f"potato-{match.group(1) if match else download}",
            title=as_str(result.get("release_name")),
            size=(as_int(result.get("size")) or 0) * 1000 * 1000,
            download_url=download,
            info_url=as_str(result.get("details_url")) or None,
            publish_date=parse_utc(result.get("publish_date")),
            seeders=seeders,
            peers=(as_int(result.get("leechers")) or 0) + seeders,
            indexer_id=self.definition.id,
            indexer=self.definition.name,
            protocol=self.protocol,
            indexer_priority=self.options.priority,
        )
