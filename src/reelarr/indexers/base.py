"""The indexer contract: requests for RSS and for a film, a parser for the answers, a real test."""

from __future__ import annotations

import time
from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, cast

from reelarr.errors import RemoteUnavailable, ValidationFailure
from reelarr.indexers.errors import (
    ApiKeyInvalid,
    IndexerError,
    IndexerRejected,
    RequestLimitReached,
    UnsupportedFeed,
)
from reelarr.indexers.parse_pool import FeedParse, FeedParsePool
from reelarr.indexers.requests import IndexerRequest, IndexerResponse, RequestChain
from reelarr.indexers.rss import Stamp
from reelarr.indexers.settings import IndexerOptions
from reelarr.memory import collector_paused
from reelarr.providers.base import Provider
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.schema import field_mappings
from reelarr.releases.model import DownloadProtocol, Release
from reelarr.releases.search import MovieSearch
from reelarr.remote import BackedOff, RemoteService, ResponseTooLarge, parse_retry_after

if TYPE_CHECKING:
    from reelarr.indexers.newznab.caps import CapsCache

NO_RESULTS = (
    "Query successful, but no results in the configured categories were returned from your indexer. "
    "This may be an issue with the indexer or your indexer category settings."
)


@dataclass(frozen=True)
class IndexerContext:
    """What an indexer works with: its remote service, the answer size limit, shared caches."""

    http: RemoteService
    max_response_bytes: int
    clock: Callable[[], datetime]
    caps: CapsCache
    notes: dict[str, Any] = field(
        default_factory=dict
    )  # per-process memory of this indexer (parser settings)
    parse_pool: FeedParsePool | None = None  # reads big answers in a worker process


class Indexer(Provider):
    """An indexer implementation; its settings model is its form."""

    protocol: ClassVar[DownloadProtocol]
    supports_rss: ClassVar[bool] = True
    supports_search: ClassVar[bool] = True
    page_size: ClassVar[int] = 0  # results per page; 0: the indexer does not page
    request_interval: ClassVar[float] = 2.0  # seconds between two requests (Radarr's rate limit)

    def __init__(self, definition: ProviderDefinition[Any], context: IndexerContext) -> None:
        super().__init__(definition)
        self.context = context

    @property
    def options(self) -> IndexerOptions:
        """The indexer's enable flags, priority and budget."""
        return cast(IndexerOptions, self.definition.options)

    @property
    def stamp(self) -> Stamp:
        """Which indexer releases come from."""
        return Stamp(self.definition.id, self.definition.name, self.protocol, self.options.priority)

    def secrets(self) -> list[str]:
        """The secret values of the settings (kept out of every message)."""
        values = []
        for mapping in field_mappings(type(self.definition.settings)):
            if mapping.spec.secret or mapping.spec.privacy == "userName":
                value: Any = self.definition.settings
                for attribute in mapping.attributes:
                    value = getattr(value, attribute, None)
                if isinstance(value, str) and len(value.strip()) >= 4:
                    values.append(value.strip())
        return values

    async def current_page_size(self) -> int:
        """Results per page now (Newznab asks the site)."""
        return self.page_size

    @abstractmethod
    async def rss_requests(self) -> RequestChain:
        """The requests for the newest releases."""

    async def search_requests(self, search: MovieSearch) -> RequestChain:
        """The requests for one film (none for an indexer that cannot search)."""
        return RequestChain()

    @abstractmethod
    def parse(self, response: IndexerResponse) -> list[Release]:
        """The releases of one answer."""

    def feed_parse(self) -> FeedParse | None:
        """`parse` as a picklable reader a worker process can run; None: answers are read here."""
        return None

    def download_request(self, url: str) -> IndexerRequest:
        """How to fetch a release's .torrent or .nzb (some trackers want their credentials again)."""
        return IndexerRequest(url, accept="*/*")

    async def send(self, request: IndexerRequest) -> IndexerResponse:
        """Send one request; the answer whatever its status below 500."""
        headers = {"Accept": request.accept, **request.headers}
        response = await self.context.http.exchange(
            request.method,
            request.url,
            max_bytes=self.context.max_response_bytes,
            headers=headers,
            json=request.json_body,
            auth=request.auth,
        )
        content_type = response.headers.get("Content-Type", "")
        if response.status_code == 429:
            wait = parse_retry_after(response.headers.get("Retry-After"), time.time())
            raise RequestLimitReached(
                "The indexer's request limit is reached (HTTP 429)",
                timedelta(seconds=wait) if wait is not None else None,
            )
        return IndexerResponse(
            request=request,
            status=response.status_code,
            content_type=content_type,
            body=response.content,
            charset=response.charset_encoding,
            retry_after=response.headers.get("Retry-After"),
        )

    async def fetch_page(self, request: IndexerRequest) -> list[Release]:
        """Send a request and parse its answer."""
        response = await self.send(request)
        reader, pool = self.feed_parse(), self.context.parse_pool
        if reader is not None and pool is not None:
            return await pool.parse(reader, response)
        # A page of 1,000 items is ~100,000 new objects, none of them garbage: the collector waits
        # out the parse (no await inside, so no other request runs under the pause).
        with collector_paused():
            return self.parse(response)

    async def test(self) -> list[ValidationFailure]:
        """Radarr's connection test: the first RSS page must answer with releases."""
        try:
            chain = await self.rss_requests()
            first = chain.first()
            if first is None:
                return [
                    ValidationFailure(
                        "",
                        "No rss feed query available. This may be an issue with the indexer or your indexer "
                        "category settings.",
                    )
                ]
            if not await self.fetch_page(first):
                return [ValidationFailure("", NO_RESULTS)]
        except (IndexerError, RemoteUnavailable) as error:
            return [test_failure(error, self.secrets())]
        return []


def redact(message: str, secrets: list[str]) -> str:
    """The message with every secret replaced."""
    for secret in secrets:
        message = message.replace(secret, "(removed)")
    return message


def test_failure(error: Exception, secrets: list[str]) -> ValidationFailure:
    """What a failed connection test says, in Radarr's words."""
    text = redact(getattr(error, "message", str(error)), secrets)
    if isinstance(error, ApiKeyInvalid):
        return ValidationFailure("apiKey", "Invalid API Key")
    if isinstance(error, RequestLimitReached):
        return ValidationFailure("", f"Request limit reached: {text}")
    if isinstance(error, UnsupportedFeed):
        return ValidationFailure("", f"Indexer feed is not supported: {text}")
    if isinstance(error, IndexerRejected):
        if error.status == 400 and "not support the requested query" in text:
            return ValidationFailure(
                "",
                "Indexer does not support the current query. Check if the categories and or searching for "
                "movies are supported. Check the log for more details.",
            )
        if error.status in (401, 403):
            return ValidationFailure("", f"Unable to connect to indexer, invalid credentials. {text}")
        return ValidationFailure(
            "",
            "Unable to connect to indexer, check the log above the ValidationFailure for more details. "
            + text,
        )
    if isinstance(error, IndexerError):
        return ValidationFailure("", f"Unable to connect to indexer. {text}")
    if isinstance(error, BackedOff | ResponseTooLarge):
        return ValidationFailure("", f"Unable to connect to indexer: {text}")
    if "timed out" in text:
        return ValidationFailure(
            "",
            "Unable to connect to indexer, possibly due to a timeout. "
            f"Try again or check your network settings. {text}",
        )
    if "cannot connect" in text:
        return ValidationFailure(
            "",
            "Unable to connect to indexer, please check your DNS settings "
            f"and ensure IPv6 is working or disabled. {text}",
        )
    if "HTTP 5" in text or "HTTP 429" in text:
        return ValidationFailure(
            "", f"Unable to connect to indexer, indexer's server is unavailable. Try again later. {text}"
        )
    return ValidationFailure(
        "", f"Unable to connect to indexer: {text}. Check the log surrounding this error for details"
    )
