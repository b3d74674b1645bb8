"""/api/v3/movie: the library as Overseerr, Home Assistant, pyarr, Kometa and the mobile apps use it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import aclosing
from functools import partial
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, Depends, Query, Request, Response
from fastapi.responses import StreamingResponse

from reelarr.api.content_coding import IDENTITY, preferred_coding
from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse, deleted
from reelarr.api.paging import PagingQuery
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter, put_with_optional_id
from reelarr.api.v3.movie_input import AddMovieInput, EditorDeleteInput, EditorInput, MovieUpdateInput
from reelarr.api.v3.movie_resources import (
    ImageLinks,
    ResourceContext,
    lookup_resource_from_metadata,
    lookup_resource_from_search,
    movie_fragment,
    movie_resource,
    movie_resource_list,
)
from reelarr.compression import Encoding
from reelarr.errors import NotFound
from reelarr.languages import language_by_id
from reelarr.mediacover.covers import cover_links, movies_with_covers
from reelarr.memory import collector_paused
from reelarr.metadata.models import Image, MovieMetadata
from reelarr.movies.list_segments import Render
from reelarr.movies.lookup import MetadataLookups, lookup
from reelarr.movies.model import Movie, MovieFile
from reelarr.naming.builder import build_folder_name
from reelarr.naming.subject import named_movie
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/movie", tags=["Movie"])
ServicesDep = Annotated[Services, Depends(get_services)]
# The kept list is gzip only (see reelarr.compression); other answers offer zstd too.
LIST_CODINGS: tuple[Encoding, ...] = ("gzip",)


class MovieFolderResource(Resource):
    """Where a movie's folder is."""

    folder: str


def _remote_covers(_movie_id: int | None, images: Iterable[Image]) -> list[dict[str, str]]:
    """Covers as TMDB serves them, without looking for local copies (`excludeLocalCovers`)."""
    return cover_links(Path(), None, images)


async def resource_context(
    services: Services, *, whole_library: bool = False, local_covers: bool = True
) -> ResourceContext:
    """Profiles, today's date and cover links for building movie resources."""
    profiles = await services.quality.profile_set()
    links: ImageLinks = services.media_covers.links
    if not local_covers:
        links = _remote_covers
    elif whole_library:
        # ImageCache.links, minus the stats for movies whose covers are not cached (one listing).
        root = services.media_covers.root
        with_covers = await asyncio.to_thread(movies_with_covers, root)
        links = partial(cover_links, root, url_base=services.settings.url_base, with_covers=with_covers)
    return ResourceContext(
        today=services.clock().date(),
        profiles=profiles.by_id,
        cutoff_not_met=profiles.cutoff_not_met,
        image_links=links,
        languages=language_by_id,
        folder_name=partial(build_folder_name, config=await services.naming.config()),
    )


async def movie_resources(
    services: Services, movies: list[Movie], *, local_covers: bool = True
) -> list[dict[str, Any]]:
    """Resources for movies, with their files."""
    ctx = await resource_context(services, local_covers=local_covers)
    files = await services.movies.files(None if len(movies) > 500 else [m.id for m in movies])
    return movie_resource_list(movies, files, ctx)


async def resources_with_files(
    services: Services, found: Sequence[tuple[Movie, MovieFile | None]], *, local_covers: bool = True
) -> list[dict[str, Any]]:
    """Resources for movies read with their files (no further query: the profiles are kept)."""
    ctx = await resource_context(services, local_covers=local_covers)
    return [movie_resource(movie, file, ctx) for movie, file in found]


async def one_movie_resource(services: Services, movie_id: int) -> dict[str, Any]:
    """The resource of one movie, alternative titles and file included."""
    [resource] = await resources_with_files(services, [await services.movies.get_with_file(movie_id)])
    return resource


def list_renderer(services: Services) -> Render:
    """Renders library movies for the kept list, a batch at a time."""

    async def render(ids: Sequence[int] | None) -> AsyncIterator[dict[int, bytes]]:
        """The resources of these movies (None: all), rendered as their rows stream in."""
        # Resumed only once the movies and resources are freed (they are when rendering ends):
        # resumed earlier, the collector would walk all of them once (a tenth of the CPU).
        with collector_paused():
            ctx = await resource_context(services, whole_library=ids is None)
            async with aclosing(services.movies.all_with_files(ids=ids)) as batches:
                async for batch in batches:
                    yield {movie.id: movie_fragment(movie, file, ctx) for movie, file in batch}

    return render


async def _rendered_library(services: Services, ctx: ResourceContext) -> AsyncIterator[bytes]:
    """The whole library rendered now, a movie at a time, as a JSON array (not the kept list)."""
    separator = b"["
    async with aclosing(services.movies.all_with_files()) as batches:
        async for batch in batches:
            for movie, file in batch:
                yield separator + movie_fragment(movie, file, ctx)
                separator = b","
    yield b"[]" if separator == b"[" else b"]"


@router.get("", responses={200: {"description": "Array of MovieResource (a paging envelope with page)"}})
async def list_movies(
    request: Request,
    services: ServicesDep,
    paging: PagingQuery,
    tmdb_id: Annotated[int | None, Query(alias="tmdbId")] = None,
    exclude_local_covers: Annotated[bool, Query(alias="excludeLocalCovers")] = False,
) -> Response:
    """The library; with tmdbId the matching movie or none; with page, one page of it (Reelarr extension).

    With excludeLocalCovers, as in Radarr, covers are TMDB's addresses and no local copy is looked for.
    """
    local = not exclude_local_covers
    if tmdb_id is not None:
        movie = await services.movies.find_by_tmdb_id(tmdb_id)
        return JsonResponse(await movie_resources(services, [movie], local_covers=local) if movie else [])
    if "page" not in request.query_params and not local:
        ctx = await resource_context(services, local_covers=False)
        return StreamingResponse(_rendered_library(services, ctx), media_type=JsonResponse.media_type)
    if "page" not in request.query_params:
        return await _kept_list(request, services)
    page = await services.movies.page(paging)
    records = await resources_with_files(services, page.records, local_covers=local)
    return JsonResponse(
        {
            "page": page.page,
            "pageSize": page.page_size,
            "sortKey": page.sort_key,
            "sortDirection": page.sort_direction.value,
            "totalRecords": page.total_records,
            "records": records,
        }
    )


async def _kept_list(request: Request, services: Services) -> Response:
    """The whole list from the kept segments: as kept for gzip clients, else inflated on its way."""
    body = await services.movie_list_cache.body(
        services.clock().date(), services.movies.list_order, list_renderer(services)
    )
    coding = preferred_coding(request.headers.get("accept-encoding"), LIST_CODINGS)
    headers = {"Content-Length": str(body.length(coding)), "Vary": "Accept-Encoding"}
    if coding != IDENTITY:
        headers["Content-Encoding"] = coding
    return StreamingResponse(body.chunks(coding), media_type=JsonResponse.media_type, headers=headers)


@router.get("/lookup")
async def lookup_movies(services: ServicesDep, term: str = "") -> JsonResponse:
    """Films for a search term, `tmdb:`/`imdb:` id or address; ones in the library carry their library id."""
    tmdb = services.tmdb
    source = MetadataLookups(
        movie=tmdb.movie,
        find_by_imdb_id=tmdb.find_by_imdb_id,
        search=lambda title, year: tmdb.search_movies(title, year=year),
    )
    found = await lookup(term, source) if term.strip() else []
    return JsonResponse(await _lookup_resources(services, found))


@router.get("/lookup/tmdb")
async def lookup_by_tmdb_id(
    services: ServicesDep, tmdb_id: Annotated[int, Query(alias="tmdbId")]
) -> JsonResponse:
    """One film by TMDB id."""
    [resource] = await _lookup_resources(services, [await services.tmdb.movie(tmdb_id)])
    return JsonResponse(resource)


@router.get("/lookup/imdb")
async def lookup_by_imdb_id(
    services: ServicesDep, imdb_id: Annotated[str, Query(alias="imdbId")]
) -> JsonResponse:
    """One film by IMDb id."""
    found = await services.tmdb.find_by_imdb_id(imdb_id)
    if found is None:
        raise NotFound(f"No movie with IMDb id {imdb_id}")
    [resource] = await _lookup_resources(services, [await services.tmdb.movie(found.tmdb_id)])
    return JsonResponse(resource)


async def _lookup_resources(services: Services, found: list[Any]) -> list[dict[str, Any]]:
    ctx = await resource_context(services)
    library = await services.movies.by_tmdb_ids(f.tmdb_id for f in found)
    files = await services.movies.files([m.id for m in library.values()])
    resources = []
    for item in found:
        movie = library.get(item.tmdb_id)
        if movie is not None:
            resources.append(movie_resource(movie, files.get(movie.id), ctx))
        elif isinstance(item, MovieMetadata):
            resources.append(lookup_resource_from_metadata(item, ctx))
        else:
            resources.append(lookup_resource_from_search(item, ctx))
    return resources


@router.get("/{id}")
async def get_movie(id: int, services: ServicesDep) -> JsonResponse:
    """One movie."""
    return JsonResponse(await one_movie_resource(services, id))


@router.get("/{id}/folder")
async def get_movie_folder(id: int, services: ServicesDep) -> MovieFolderResource:
    """The folder the naming settings give a movie (where moving it to another root folder puts it)."""
    movie = await services.movies.get(id)
    return MovieFolderResource(folder=await services.naming.folder_name(named_movie(movie)))


@router.post("", status_code=201)
async def add_movie(services: ServicesDep, body: Annotated[AddMovieInput, Body()]) -> JsonResponse:
    """Add a movie; a minimal body (Overseerr's) is enough: TMDB supplies the rest."""
    movie = await services.movies.add(body.to_request())
    return JsonResponse(await one_movie_resource(services, movie.id), status_code=201)


@router.put("/editor", status_code=202)
async def edit_movies(services: ServicesDep, body: Annotated[EditorInput, Body()]) -> JsonResponse:
    """Change several movies at once: monitoring, profile, availability, root folder, tags."""
    movies = await services.movie_editor.edit(body.to_request())
    return JsonResponse(await movie_resources(services, movies), status_code=202)


@router.delete("/editor")
async def delete_movies(services: ServicesDep, body: Annotated[EditorDeleteInput, Body()]) -> JsonResponse:
    """Remove several movies at once; an unknown id is a 404 before anything is removed."""
    await services.movies.get_many(body.movie_ids)
    for movie_id in dict.fromkeys(body.movie_ids):
        await services.movies.delete(
            movie_id, delete_files=body.delete_files, add_exclusion=body.add_import_exclusion
        )
    return JsonResponse({})


@put_with_optional_id(router, "", status_code=202)
async def update_movie(
    services: ServicesDep,
    body: Annotated[MovieUpdateInput, Body()],
    id: int | None = None,
    move_files: Annotated[bool, Query(alias="moveFiles")] = False,
) -> JsonResponse:
    """Change a movie (clients GET, edit, PUT back); the id comes from the path or the body."""
    movie_id = id or body.id
    current = await services.movies.get(movie_id)
    updated = await services.movie_editor.update(current, body.to_changes(current), move_files=move_files)
    return JsonResponse(await one_movie_resource(services, updated.id), status_code=202)


@router.delete("/{id}")
async def delete_movie(
    id: int,
    services: ServicesDep,
    delete_files: Annotated[bool, Query(alias="deleteFiles")] = False,
    add_import_exclusion: Annotated[bool, Query(alias="addImportExclusion")] = False,
) -> Response:
    """Remove a movie, optionally with its files, optionally keeping lists from adding it again."""
    await services.movies.delete(id, delete_files=delete_files, add_exclusion=add_import_exclusion)
    return deleted()
