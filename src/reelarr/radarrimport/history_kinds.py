"""History and blocklist: Radarr's events and blocked releases, against the films brought over."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reelarr.radarrimport.context import ImportContext, KindResult
from reelarr.radarrimport.event_formats import event_formats
from reelarr.radarrimport.values import languages, protocol, quality_model, text, timestamp

if TYPE_CHECKING:
    from reelarr.blocklist.model import NewBlocklistEntry
    from reelarr.customformats.matching import FormatMatcher
    from reelarr.history.model import NewHistory
    from reelarr.movies.model import Movie

Json = dict[str, Any]
# What makes an event or a blocked release the same one on a second run.
Key = tuple[int, int, datetime, str]
# Radarr's film id -> the film's id here and the film (None: one a dry run would add).
Here = dict[int, tuple[int, "Movie | None"]]
_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)


async def _library_movies(radarr_movies: list[Json], ctx: ImportContext) -> Here:
    """Radarr's film ids as the ids of the same films (by TMDB id) here, with the films (None for a
    film a dry run would add, which stands in with a planned id)."""
    tmdb = {int(m["id"]): int(m["tmdbId"]) for m in radarr_movies if m.get("id") and m.get("tmdbId")}
    found = await ctx.services.movies.by_tmdb_ids(tmdb.values())
    library: Here = {t: (m.id, m) for t, m in found.items()}
    if ctx.dry_run:
        library.update({t: (ctx.planned_id(), None) for t in set(tmdb.values()) - set(library)})
    return {radarr_id: library[t] for radarr_id, t in tmdb.items() if t in library}


def _formats(radarr: Json, movie: Movie | None, matcher: FormatMatcher | None) -> tuple[str, ...]:
    """The custom formats the API named; for an event read from radarr.db (which keeps none), the
    ones Radarr's API would name, worked out with the custom formats imported."""
    if "customFormats" in radarr or matcher is None:
        return _format_names(radarr.get("customFormats"))
    return event_formats(matcher, radarr, movie)


def _format_names(value: Any) -> tuple[str, ...]:
    return tuple(
        str(f["name"])
        for f in (value if isinstance(value, list) else [])
        if isinstance(f, dict) and f.get("name")
    )


async def _matcher(radarr: list[Json], ctx: ImportContext) -> FormatMatcher | None:
    """The custom formats here, when some of Radarr's events came without theirs (from radarr.db)."""
    if all("customFormats" in item for item in radarr):
        return None
    return await ctx.services.custom_formats.matcher()


def _history(radarr: Json, movie_id: int, formats: tuple[str, ...]) -> NewHistory | None:
    from reelarr.history.model import HistoryEventType, NewHistory

    event = HistoryEventType.parse(radarr.get("eventType") or "")
    date = timestamp(radarr.get("date"))
    if event is None or date is None:
        return None
    given = radarr.get("data")
    data: dict[str, Any] = given if isinstance(given, dict) else {}
    return NewHistory(
        movie_id=movie_id,
        event_type=event,
        source_title=str(radarr.get("sourceTitle") or ""),
        quality=quality_model(radarr.get("quality")),
        date=date,
        languages=languages(radarr.get("languages")),
        download_id=text(radarr.get("downloadId")),
        custom_formats=formats,
        data={str(k): str(v) for k, v in data.items() if v is not None},
    )


async def import_history(radarr: list[Json], radarr_movies: list[Json], ctx: ImportContext) -> KindResult:
    """Each event of a film brought over; one already here (film, type, date, title) is passed over."""
    result = KindResult("history")
    movies = await _library_movies(radarr_movies, ctx)
    matcher = await _matcher(radarr, ctx)
    seen: set[Key] = {
        (e.movie_id, int(e.event_type), e.date, e.source_title)
        for e in await ctx.services.history.since(_EPOCH)
    }
    new: list[NewHistory] = []
    skipped = 0
    for item in radarr:
        movie_id, movie = movies.get(int(item.get("movieId") or 0), (None, None))
        entry = _history(item, movie_id, _formats(item, movie, matcher)) if movie_id is not None else None
        if entry is None:
            skipped += 1
            continue
        key = (entry.movie_id, int(entry.event_type), entry.date, entry.source_title)
        if key in seen:
            result.unchanged += 1
            continue
        seen.add(key)
        new.append(entry)
        result.added.append(f"{entry.event_type.api_name} {entry.source_title} ({entry.date:%Y-%m-%d})")
    if skipped:
        result.notes.append(f"{skipped} event(s) of films not brought over, or of unknown types, passed over")
    if new and not ctx.dry_run:
        await ctx.services.history.record_many(new)
    return result


def _blocked(radarr: Json, movie_id: int, formats: tuple[str, ...]) -> NewBlocklistEntry | None:
    from reelarr.blocklist.model import NewBlocklistEntry

    date = timestamp(radarr.get("date"))
    if date is None:
        return None
    return NewBlocklistEntry(
        movie_id=movie_id,
        source_title=str(radarr.get("sourceTitle") or ""),
        quality=quality_model(radarr.get("quality")),
        date=date,
        protocol=protocol(radarr.get("protocol")),
        published_date=timestamp(radarr.get("publishedDate")),
        size=int(radarr["size"]) if isinstance(radarr.get("size"), int) else None,
        indexer=text(radarr.get("indexer")),
        message=text(radarr.get("message")),
        torrent_info_hash=text(radarr.get("torrentInfoHash")),
        download_id=text(radarr.get("downloadId")),
        languages=languages(radarr.get("languages")),
        custom_formats=formats,
    )


async def import_blocklist(radarr: list[Json], radarr_movies: list[Json], ctx: ImportContext) -> KindResult:
    """Each blocked release of a film brought over; one already blocked here (film, date, title) is
    passed over."""
    result = KindResult("blocklist")
    movies = await _library_movies(radarr_movies, ctx)
    matcher = await _matcher(radarr, ctx)
    here = await ctx.services.blocklist.for_movies([movie_id for movie_id, _ in movies.values()])
    seen = {(e.movie_id, 0, e.date, e.source_title) for entries in here.values() for e in entries}
    new: list[NewBlocklistEntry] = []
    skipped = 0
    for item in radarr:
        movie_id, movie = movies.get(int(item.get("movieId") or 0), (None, None))
        entry = _blocked(item, movie_id, _formats(item, movie, matcher)) if movie_id is not None else None
        if entry is None:
            skipped += 1
            continue
        key = (entry.movie_id, 0, entry.date, entry.source_title)
        if key in seen:
            result.unchanged += 1
            continue
        seen.add(key)
        new.append(entry)
        result.added.append(f"{entry.source_title} ({entry.date:%Y-%m-%d})")
    if skipped:
        result.notes.append(f"{skipped} release(s) of films not brought over passed over")
    if new and not ctx.dry_run:
        await ctx.services.blocklist.add_many(new)
    return result
