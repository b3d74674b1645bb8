"""The requests an indexer sends, paged and tiered as Radarr chains them, and the answers it gets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from reelarr.indexers.errors import IndexerRejected

RSS_ACCEPT = "application/rss+xml, text/rss+xml, application/xml, text/xml"
JSON_ACCEPT = "application/json"


@dataclass(frozen=True, slots=True)
class IndexerRequest:
    """One HTTP request to an indexer."""

    url: str
    accept: str = RSS_ACCEPT
    method: str = "GET"
    headers: Mapping[str, str] = field(default_factory=dict)
    json_body: Any = None
    auth: tuple[str, str] | None = None  # HTTP basic credentials


@dataclass(frozen=True, slots=True)
class IndexerResponse:
    """An indexer's answer (any status below 500), its body already read within the size limit."""

    request: IndexerRequest
    status: int
    content_type: str
    body: bytes
    charset: str | None = None
    retry_after: str | None = None

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode(self.charset or "utf-8", "replace")

    @property
    def is_html(self) -> bool:
        """Whether the indexer sent a web page (a login or block page) instead of data."""
        return "text/html" in self.content_type.lower()

    def ensure_ok(self) -> None:
        """Radarr's check before parsing: a status other than 200 is the indexer refusing."""
        if self.status != 200:
            snippet = " ".join(self.text.split())[:200]
            raise IndexerRejected(
                self.status,
                f"Indexer API call resulted in an unexpected StatusCode [{self.status}]: {snippet}",
            )


# Pages of one query: requests to send in turn until a page is not full.
Pageable = Sequence[IndexerRequest]


class OffsetPages(Sequence[IndexerRequest]):
    """A query's pages by offset and limit, each request made when asked for: a search of a film with
    many titles chains hundreds of pages, of which the first is usually the last sent."""

    def __init__(self, base: str, page_size: int, parameters: str, count: int) -> None:
        self._base = base
        self._page_size = page_size
        self._parameters = parameters
        self._count = count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> IndexerRequest: ...

    @overload
    def __getitem__(self, index: slice) -> list[IndexerRequest]: ...

    def __getitem__(self, index: int | slice) -> IndexerRequest | list[IndexerRequest]:
        if isinstance(index, slice):
            return [self._page(page) for page in range(self._count)[index]]
        page = range(self._count)[index]  # IndexError past the end, negative indexes as a list's
        return self._page(page)

    def __iter__(self) -> Iterator[IndexerRequest]:
        return (self._page(page) for page in range(self._count))

    def _page(self, page: int) -> IndexerRequest:
        offset = page * self._page_size
        return IndexerRequest(f"{self._base}&offset={offset}&limit={self._page_size}{self._parameters}")


class RequestChain:
    """Tiers of pageable queries: all queries of a tier run, and the next tier only when the
    previous found nothing (ids first, then titles)."""

    def __init__(self) -> None:
        self.tiers: list[list[Pageable]] = [[]]

    def add(self, pages: Iterable[IndexerRequest]) -> None:
        """Add a query to the current tier (an empty one is skipped); a sequence is kept as it is."""
        listed = pages if isinstance(pages, Sequence) else list(pages)
        if len(listed):
            self.tiers[-1].append(listed)

    def add_tier(self) -> None:
        """Start a tier for fallback queries (no-op when the current one is still empty)."""
        if self.tiers[-1]:
            self.tiers.append([])

    def first(self) -> IndexerRequest | None:
        """The first request of the chain (what a test sends)."""
        return next((pages[0] for tier in self.tiers for pages in tier if pages), None)

    def __bool__(self) -> bool:
        return any(self.tiers)
