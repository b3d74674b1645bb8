"""HDBits through its JSON API (POST /api/torrents), as Radarr's HDBits indexer uses it."""

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
from reelarr.providers.fields import FieldType, Privacy, enum_options, setting
from reelarr.providers.settings import ProviderSettings, not_empty, valid_root_url
from reelarr.releases.model import NO_FLAGS, DownloadProtocol, IndexerFlags, Release, imdb_tt
from reelarr.releases.search import MovieSearch

CATEGORIES = (
    (1, "Movie"),
    (2, "TV"),
    (3, "Documentary"),
    (4, "Music"),
    (5, "Sport"),
    (6, "Audio Track"),
    (7, "XXX"),
    (8, "Misc/Demo"),
)
CODECS = ((1, "H.264"), (2, "MPEG-2"), (3, "VC-1"), (4, "XviD"), (5, "HEVC"))
MEDIUMS = ((1, "Blu-ray/HD DVD"), (3, "Encode"), (4, "Capture"), (5, "Remux"), (6, "WEB-DL"))
# HDBits' StatusCode values, for its error messages.
STATUS_NAMES = {
    1: "Failure",
    2: "SslRequired",
    3: "JsonMalformed",
    4: "AuthDataMissing",
    5: "AuthFailed",
    6: "MissingRequiredParameters",
    7: "InvalidParameter",
    8: "ImdbImportFail",
    9: "ImdbTvNotAllowed",
}
PAGE_SIZE = 100


class HDBitsSettings(ProviderSettings):
    """Radarr's HDBitsSettings."""

    base_url: str = api_url("https://hdbits.org")
    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    api_key: str = setting("", label="API Key", privacy=Privacy.API_KEY)
    categories: list[int] = setting(
        label="Categories",
        type=FieldType.SELECT,
        options=enum_options(CATEGORIES),
        help="If unspecified, all options are used.",
        default_factory=lambda: [1],
    )
    codecs: list[int] = setting(
        label="Codecs",
        type=FieldType.SELECT,
        options=enum_options(CODECS),
        help="If unspecified, all options are used.",
        advanced=True,
        default_factory=list,
    )
    mediums: list[int] = setting(
        label="Mediums",
        type=FieldType.SELECT,
        options=enum_options(MEDIUMS),
        help="If unspecified, all options are used.",
        advanced=True,
        default_factory=list,
    )
    minimum_seeders: int = minimum_seeders()
    seed_criteria: SeedCriteriaSettings = seed_criteria()
    reject_blocklisted_torrent_hashes_while_grabbing: bool = reject_blocklisted_hashes()
    multi_languages: list[int] = multi_languages()
    fail_downloads: list[int] = fail_downloads()
    required_flags: list[int] = required_flags()

    def check(self) -> list[ValidationFailure]:
        """Radarr's HDBitsSettingsValidator."""
        return (
            valid_root_url("baseUrl", self.base_url, "API URL")
            + not_empty("apiKey", self.api_key, "API Key")
            + self.seed_criteria.check()
        )


class HDBits(Indexer):
    """HDBits: RSS is the newest torrents of the chosen categories, a search is by IMDb id only."""

    implementation = "HDBits"
    implementation_name = "HDBits"
    settings_model = HDBitsSettings
    protocol = DownloadProtocol.TORRENT
    page_size: ClassVar[int] = PAGE_SIZE

    @property
    def settings(self) -> HDBitsSettings:
        """The tracker's settings."""
        return cast(HDBitsSettings, self.definition.settings)

    def _request(self, query: dict[str, Any]) -> IndexerRequest:
        s = self.settings
        body = {
            "username": s.username,
            "passkey": s.api_key,
            **query,
            "category": list(s.categories),
            "codec": list(s.codecs),
            "medium": list(s.mediums),
            "limit": PAGE_SIZE,
        }
        return IndexerRequest(
            f"{s.base_url.strip().rstrip('/')}/api/torrents",
            accept=JSON_ACCEPT,
            method="POST",
            headers={"Content-Type": JSON_ACCEPT},
            json_body=body,
        )

    async def rss_requests(self) -> RequestChain:
        """The newest torrents of the chosen categories, codecs and mediums."""
        chain = RequestChain()
        chain.add([self._request({})])
        return chain

    async def search_requests(self, search: MovieSearch) -> RequestChain:
        """The film by its IMDb id (HDBits has no other way; without one there is no search)."""
        chain = RequestChain()
        number = search.imdb_number
        if number is not None and int(number) != 0:
            chain.add([self._request({"imdb": {"id": int(number)}})])
        return chain

    def _url(self, page: str, **params: str) -> str:
        return f"{self.settings.base_url.strip().rstrip('/')}/{page}?{urlencode(params)}"

    def parse(self, response: IndexerResponse) -> list[Release]:
        """HDBits' answer: `{"status": 0, "data": [torrents]}`, anything else an error."""
        if response.status != 200:
            raise IndexerError(f"Unexpected response status {response.status} code from API request")
        answer = load_json(response)
        if not isinstance(answer, dict) or "status" not in answer:
            raise IndexerError("HDBits answered without a status")
        status = as_int(answer.get("status"))
        if status != 0:
            name = STATUS_NAMES.get(status or -1, str(answer.get("status")))
            raise IndexerError(
                f"HDBits API request returned status code {name}: {as_str(answer.get('message'))}"
            )
        data = answer.get("data")
        if not isinstance(data, list):
            raise IndexerError("Indexer API call response missing result data")
        return each((i for i in data if isinstance(i, dict)), self._release, self.definition.name)

    def _release(self, item: dict[str, Any]) -> Release:
        torrent_id = as_str(item.get("id"))
        seeders = as_int(item.get("seeders")) or 0
        flags = NO_FLAGS
        if item.get("freeleech") == "yes":
            flags |= IndexerFlags.G_FREELEECH
        if as_int(item.get("type_origin")) == 1:
            flags |= IndexerFlags.G_INTERNAL
        imdb = item.get("imdb") if isinstance(item.get("imdb"), dict) else {}
        return Release(
            guid=f"HDBits-{torrent_id}",
            title=as_str(item.get("name")),
            size=as_int(item.get("size")) or 0,
            info_hash=as_str(item.get("hash")) or None,
            download_url=self._url("download.php", id=torrent_id, passkey=self.settings.api_key),
            info_url=self._url("details.php", id=torrent_id),
            seeders=seeders,
            peers=(as_int(item.get("leechers")) or 0) + seeders,
            publish_date=parse_utc(item.get("added")),
            imdb_id=imdb_tt(as_int(imdb.get("id"))) if imdb else None,
            indexer_flags=flags,
            indexer_id=self.definition.id,
            indexer=self.definition.name,
            protocol=self.protocol,
            indexer_priority=self.options.priority,
        )
