"""The queries Radarr's NewznabRequestGenerator sends: ids as the capabilities allow, then titles."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from reelarr.indexers.newznab.caps import Capabilities
from reelarr.indexers.newznab.settings import NewznabSettings
from reelarr.indexers.requests import IndexerRequest, OffsetPages, RequestChain
from reelarr.releases.search import MovieSearch

MAX_PAGES = 30


def _pages(
    settings: NewznabSettings, page_size: int, search_type: str, parameters: str, max_pages: int = MAX_PAGES
) -> Sequence[IndexerRequest]:
    if not settings.categories:
        return []
    categories = ",".join(str(c) for c in dict.fromkeys(settings.categories))
    base = (
        f"{settings.base_url.strip().rstrip('/')}{settings.api_path.strip().rstrip('/')}"
        f"?t={search_type}&cat={categories}&extended=1{settings.additional_parameters.strip()}"
    )
    if settings.api_key.strip():
        base += "&apikey=" + settings.api_key.strip()
    if page_size == 0:
        return [IndexerRequest(f"{base}{parameters}")]
    return OffsetPages(base, page_size, parameters, max_pages)


def newznab_title(title: str) -> str:
    """A search title as Radarr puts it in `q` ("+" as spaces, then percent-encoded)."""
    return quote(title.replace("+", " "), safe="")


def rss_chain(settings: NewznabSettings, caps: Capabilities, page_size: int) -> RequestChain:
    """The newest releases: a movie query when the site has movie search, else a plain search."""
    chain = RequestChain()
    if caps.movie_search_params is not None:
        chain.add(_pages(settings, page_size, "movie", ""))
    elif caps.search_params is not None:
        chain.add(_pages(settings, page_size, "search", ""))
    return chain


def search_chain(
    settings: NewznabSettings, caps: Capabilities, page_size: int, search: MovieSearch
) -> RequestChain:
    """One film: by TMDB and IMDb id as the capabilities allow, then (as a fallback tier) by title
    and year when the site has text search."""
    chain = RequestChain()
    with_tmdb = caps.supports_movie("tmdbid") and search.tmdb_id > 0
    with_imdb = caps.supports_movie("imdbid") and search.imdb_number is not None
    if caps.supports_aggregate_id_search and (with_tmdb or with_imdb):
        ids = (f"&tmdbid={search.tmdb_id}" if with_tmdb else "") + (
            f"&imdbid={search.imdb_number}" if with_imdb else ""
        )
        chain.add(_pages(settings, page_size, "movie", ids))
    elif with_tmdb:
        chain.add(_pages(settings, page_size, "movie", f"&tmdbid={search.tmdb_id}"))
    elif with_imdb:
        chain.add(_pages(settings, page_size, "movie", f"&imdbid={search.imdb_number}"))
    if caps.supports_search and search.year > 0:
        chain.add_tier()
        titles = (
            list(dict.fromkeys(search.titles)) if caps.text_search_engine == "raw" else search.clean_titles
        )
        for title in titles:
            query = title if settings.remove_year else f"{title} {search.year}"
            chain.add(_pages(settings, page_size, "search", f"&q={newznab_title(query)}"))
    return chain
