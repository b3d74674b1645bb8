"""The TMDB v3 client: search, details, find by IMDb id, collections, trending and popular films;
through remote.py, cached."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from reelarr.errors import NotFound, RemoteRejected, RemoteUnavailable, ValidationFailed
from reelarr.metadata.cache import TtlCache
from reelarr.metadata.models import CollectionMetadata, MovieMetadata, MovieSearchPage, MovieSearchResult
from reelarr.metadata.tmdb_mapping import (
    Json,
    MappingOptions,
    collection_from_tmdb,
    movie_from_tmdb,
    search_page_from_tmdb,
    search_result_from_tmdb,
)
from reelarr.remote import BreakerPolicy, RateLimit, RemoteRegistry, RemoteService, RetryPolicy, ServicePolicy
from reelarr.remote.policy import Clock

SERVICE_NAME = "TMDB"
DEFAULT_API_URL = "https://api.themoviedb.org/3"
DEFAULT_IMAGE_URL = "https://image.tmdb.org/t/p/original"
NOT_CONFIGURED = "API key is not configured: set REELARR_TMDB_API_KEY or add one in Settings"
# What `movie()` asks TMDB to append to the details, in one request.
DETAILS_PARTS = (
    "alternative_titles",
    "release_dates",
    "credits",
    "images",
    "external_ids",
    "recommendations",
    "keywords",
    "videos",
)
# TMDB tolerates around 40-50 requests a second per IP; stay well under it.
TMDB_POLICY = ServicePolicy(
    timeout=20.0,
    connect_timeout=5.0,
    retry=RetryPolicy(attempts=3, initial_delay=0.5, max_delay=8.0, jitter=0.5, max_retry_after=30.0),
    breaker=BreakerPolicy(failure_threshold=5, cooldown=30.0, max_cooldown=600.0),
    rate_limit=RateLimit(rate=20.0, burst=20),
)
_IMDB_ID = re.compile(r"^tt\d{5,10}$")
_MAX_PAGE = 500


@dataclass(frozen=True, slots=True)
class TmdbConfig:
    """Where TMDB is, how to authenticate, and how to shape and cache its answers."""

    api_key: str = ""  # a v3 API key, or a v4 read access token (a JWT)
    api_url: str = DEFAULT_API_URL
    image_url: str = DEFAULT_IMAGE_URL
    language: str = "en-US"
    release_country: str | None = None  # None: earliest release anywhere (Radarr's rule)
    certification_country: str = "US"
    details_ttl: float = 3600.0
    search_ttl: float = 600.0
    charts_ttl: float = 3600.0  # trending and popular: TMDB recomputes them daily at most
    cache_entries: int = 2000


def is_bearer_token(key: str) -> bool:
    """True for a v4 read access token (a JWT, sent as a Bearer header), False for a v3 key."""
    parts = key.split(".")
    return key.startswith("eyJ") and len(parts) == 3 and all(parts)


class TmdbClient:
    """Async TMDB v3 client under the TMDB service's resilience policy, with a TTL cache."""

    def __init__(
        self, service: RemoteService, config: TmdbConfig | None = None, *, clock: Clock = time.time
    ) -> None:
        self._service = service
        self._config = config or TmdbConfig()
        self._cache: TtlCache[Json] = TtlCache(self._config.cache_entries, clock)
        self._clock = clock

    @classmethod
    def from_registry(
        cls,
        registry: RemoteRegistry,
        config: TmdbConfig | None = None,
        *,
        policy: ServicePolicy = TMDB_POLICY,
    ) -> TmdbClient:
        """A client on the registry's "TMDB" service, created with TMDB's policy on first use."""
        return cls(registry.service(SERVICE_NAME, policy), config, clock=registry.clock)

    @property
    def config(self) -> TmdbConfig:
        """The configuration in force."""
        return self._config

    @property
    def configured(self) -> bool:
        """Whether an API key is set (without one every call raises RemoteRejected)."""
        return bool(self._config.api_key.strip())

    def reconfigure(self, config: TmdbConfig) -> None:
        """Use new settings (e.g. a key entered in the UI) and drop cached answers."""
        self._config = config
        self._cache = TtlCache(config.cache_entries, self._clock)

    async def search_movies(self, query: str, *, year: int | None = None, page: int = 1) -> MovieSearchPage:
        """Films whose title (any language, any alternative title) matches `query`."""
        self._require_key()
        if not 1 <= page <= _MAX_PAGE:
            raise ValidationFailed.single("page", f"Page must be between 1 and {_MAX_PAGE}", page)
        query = query.strip()
        if not query:
            return MovieSearchPage(page=page, total_pages=0, total_results=0)
        params: dict[str, str | int] = {"query": query, "page": page, "include_adult": "false"}
        if year:
            params["year"] = year
        doc = await self._get("/search/movie", params, self._config.search_ttl)
        return search_page_from_tmdb(doc, self._options())

    async def movie(self, tmdb_id: int) -> MovieMetadata:
        """Everything about one film, in one request; NotFound when TMDB has no such id."""
        self._require_key()
        parts: tuple[str, ...] = DETAILS_PARTS
        if self._config.language.split("-")[0] != "en":
            parts = (*parts, "translations")  # for the English wording where the language has none
        params = {
            "append_to_response": ",".join(parts),
            "include_image_language": f"{self._config.language.split('-')[0]},null",
        }
        try:
            doc = await self._get(f"/movie/{int(tmdb_id)}", params, self._config.details_ttl)
        except RemoteRejected as exc:
            if exc.status_code == 404:
                raise NotFound(f"TMDB has no movie with id {tmdb_id}") from exc
            raise
        return movie_from_tmdb(doc, self._options())

    async def find_by_imdb_id(self, imdb_id: str) -> MovieSearchResult | None:
        """The film TMDB knows under this IMDb id (tt…), or None."""
        self._require_key()
        imdb_id = imdb_id.strip().lower()
        if not _IMDB_ID.match(imdb_id):
            raise ValidationFailed.single("imdbId", "An IMDb id looks like tt0133093", imdb_id)
        doc = await self._get(
            f"/find/{quote(imdb_id)}", {"external_source": "imdb_id"}, self._config.details_ttl
        )
        results = doc.get("movie_results")
        if not isinstance(results, list):
            return None
        found = [item for item in results if isinstance(item, Mapping) and isinstance(item.get("id"), int)]
        return search_result_from_tmdb(found[0], self._options()) if found else None

    async def collection(self, collection_id: int) -> CollectionMetadata:
        """A collection and its films; NotFound when TMDB has no such id."""
        self._require_key()
        try:
            doc = await self._get(f"/collection/{int(collection_id)}", {}, self._config.details_ttl)
        except RemoteRejected as exc:
            if exc.status_code == 404:
                raise NotFound(f"TMDB has no collection with id {collection_id}") from exc
            raise
        return collection_from_tmdb(doc, self._options())

    async def trending_movies(self, window: str = "week") -> tuple[MovieSearchResult, ...]:
        """The first page of TMDB's films trending this week (or "day"), as search shows them."""
        self._require_key()
        if window not in ("day", "week"):
            raise ValidationFailed.single("window", "The trending window is day or week", window)
        doc = await self._get(f"/trending/movie/{window}", {}, self._config.charts_ttl)
        return search_page_from_tmdb(doc, self._options()).results

    async def popular_movies(self) -> tuple[MovieSearchResult, ...]:
        """The first page of TMDB's popular films (`/movie/popular`), as search shows them."""
        self._require_key()
        doc = await self._get("/movie/popular", {"page": 1}, self._config.charts_ttl)
        return search_page_from_tmdb(doc, self._options()).results

    async def document(self, path: str, params: Mapping[str, str | int]) -> Json:
        """One uncached TMDB document in the configured language (an import list's page: a list, a
        discover query, a person's credits); raises as every call does."""
        self._require_key()
        return await self._fetch(path, {"language": self._config.language, **params})

    async def account_document(self, path: str, access_token: str, params: Mapping[str, str | int]) -> Json:
        """One uncached TMDB v4 document read with a user's access token (an account's watchlist,
        favorites, ratings or recommendations); the v4 API sits beside the configured v3 one."""
        base = self._config.api_url.rstrip("/")
        base = base.removesuffix("/3") + "/4"
        headers = {"Accept": "application/json", "Authorization": f"Bearer {access_token.strip()}"}
        query = {"language": self._config.language, **params}
        doc = await self._service.get_json(base + path, params=dict(query), headers=headers)
        if not isinstance(doc, Mapping):
            raise RemoteUnavailable(SERVICE_NAME, f"answered {path} with something that is not a JSON object")
        return doc

    async def check(self) -> None:
        """Ask TMDB for its configuration, uncached: raises when unreachable or the key is refused."""
        self._require_key()
        await self._fetch("/configuration", {})

    def _require_key(self) -> None:
        if not self.configured:
            raise RemoteRejected(SERVICE_NAME, NOT_CONFIGURED)

    def _options(self) -> MappingOptions:
        config = self._config
        return MappingOptions(
            image_url=config.image_url,
            language=config.language,
            release_country=config.release_country,
            certification_country=config.certification_country,
        )

    async def _get(self, path: str, params: Mapping[str, str | int], ttl: float) -> Json:
        query = {"language": self._config.language, **params}
        key = f"{path}?{urlencode(sorted(query.items()))}"
        return await self._cache.get_or_fetch(key, ttl, lambda: self._fetch(path, query))

    async def _fetch(self, path: str, params: Mapping[str, str | int]) -> Json:
        api_key = self._config.api_key.strip()
        headers = {"Accept": "application/json"}
        query: dict[str, Any] = dict(params)
        if is_bearer_token(api_key):
            headers["Authorization"] = f"Bearer {api_key}"
        else:
            query["api_key"] = api_key
        url = self._config.api_url.rstrip("/") + path
        doc = await self._service.get_json(url, params=query, headers=headers)
        if not isinstance(doc, Mapping):
            raise RemoteUnavailable(SERVICE_NAME, f"answered {path} with something that is not a JSON object")
        return doc
