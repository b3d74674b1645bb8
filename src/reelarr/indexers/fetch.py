"""Walking an indexer's request chain as Radarr's HttpIndexerBase does: pages until one is not full
(or, for RSS, until the releases seen last time), at most 1,000 results a query, tiers as fallbacks."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from reelarr.indexers.base import Indexer
from reelarr.indexers.requests import RequestChain
from reelarr.releases.model import Release

MAX_RESULTS_PER_QUERY = 1000
_MULTI = re.compile(r"[_. ]multi[_. ]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RssMark:
    """The newest release an RSS sync saw, where the next sync may stop paging."""

    publish_date: datetime
    download_url: str

    def to_json(self) -> dict[str, str]:
        """The mark as stored with the indexer's status."""
        return {"publishDate": self.publish_date.isoformat(), "downloadUrl": self.download_url}

    @classmethod
    def from_json(cls, data: object) -> RssMark | None:
        """A stored mark, or None when there is none (or it is unreadable)."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(datetime.fromisoformat(str(data["publishDate"])), str(data["downloadUrl"]))
        except (KeyError, ValueError):
            return None


@dataclass(frozen=True, slots=True)
class Fetched:
    """What one indexer returned for a chain of requests."""

    releases: list[Release]
    newest: RssMark | None = None  # RSS: the newest release, for the next sync
    gap: tuple[datetime, datetime] | None = None  # RSS: a period the sync could not cover


def _valid(release: Release) -> bool:
    return bool(release.title.strip()) and bool(release.download_url.strip())


def cleanup(releases: list[Release], multi_languages: list[int]) -> list[Release]:
    """One release per guid; a MULTi release without languages takes the indexer's multi languages."""
    seen: set[str] = set()
    kept = []
    for release in releases:
        if release.guid in seen:
            continue
        seen.add(release.guid)
        if not release.languages and multi_languages and _MULTI.search(release.title):
            release = replace(release, languages=tuple(multi_languages))
        kept.append(release)
    return kept


async def fetch_chain(
    indexer: Indexer, chain: RequestChain, *, recent: bool, last: RssMark | None, now: datetime
) -> Fetched:
    """Every release the chain yields; errors propagate (the caller records them)."""
    page_size = await indexer.current_page_size()
    releases: list[Release] = []
    fully_updated = False
    for tier in chain.tiers:
        for pages in tier:
            paged: list[Release] = []
            for request in pages:
                page = await indexer.fetch_page(request)
                paged.extend(page)
                if recent and page:
                    if last is None:
                        fully_updated = True
                        break
                    oldest = min(r.publish_date for r in page)
                    if oldest < last.publish_date or any(r.download_url == last.download_url for r in page):
                        fully_updated = True
                        break
                    if len(paged) >= MAX_RESULTS_PER_QUERY and oldest < now - timedelta(hours=24):
                        fully_updated = False
                        break
                elif len(paged) >= MAX_RESULTS_PER_QUERY:
                    break
                if page_size == 0 or len(page) < page_size:
                    break
            releases.extend(r for r in paged if _valid(r))
        if releases:
            break
    multi = list(getattr(indexer.definition.settings, "multi_languages", []) or [])
    releases = cleanup(releases, multi)
    if not recent or not releases:
        return Fetched(releases)
    newest = max(releases, key=lambda r: r.publish_date)
    gap = None
    if not fully_updated and last is not None:
        gap = (last.publish_date, min(r.publish_date for r in releases))
    return Fetched(releases, RssMark(newest.publish_date, newest.download_url), gap)
