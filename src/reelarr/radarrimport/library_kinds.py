"""List exclusions and movies: the films themselves, built from Radarr's resources without TMDB."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reelarr.errors import ReelarrError
from reelarr.radarrimport.context import ImportContext, KindResult
from reelarr.radarrimport.movies import minimum_availability, movie_metadata

if TYPE_CHECKING:
    from reelarr.collections.model import Collection, CollectionEdit
    from reelarr.metadata.models import MovieMetadata
    from reelarr.movies.changes import MovieChanges
    from reelarr.movies.model import Movie
    from reelarr.movies.service import AddMovie, MovieService

Json = dict[str, Any]


async def import_exclusions(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each excluded film by TMDB id; those already excluded are left as they are."""
    from reelarr.movies.exclusions import NewExclusion

    result = KindResult("list exclusions")
    service = ctx.services.exclusions
    excluded = await service.excluded_ids()
    new: list[NewExclusion] = []
    for exclusion in radarr:
        tmdb_id = int(exclusion.get("tmdbId") or 0)
        if tmdb_id in excluded:
            result.unchanged += 1
            continue
        excluded.add(tmdb_id)
        title = str(exclusion.get("movieTitle") or "")
        new.append(NewExclusion(tmdb_id, title, int(exclusion.get("movieYear") or 0)))
        result.added.append(f"{title} ({tmdb_id})")
    if new and not ctx.dry_run:
        await service.add_many(new)
    return result


def _label(resource: Json) -> str:
    return f"{resource.get('title')} ({resource.get('year')}, TMDB {resource.get('tmdbId')})"


def _add_request(resource: Json, ctx: ImportContext) -> AddMovie:
    from reelarr.movies.service import AddMovie

    return AddMovie(
        tmdb_id=int(resource["tmdbId"]),
        quality_profile_id=ctx.profile_ids.get(int(resource.get("qualityProfileId") or 0), 0),
        path=ctx.path(str(resource.get("path") or "")) or None,
        monitored=bool(resource.get("monitored")),
        minimum_availability=minimum_availability(resource.get("minimumAvailability")),
        tags=ctx.tags(resource.get("tags")),
    )


def _changes(movie: Movie, request: AddMovie) -> MovieChanges | None:
    """What differs between a film here and Radarr's settings for it; None when nothing does."""
    from reelarr.movies.changes import MovieChanges

    changes = MovieChanges(
        monitored=request.monitored if movie.monitored != request.monitored else None,
        minimum_availability=(
            request.minimum_availability
            if movie.minimum_availability != request.minimum_availability
            else None
        ),
        quality_profile_id=(
            request.quality_profile_id if movie.quality_profile_id != request.quality_profile_id else None
        ),
        path=request.path if request.path and movie.path != request.path else None,
        tags=request.tags if tuple(sorted(movie.tags)) != request.tags else None,
    )
    return None if changes == MovieChanges() else changes


def _library_from(ctx: ImportContext, metadata: dict[int, MovieMetadata]) -> MovieService:
    """The library service with Radarr's resources as the metadata source instead of TMDB, and without
    auto tagging: films arrive with the tags Radarr gave them (its rules apply at their next refresh)."""
    from reelarr.errors import NotFound
    from reelarr.movies.service import MovieService

    async def from_radarr(tmdb_id: int) -> MovieMetadata:
        if tmdb_id not in metadata:
            raise NotFound(f"Radarr did not list the film with TMDB id {tmdb_id}")
        return metadata[tmdb_id]

    movies = ctx.services.movies
    hooks = replace(movies.hooks, metadata=from_radarr, auto_tagging=None)
    return MovieService(ctx.services.db, ctx.services.bus, ctx.services.clock, hooks)


async def import_movies(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each film by TMDB id, with Radarr's metadata, path (mapped), profile, tags and monitoring."""
    result = KindResult("movies")
    existing = await ctx.services.movies.by_tmdb_ids(int(r["tmdbId"]) for r in radarr)
    labels = {int(r["tmdbId"]): _label(r) for r in radarr}
    to_add: list[AddMovie] = []
    as_in_radarr = _library_from(ctx, {})
    for resource in radarr:
        request = _add_request(resource, ctx)
        mine = existing.get(request.tmdb_id)
        if mine is None:
            to_add.append(request)
            continue
        changes = _changes(mine, request)
        if changes is None:
            result.unchanged += 1
            continue
        try:
            if not ctx.dry_run:
                await as_in_radarr.update(mine.id, changes)
            result.updated.append(labels[request.tmdb_id])
        except ReelarrError as error:
            result.failed.append(f"{labels[request.tmdb_id]}: {error}")
    if ctx.dry_run:
        result.added.extend(labels[r.tmdb_id] for r in to_add)
        return result
    library = _library_from(ctx, {int(r["tmdbId"]): movie_metadata(r) for r in radarr})
    outcome = await library.add_each(to_add)
    result.added.extend(labels[movie.tmdb_id] for movie in outcome.added)
    result.failed.extend(f"{labels[skip.request.tmdb_id]}: {skip.error}" for skip in outcome.skipped)
    if outcome.added:
        result.notes.append("each new film's refresh is queued: cast, crew and the rest come from TMDB then")
    return result


def _collection_edit(mine: Collection, radarr: Json, ctx: ImportContext) -> CollectionEdit | None:
    """What differs between a collection here and Radarr's settings for it; None when nothing does."""
    from reelarr.collections.model import CollectionEdit

    wanted = CollectionEdit(
        monitored=bool(radarr.get("monitored")),
        search_on_add=bool(radarr.get("searchOnAdd")),
        quality_profile_id=ctx.profile_ids.get(
            int(radarr.get("qualityProfileId") or 0), mine.quality_profile_id
        ),
        root_folder_path=ctx.path(str(radarr.get("rootFolderPath") or "")) or mine.root_folder_path,
        minimum_availability=minimum_availability(radarr.get("minimumAvailability")),
        tags=ctx.tags(radarr.get("tags")),
    )
    current = CollectionEdit(
        monitored=mine.monitored,
        search_on_add=mine.search_on_add,
        quality_profile_id=mine.quality_profile_id,
        root_folder_path=mine.root_folder_path,
        minimum_availability=mine.minimum_availability,
        tags=tuple(sorted(mine.tags)),
    )
    return None if wanted == current else wanted


async def import_collections(radarr: list[Json], ctx: ImportContext) -> KindResult:
    """Each collection of the library's films, by TMDB id, with Radarr's monitoring and settings for it
    (the collections come with the films; their other films from TMDB when they are refreshed)."""
    result = KindResult("collections")
    library = ctx.services.collections
    if not ctx.dry_run:
        await library.discover()
    existing = {c.tmdb_id: c for c in await library.collections.all()}
    for collection in radarr:
        label = f"{collection.get('title')} (TMDB {collection.get('tmdbId')})"
        mine = existing.get(int(collection.get("tmdbId") or 0))
        if mine is None:
            if ctx.dry_run:
                result.added.append(label)
            else:
                result.failed.append(f"{label}: none of its films is in the library here")
            continue
        edit = _collection_edit(mine, collection, ctx)
        if edit is None:
            result.unchanged += 1
            continue
        try:
            if not ctx.dry_run:
                await library.collections.update_many([mine.id], edit)
        except ReelarrError as error:
            result.failed.append(f"{label}: {error}")
            continue
        result.updated.append(label)
    return result
