"""FileList.io through its JSON API (api.php with HTTP basic credentials), as Radarr's indexer uses it."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from reelarr.errors import ValidationFailure
from reelarr.indexers.base import Indexer
from reelarr.indexers.errors import ApiKeyInvalid, IndexerError
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

# Radarr's FileListCategories, in its order.
CATEGORIES = (
    (24, "Anime"),
    (15, "Animation"),
    (1, "Movies SD"),
    (2, "Movies DVD"),
    (3, "Movies DVD-RO"),
    (4, "Movies HD"),
    (19, "Movies HD-RO"),
    (6, "Movies 4K"),
    (20, "Movies Blu-Ray"),
    (26, "Movies 4K Blu-Ray"),
    (25, "Movies 3D"),
    (28, "RO Dubbed"),
    (7, "XXX"),
)


class FileListSettings(ProviderSettings):
    """Radarr's FileListSettings."""

    username: str = setting("", label="Username", privacy=Privacy.USER_NAME)
    passkey: str = setting("", label="Passkey", privacy=Privacy.API_KEY)
    base_url: str = api_url("https://filelist.io")
    categories: list[int] = setting(
        label="Categories",
        type=FieldType.SELECT,
        options=enum_options(CATEGORIES),
        help="Categories for use in search and feeds. If unspecified, all options are used.",
        default_factory=lambda: [1, 4, 19, 6],
    )
    minimum_seeders: int = minimum_seeders()
    seed_criteria: SeedCriteriaSettings = seed_criteria()
    reject_blocklisted_torrent_hashes_while_grabbing: bool = reject_blocklisted_hashes()
    multi_languages: list[int] = multi_languages()
    fail_downloads: list[int] = fail_downloads()
    required_flags: list[int] = required_flags()

    def check(self) -> list[ValidationFailure]:
        """Radarr's FileListSettingsValidator."""
        return (
            valid_root_url("baseUrl", self.base_url, "API URL")
            + not_empty("username", self.username, "Username")
            + not_empty("passkey", self.passkey, "Passkey")
            + not_empty("categories", self.categories, "Categories")
            + self.seed_criteria.check()
        )


class FileList(Indexer):
    """FileList.io: the latest torrents of the chosen categories, a film by IMDb id or by title and year."""

    implementation = "FileList"
    implementation_name = "FileList.io"
    settings_model = FileListSettings
    protocol = DownloadProtocol.TORRENT

    @property
    def settings(self) -> FileListSettings:
        """The tracker's settings."""
        return cast(FileListSettings, self.definition.settings)

    def _requests(self, action: str, parameters: str = "") -> list[IndexerRequest]:
        s = self.settings
        if not s.categories:
            return []
        categories = ",".join(str(c) for c in dict.fromkeys(s.categories))
        url = f"{s.base_url.strip().rstrip('/')}/api.php?action={action}&category={categories}{parameters}"
        return [IndexerRequest(url, accept=JSON_ACCEPT, auth=(s.username.strip(), s.passkey.strip()))]

    async def rss_requests(self) -> RequestChain:
        """The latest torrents."""
        chain = RequestChain()
        chain.add(self._requests("latest-torrents"))
        return chain

    async def search_requests(self, search: MovieSearch) -> RequestChain:
        """The film by IMDb id, else by each title and the year."""
        chain = RequestChain()
        if search.imdb_id:
            chain.add(self._requests("search-torrents", f"&type=imdb&query={search.imdb_id}"))
        elif search.year > 0:
            for title in search.clean_titles:
                chain.add(self._requests("search-torrents", f"&type=name&query={title}+{search.year}"))
        return chain

    def _url(self, page: str, **params: Any) -> str:
        return f"{self.settings.base_url.strip().rstrip('/')}/{page}?{urlencode(params)}"

    def parse(self, response: IndexerResponse) -> list[Release]:
        """FileList's list of torrents; its `{"error": ...}` answers are errors."""
        if response.status in (401, 403):
            raise ApiKeyInvalid(f"FileList refused the username or passkey (HTTP {response.status})")
        if response.status != 200:
            raise IndexerError(f"Unexpected response status {response.status} code from API request")
        if "application/json" not in response.content_type.lower():
            raise IndexerError(
                f"Unexpected response header '{response.content_type}' from indexer request, "
                f"expected '{JSON_ACCEPT}'"
            )
        answer = load_json(response)
        if isinstance(answer, dict) and "error" in answer:
            raise IndexerError(f"FileList: {as_str(answer.get('error'))}")
        if not isinstance(answer, list):
            raise IndexerError("FileList answered with something that is not a list of torrents")
        return each((t for t in answer if isinstance(t, dict)), self._release, self.definition.name)

    def _release(self, torrent: dict[str, Any]) -> Release:
        torrent_id = as_str(torrent.get("id"))
        seeders = as_int(torrent.get("seeders")) or 0
        flags = NO_FLAGS
        if torrent.get("freeleech") is True:
            flags |= IndexerFlags.G_FREELEECH
        if torrent.get("internal") is True:
            flags |= IndexerFlags.G_INTERNAL
        imdb = as_str(torrent.get("imdb"))
        return Release(
            guid=f"FileList-{torrent_id}",
            title=as_str(torrent.get("name")),
            size=as_int(torrent.get("size")) or 0,
            download_url=self._url("download.php", id=torrent_id, passkey=self.settings.passkey.strip()),
            info_url=self._url("details.php", id=torrent_id),
            seeders=seeders,
            peers=(as_int(torrent.get("leechers")) or 0) + seeders,
            publish_date=parse_utc(torrent.get("upload_date")),
            imdb_id=imdb_tt(imdb) if len(imdb) > 2 else None,
            indexer_flags=flags,
            indexer_id=self.definition.id,
            indexer=self.definition.name,
            protocol=self.protocol,
            indexer_priority=self.options.priority,
        )
