"""/api/v3/movie/import: add a batch of films (Radarr's); which film each unmapped folder holds (ours).

`POST /api/v3/movie/import` takes Radarr's array of movies and adds every one that can be added:
one already in the library, named twice, unknown to TMDB or with a folder that cannot be used is
skipped and the others are added, as Radarr does for Kometa's large batches. The answer is the
array of movies added (what arrapi and pyarr read), with `X-Skipped-Count`; with
`?includeSkipped=true` it is `{added: [...], skipped: [{index, tmdbId, path?, rootFolderPath?,
alreadyAdded, errors: [<validation failure>]}]}`. A batch of which nothing could be added for
errors is a 400 whose property names start with the film's place (`[2].tmdbId`); one TMDB could
not be reached for is a 503.

`GET /api/v3/movie/import/suggestions?rootFolderId=1[&folder=Name...]` answers, per unmapped folder:
`{folder, path, relativePath, parsedTitle, parsedYear?, parsedTmdbId?, parsedImdbId?, confidence:
high|medium|low|none, matchedBy?: tmdbId|imdbId|title, match?: <lookup MovieResource>, candidates:
[<lookup MovieResource>], excluded, error?}`; lookup resources of excluded films carry
`excluded: true`, those already in the library their library `id`. The user confirms with Radarr's
`POST /api/v3/movie/import` (each film with `path` = its folder).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import Body, Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.errors import validation_entries
from reelarr.api.json import JsonResponse
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.movie_input import AddMovieInput
from reelarr.api.v3.movie_resources import (
    ResourceContext,
    lookup_resource_from_metadata,
    lookup_resource_from_search,
    movie_resource,
)
from reelarr.api.v3.movies import movie_resources, resource_context
from reelarr.errors import ReelarrError, RemoteUnavailable, ValidationFailed, ValidationFailure
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


@dataclass(frozen=True, slots=True)
class _Skipped:
    position: int
    item: AddMovieInput
    error: ReelarrError
    already_added: bool = False

    @property
    def failures(self) -> list[ValidationFailure]:
        if isinstance(self.error, ValidationFailed):
            return self.error.failures
        return [ValidationFailure("tmdbId", str(self.error), self.item.tmdb_id)]

    def entry(self) -> dict[str, Any]:
        entry = {
            "index": self.position,
            "tmdbId": self.item.tmdb_id,
            "path": self.item.path,
            "rootFolderPath": self.item.root_folder_path,
            "alreadyAdded": self.already_added,
            "errors": validation_entries(self.failures),
        }
        return {key: value for key, value in entry.items() if value is not None}


def _refusal(skipped: list[_Skipped]) -> ReelarrError:
    """Why a batch of which nothing was added failed: TMDB out of reach, or every film's reasons."""
    errors = [s for s in skipped if not s.already_added]
    unreachable = next((s.error for s in errors if isinstance(s.error, RemoteUnavailable)), None)
    if unreachable is not None:
        return unreachable
    return ValidationFailed(
        [
            replace(failure, property_name=f"[{s.position}].{failure.property_name}".rstrip("."))
            for s in errors
            for failure in s.failures
        ]
    )


@router.post("", responses={200: {"description": "Array of the MovieResources added"}})
async def import_movies(
    services: ServicesDep,
    body: Annotated[list[AddMovieInput], Body()],
    include_skipped: Annotated[bool, Query(alias="includeSkipped")] = False,
) -> JsonResponse:
    """Add every film of the batch that can be added; the others are skipped, and said why."""
    requests, positions, skipped = [], [], []
    for position, item in enumerate(body):
        try:
            requests.append(item.to_request())
            positions.append(position)
        except ValidationFailed as error:
            skipped.append(_Skipped(position, item, error))
    outcome = await services.movies.add_each(requests)
    skipped += [
        _Skipped(positions[s.index], body[positions[s.index]], s.error, s.already_added)
        for s in outcome.skipped
    ]
    skipped.sort(key=lambda s: s.position)
    if not outcome.added and any(not s.already_added for s in skipped):
        raise _refusal(skipped)
    added = await movie_resources(services, outcome.added)
    headers = {"X-Skipped-Count": str(len(skipped))}
    if include_skipped:
        return JsonResponse({"added": added, "skipped": [s.entry() for s in skipped]}, headers=headers)
    return JsonResponse(added, headers=headers)
