"""/api/v3/release/decision?movieId=: why each release of a film was taken or refused (Reelarr extension).

The decisions of RSS syncs and searches are kept per film for 30 days, newest first: the release,
its indexer, when it was decided, and either approval or every rejection with Radarr's reason name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Depends, Query

from reelarr.api.deps import get_services
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.decisionlog.model import LoggedDecision
from reelarr.integers import Int64
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/release/decision", tags=["Release"])
ServicesDep = Annotated[Services, Depends(get_services)]


class RejectionResource(Resource):
    """One reason against a release: Radarr's reason name, the message, permanent or temporary."""

    reason: str
    message: str
    type: str


class ReleaseDecisionResource(Resource):
    """A kept decision about one release for one film."""

    id: int
    movie_id: int
    title: str
    guid: str
    indexer_id: int
    indexer: str
    protocol: str
    quality: str
    size: Int64
    age_minutes: Int64
    custom_format_score: int
    custom_formats: list[str]
    approved: bool
    temporarily_rejected: bool
    rejections: list[str]
    rejection_reasons: list[RejectionResource]
    source: str
    outcome: str | None = None
    outcome_message: str | None = None
    decided: datetime
    first_seen: datetime | None = None


def release_decision_resource(entry: LoggedDecision) -> ReleaseDecisionResource:
    """The API view of a kept decision."""
    return ReleaseDecisionResource(
        id=entry.id,
        movie_id=entry.movie_id,
        title=entry.title,
        guid=entry.guid,
        indexer_id=entry.indexer_id,
        indexer=entry.indexer,
        protocol=entry.protocol,
        quality=entry.quality,
        size=entry.size,
        age_minutes=entry.age_minutes,
        custom_format_score=entry.format_score,
        custom_formats=list(entry.formats),
        approved=entry.approved,
        temporarily_rejected=entry.temporarily_rejected,
        rejections=[r.message for r in entry.rejections],
        rejection_reasons=[
            RejectionResource(
                reason=r.reason.value, message=r.message, type="temporary" if r.temporary else "permanent"
            )
            for r in entry.rejections
        ],
        source=entry.source.value,
        outcome=entry.outcome.value if entry.outcome else None,
        outcome_message=entry.outcome_message,
        decided=entry.decided_at,
        first_seen=entry.first_seen,
    )


@router.get("")
async def list_release_decisions(
    services: ServicesDep, movie_id: Annotated[int, Query(alias="movieId")]
) -> list[ReleaseDecisionResource]:
    """A film's kept decisions, newest first (404 for a film not in the library)."""
    movie = await services.movies.get(movie_id)
    return [release_decision_resource(e) for e in await services.decision_log.for_movie(movie.id)]
