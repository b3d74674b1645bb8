"""/api/v3/credit: the cast and crew of library movies, as the Radarr UI and LunaSea read them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.errors import ValidationFailed
from reelarr.movies.credits import Credit
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/credit", tags=["Credit"])
ServicesDep = Annotated[Services, Depends(get_services)]


class HeadshotResource(Resource):
    """A person's picture, served by TMDB (not cached locally)."""

    cover_type: str = "headshot"
    url: str
    remote_url: str


class CreditResource(Resource):
    """Radarr's CreditResource; our movieMetadataId is the movie's id."""

    id: int
    person_name: str
    credit_tmdb_id: str
    person_tmdb_id: int
    movie_metadata_id: int
    images: list[HeadshotResource] = Field(default_factory=list)
    department: str | None = None
    job: str | None = None
    character: str | None = None
    order: int
    type: str


def credit_resource(credit: Credit) -> CreditResource:
    """The API view of a credit."""
    return CreditResource(
        id=credit.id,
        person_name=credit.person_name,
        credit_tmdb_id=credit.credit_tmdb_id,
        person_tmdb_id=credit.person_tmdb_id,
        movie_metadata_id=credit.movie_id,
        images=[HeadshotResource(url=credit.image, remote_url=credit.image)] if credit.image else [],
        department=credit.department,
        job=credit.job,
        character=credit.character,
        order=credit.order,
        type=credit.type.value,
    )


@router.get("")
async def list_credits(
    services: ServicesDep,
    movie_id: Annotated[int | None, Query(alias="movieId")] = None,
    movie_metadata_id: Annotated[int | None, Query(alias="movieMetadataId")] = None,
) -> list[CreditResource]:
    """A movie's cast then crew, by movieId or movieMetadataId (both name the movie here)."""
    wanted = movie_metadata_id if movie_metadata_id is not None else movie_id
    if wanted is None:
        # Radarr answers every credit of the library: millions of rows for a large one. No client
        # asks for that; refusing keeps one request from holding them all in memory.
        raise ValidationFailed.single("movieId", "'Movie Id' is required: credits are listed per movie", None)
    await services.movies.get(wanted)  # an unknown movie is a 404, not an empty list
    return [credit_resource(c) for c in await services.credits.for_movie(wanted)]


@router.get("/{id}")
async def get_credit(id: int, services: ServicesDep) -> CreditResource:
    """One credit."""
    return credit_resource(await services.credits.get(id))
