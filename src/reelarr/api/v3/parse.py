"""/api/v3/parse: how Reelarr reads a release title, in Radarr's ParseResource shape."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.common import (
    LanguageResource,
    QualityModelResource,
    language_resource,
    quality_model_resource,
)
from reelarr.api.v3.movies import one_movie_resource
from reelarr.customformats.input import release_input
from reelarr.parsing import ParsedMovieInfo, parse_title
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/parse", tags=["Parse"])


class ParsedMovieInfoResource(Resource):
    """What the parser read from a title."""

    movie_titles: list[str]
    original_title: str
    release_title: str
    simple_release_title: str
    quality: QualityModelResource
    languages: list[LanguageResource]
    release_group: str | None = None
    release_hash: str | None = None
    edition: str
    year: int
    imdb_id: str | None = None
    tmdb_id: int
    hardcoded_subs: str | None = None
    movie_title: str
    primary_movie_title: str


class FormatNameResource(Resource):
    """A matched custom format, by id and name (Radarr's parse answer leaves out its conditions)."""

    id: int
    name: str


class ParseResource(Resource):
    """A title and, when it parses, what was read from it."""

    title: str
    parsed_movie_info: ParsedMovieInfoResource | None = None
    languages: list[LanguageResource] | None = None
    movie: dict[str, Any] | None = None
    custom_formats: list[FormatNameResource] | None = None
    custom_format_score: int | None = None


def parsed_info_resource(info: ParsedMovieInfo) -> ParsedMovieInfoResource:
    """The API view of a parse result."""
    return ParsedMovieInfoResource(
        movie_titles=list(info.titles),
        original_title=info.original_title,
        release_title=info.release_title,
        simple_release_title=info.simple_release_title,
        quality=quality_model_resource(info.quality),
        languages=[language_resource(language) for language in info.languages],
        release_group=info.release_group,
        release_hash=info.release_hash,
        edition=info.edition,
        year=info.year,
        imdb_id=info.imdb_id,
        tmdb_id=info.tmdb_id,
        hardcoded_subs=info.hardcoded_subs,
        movie_title=info.title,
        primary_movie_title=info.title,
    )


@router.get("")
async def parse(
    services: Annotated[Services, Depends(get_services)], title: Annotated[str, Query(max_length=10_000)] = ""
) -> ParseResource:
    """Parse a release title, name the library movie it is about, and the custom formats it matches;
    the score is the movie's quality profile's (0 when the title names no movie in the library)."""
    info = parse_title(title) if title.strip() else None
    if info is None:
        return ParseResource(title=title)
    movie = await services.movies.find_for_release(info)
    subject = release_input(
        info,
        movie_year=movie.year if movie is not None else None,
        original_language=movie.original_language if movie is not None else None,
    )
    matched = (await services.custom_formats.matcher()).matches(subject)
    score = 0
    if movie is not None:
        profile = await services.quality.profile(movie.quality_profile_id)
        score = profile.format_score([f.id for f in matched])
    return ParseResource(
        title=title,
        parsed_movie_info=parsed_info_resource(info),
        movie=await one_movie_resource(services, movie.id) if movie is not None else None,
        languages=[language_resource(language) for language in subject.languages],
        custom_formats=[FormatNameResource(id=f.id, name=f.name) for f in matched],
        custom_format_score=score,
    )
