"""PassThePopcorn through its JSON search (torrents.php?json=noredirect), as Radarr's indexer uses it."""

from __future__ import annotations

from typing import Any, ClassVar, cast
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
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings, not_empty, valid_root_url
from reelarr.releases.model import NO_FLAGS, DownloadProtocol, IndexerFlags, Release, imdb_tt
from reelarr.releases.search import MovieSearch


class PassThePopcornSettings(ProviderSettings):
    """Radarr's PassThePopcornSettings (its field names are "aPIUser" and "aPIKey")."""

    base_url: str = api_url("https://passthepopcorn.me")
    api_user: str = setting(
        "",
        label="API User",
        help="These settings are found in your PassThePopcorn security settings (Edit Profile > Security).",
        privacy=Privacy.USER_NAME,
        alias="aPIUser",
    )
    api_key: str = setting(
        "", label="API Key", type=FieldType.PASSWORD, privacy=Privacy.PASSWORD, alias="aPIKey"
    )
    minimum_seeders: int = minimum_seeders(FieldType.TEXTBOX)
    seed_criteria: SeedCriteriaSettings = seed_criteria()
    reject_blocklisted_torrent_hashes_while_grabbing: bool = reject_blocklisted_hashes()
    multi_languages: list[int] = multi_languages()
    fail_downloads: list[int] = fail_downloads()
    required_flags: list[int] = required_flags()

    def check(self) -> list[ValidationFailure]:
        """Radarr's PassThePopcornSettingsValidator."""
        return (
            valid_root_url("baseUrl", self.base_url, "API URL")
            + not_empty("aPIUser", self.api_user, "API User")
            + not_empty("aPIKey", self.api_key, "API Key")
            + self.seed_criteria.check()
        )


class PassThePopcorn(Indexer):
    """PassThePopcorn: newest torrents for RSS, a film by IMDb id (else by title and year)."""

    implementation = "PassThePopcorn"
    implementation_name = "PassThePopcorn"
    settings_model = PassThePopcornSettings
    protocol = DownloadProtocol.TORRENT
    page_size: ClassVar[int] = 50
    request_interval: ClassVar[float] = 4.0

    @property
    def settings(self) -> PassThePopcornSettings:
        """The tracker's settings."""
        return cast(PassThePopcornSettings, self.definition.settings)

    def _headers(self) -> dict[str, str]:
        return {"ApiUser": self.settings.api_user, "ApiKey": self.settings.api_key}

    def _request(self, search: str) -> IndexerRequest:
        base = self.settings.base_url.strip().rstrip("/")
        url = (
            f"{base}/torrents.php?action=advanced&json=noredirect&grouping=0&order_by=time&order_way=desc"
            f"&searchstr={search}"
        )
        return IndexerRequest(url, accept=JSON_ACCEPT, headers=self._headers())

    async def rss_requests(self) -> RequestChain:
        """The newest torrents."""
        chain = RequestChain()
        chain.add([self._request("")])
        return chain

    async def search_requests(self, search: MovieSearch) -> RequestChain:
        """The film by IMDb id, else by each title and the year."""
        chain = RequestChain()
        if search.imdb_id:
            chain.add([self._request(search.imdb_id)])
        elif search.year > 0:
            for title in search.clean_titles:
                chain.add([self._request(f"{title}&year={search.year}")])
        return chain

    def download_request(self, url: str) -> IndexerRequest:
        """PassThePopcorn wants the API user and key to hand out a .torrent."""
        return IndexerRequest(url, accept="*/*", headers=self._headers())

    def _url(self, **params: Any) -> str:
        return f"{self.settings.base_url.strip().rstrip('/')}/torrents.php?{urlencode(params)}"

    def parse(self, response: IndexerResponse) -> list[Release]:
        """PassThePopcorn's movies with their torrents."""
        if response.status != 200:
            raise IndexerError(f"Unexpected response status {response.status} code from API request")
        if "application/json" not in response.content_type.lower():
            raise IndexerError(
                f"Unexpected response header {response.content_type} from API request, expected {JSON_ACCEPT}"
            )
        answer = load_json(response)
        if not isinstance(answer, dict):
            raise IndexerError("PassThePopcorn answered with something that is not a search result")
        total = as_str(answer.get("TotalResults"))
        movies = answer.get("Movies")
        if total in ("", "0") or not isinstance(movies, list):
            return []
        pairs = [
            (movie, torrent)
            for movie in movies
            if isinstance(movie, dict) and isinstance(movie.get("Torrents"), list)
            for torrent in movie["Torrents"]
            if isinstance(torrent, dict)
        ]
        return each(pairs, self._release, self.definition.name)

    def _release(self, pair: tuple[dict[str, Any], dict[str, Any]]) -> Release:
        movie, torrent = pair
        torrent_id = as_int(torrent.get("Id"))
        if torrent_id is None:
            raise ValueError("a torrent without an id")
        seeders = int(as_str(torrent.get("Seeders")))
        leechers = int(as_str(torrent.get("Leechers")))
        flags = NO_FLAGS
        if torrent.get("GoldenPopcorn") is True:
            flags |= IndexerFlags.PTP_GOLDEN
        if torrent.get("Checked") is True:
            flags |= IndexerFlags.PTP_APPROVED
        freeleech = as_str(torrent.get("FreeleechType")).upper()
        if freeleech in ("FREELEECH", "NEUTRAL LEECH"):
            flags |= IndexerFlags.G_FREELEECH
        elif freeleech == "HALF LEECH":
            flags |= IndexerFlags.G_HALFLEECH
        if torrent.get("Scene") is True:
            flags |= IndexerFlags.G_SCENE
        return Release(
            guid=f"PassThePopcorn-{torrent_id}",
            title=as_str(torrent.get("ReleaseName")),
            size=int(as_str(torrent.get("Size"))),
            download_url=self._url(action="download", id=torrent_id),
            info_url=self._url(id=as_str(movie.get("GroupId")), torrentid=torrent_id),
            seeders=seeders,
            peers=seeders + leechers,
            publish_date=parse_utc(torrent.get("UploadTime")),  # PTP's times are UTC, without a zone
            imdb_id=imdb_tt(as_str(movie.get("ImdbId")) or None),
            indexer_flags=flags,
            indexer_id=self.definition.id,
            indexer=self.definition.name,
            protocol=self.protocol,
            indexer_priority=self.options.priority,
        )
