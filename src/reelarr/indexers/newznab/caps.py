"""A Newznab/Torznab site's capabilities (`t=caps`): page sizes, search parameters, categories."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field

from reelarr.indexers.errors import IndexerError
from reelarr.indexers.values import parse_int

CAPS_TTL_SECONDS = 7 * 24 * 3600  # Radarr keeps capabilities a week
_MAX_ENTRIES = 500


@dataclass(frozen=True, slots=True)
class Category:
    """A category of the site, with its subcategories."""

    id: int
    name: str
    description: str = ""
    subcategories: tuple[Category, ...] = ()


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a site supports; Radarr's defaults when the site does not say."""

    default_page_size: int = 100
    max_page_size: int = 100
    search_params: tuple[str, ...] | None = ("q",)
    movie_search_params: tuple[str, ...] | None = ("q", "imdbid", "imdbtitle", "imdbyear")
    supports_aggregate_id_search: bool = False
    text_search_engine: str = "sphinx"
    movie_text_search_engine: str = "sphinx"
    categories: tuple[Category, ...] = field(default_factory=tuple)

    @property
    def page_size(self) -> int:
        """Results per page Radarr asks for: the larger of the two limits, at most 100."""
        return min(100, max(self.default_page_size, self.max_page_size))

    def category_ids(self) -> set[int]:
        """Every category and subcategory id."""
        ids: set[int] = set()
        for category in self.categories:
            ids.add(category.id)
            ids.update(sub.id for sub in category.subcategories)
        return ids

    @property
    def supports_search(self) -> bool:
        """Basic text search (`t=search&q=`)."""
        return self.search_params is not None and "q" in self.search_params

    def supports_movie(self, parameter: str) -> bool:
        """Whether movie search takes this parameter (imdbid, tmdbid, q)."""
        return self.movie_search_params is not None and parameter in self.movie_search_params


def _available(element: ET.Element | None) -> bool:
    return element is not None and element.get("available") == "yes"


def _split(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(",") if p.strip())


def _searching(searching: ET.Element, defaults: Capabilities) -> dict[str, object]:
    """Radarr's reading of <searching>: an unavailable search is None, listed parameters replace
    the defaults, and listed movie parameters mean the site takes several ids in one query."""
    values: dict[str, object] = {}
    search = searching.find("search")
    if search is None or not _available(search):
        values["search_params"] = None
    else:
        if search.get("supportedParams") is not None:
            values["search_params"] = _split(search.get("supportedParams", ""))
        values["text_search_engine"] = search.get("searchEngine") or defaults.text_search_engine
    movie = searching.find("movie-search")
    if movie is None or not _available(movie):
        values["movie_search_params"] = None
    else:
        if movie.get("supportedParams") is not None:
            values["movie_search_params"] = _split(movie.get("supportedParams", ""))
            values["supports_aggregate_id_search"] = True
        values["movie_text_search_engine"] = movie.get("searchEngine") or defaults.movie_text_search_engine
    return values


def _category(element: ET.Element) -> Category:
    category_id = parse_int(element.get("id"))
    if category_id is None:
        raise IndexerError("The indexer's capabilities list a category without a numeric id")
    return Category(
        id=category_id,
        name=element.get("name") or "",
        description=element.get("description") or "",
        subcategories=tuple(_category(sub) for sub in element.findall("subcat")),
    )


def parse_caps(root: ET.Element) -> Capabilities:
    """The capabilities in a `<caps>` document."""
    if root.tag != "caps":
        raise IndexerError(f"The indexer's capabilities are not a <caps> document (found <{root.tag}>)")
    defaults = Capabilities()
    values: dict[str, object] = {}
    limits = root.find("limits")
    if limits is not None:
        default, maximum = parse_int(limits.get("default")), parse_int(limits.get("max"))
        if default is None or maximum is None:
            raise IndexerError("The indexer's capabilities have unreadable limits")
        values.update(default_page_size=default, max_page_size=maximum)
    searching = root.find("searching")
    if searching is not None:
        values.update(_searching(searching, defaults))
    categories = root.find("categories")
    if categories is not None:
        values["categories"] = tuple(_category(c) for c in categories.findall("category"))
    return Capabilities(**values)  # type: ignore[arg-type]


class CapsCache:
    """Capabilities by site and key, kept a week, shared by every indexer of the process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, ttl: float = CAPS_TTL_SECONDS) -> None:
        self._clock = clock
        self._ttl = ttl
        self._entries: dict[Hashable, tuple[float, Capabilities]] = {}

    async def get(self, key: Hashable, fetch: Callable[[], Awaitable[Capabilities]]) -> Capabilities:
        """The cached capabilities, fetched when missing or expired (a failed fetch is not cached)."""
        now = self._clock()
        entry = self._entries.get(key)
        if entry is not None and now - entry[0] < self._ttl:
            return entry[1]
        capabilities = await fetch()
        if len(self._entries) >= _MAX_ENTRIES:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (now, capabilities)
        return capabilities

    def forget(self, key: Hashable) -> None:
        """Drop one entry (after a settings change)."""
        self._entries.pop(key, None)
