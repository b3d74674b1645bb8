"""/api/v3/movie/import/suggestions: which film each unmapped folder of a root folder holds (Reelarr's own).

`GET /api/v3/movie/import/suggestions?rootFolderId=1[&folder=Name...]` answers, per unmapped folder:
`{folder, path, relativePath, parsedTitle, parsedYear?, parsedTmdbId?, parsedImdbId?, confidence:
high|medium|low|none, matchedBy?: tmdbId|imdbId|title, match?: <lookup MovieResource>, candidates:
[<lookup MovieResource>], excluded, error?}`; lookup resources of excluded films carry
`excluded: true`, those already in the library their library `id`. The user confirms with Radarr's
`POST /api/v3/movie/import` (each film with `path` = its folder).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.movie_resources import (
    ResourceContext,
    lookup_resource_from_metadata,
    lookup_resource_from_search,
    movie_resource,
)
from reelarr.api.v3.movies import resource_context
from reelarr.metadata.models import MovieMetadata
from reelarr.movies.library_import import Found, ImportSuggestion
from reelarr.movies.model import Movie, MovieFile
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/movie/import", tags=["MovieImport"])
ServicesDep = Annotated[Services, Depends(get_services)]


def _film(
    found: Found,
    excluded: frozenset[int],
    library: dict[int, Movie],
    files: dict[int, MovieFile],
    ctx: ResourceContext,
) -> dict[str, Any]:
    movie = library.get(found.tmdb_id)
    if movie is not None:
        resource = movie_resource(movie, files.get(movie.id), ctx)
    elif isinstance(found, MovieMetadata):
        resource = lookup_resource_from_metadata(found, ctx)
    else:
        resource = lookup_resource_from_search(found, ctx)
    if found.tmdb_id in excluded:
        resource["excluded"] = True
    return resource


def _suggestion(
    item: ImportSuggestion, library: dict[int, Movie], files: dict[int, MovieFile], ctx: ResourceContext
) -> dict[str, Any]:
    parsed = item.parsed
    resource: dict[str, Any] = {
        "folder": item.folder.name,
        "path": item.folder.path,
        "relativePath": item.folder.relative_path,
        "parsedTitle": parsed.title,
        "parsedYear": parsed.year,
        "parsedTmdbId": parsed.tmdb_id,
        "parsedImdbId": parsed.imdb_id,
        "confidence": item.confidence.label,
        "matchedBy": item.matched_by,
        "match": _film(item.match, item.excluded_ids, library, files, ctx) if item.match else None,
        "candidates": [_film(c, item.excluded_ids, library, files, ctx) for c in item.candidates],
        "excluded": item.excluded,
        "error": item.error,
    }
    return {key: value for key, value in resource.items() if value is not None}


@router.get("/suggestions", responses={200: {"description": "Array of import suggestions"}})
async def import_suggestions(
    services: ServicesDep,
    root_folder_id: Annotated[int, Query(alias="rootFolderId")],
    folder: Annotated[list[str] | None, Query()] = None,
) -> JsonResponse:
    """A suggested film for each unmapped folder of a root folder (or only the named folders)."""
    suggestions = await services.library_import.suggestions(root_folder_id, folder)
    found = [f for s in suggestions for f in ((s.match,) if s.match else ()) + s.candidates]
    library = await services.movies.by_tmdb_ids(f.tmdb_id for f in found)
    files = await services.movies.files([m.id for m in library.values()])
    ctx = await resource_context(services)
    return JsonResponse([_suggestion(s, library, files, ctx) for s in suggestions])
