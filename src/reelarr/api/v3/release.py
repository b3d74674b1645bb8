"""/api/v3/release: interactive search of one film, and /release/push for releases other tools find.

Both answer Radarr's ReleaseResource list: each release with its parsed quality, languages, custom
formats and score, and either approval or every rejection. An interactive search answers in the
time of the slowest indexer; indexers that failed are named in the `X-Indexer-Errors` header (a
JSON list of `{indexerId, indexer, message}`, a Reelarr addition), and they are in health too.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import Body, Depends, Query, Response
from pydantic import Field

from reelarr.api.deps import get_services
from reelarr.api.json import JsonResponse
from reelarr.api.resource import Resource
from reelarr.api.routing import ApiRouter
from reelarr.api.v3.common import (
    LanguageResource,
    QualityModelResource,
    language_resource,
    quality_model_resource,
)
from reelarr.decisionlog.model import Source
from reelarr.decisions.engine import Decision
from reelarr.downloads.errors import GrabFailed
from reelarr.errors import Conflict, NotFound, ValidationFailed, ValidationFailure
from reelarr.indexers.service import IndexerFailure
from reelarr.integers import Int64
from reelarr.protocols import DownloadProtocol
from reelarr.releases.model import IndexerFlags, Release, flag_names, imdb_tt
from reelarr.services import Services

router = ApiRouter(prefix="/api/v3/release", tags=["Release"])
ServicesDep = Annotated[Services, Depends(get_services)]


class FormatNameResource(Resource):
    """A custom format a release matches, by id and name."""

    id: int
    name: str


class ReleaseResource(Resource):
    """A release as Radarr's ReleaseResource describes it."""

    guid: str = ""
    quality: QualityModelResource | None = None
    custom_formats: list[FormatNameResource] = Field(default_factory=list)
    custom_format_score: int = 0
    quality_weight: int = 0
    age: int = 0
    age_hours: float = 0
    age_minutes: float = 0
    size: Int64 = 0
    indexer_id: int = 0
    indexer: str | None = None
    release_group: str | None = None
    release_hash: str | None = None
    title: str | None = None
    scene_source: bool = False
    movie_titles: list[str] = Field(default_factory=list)
    languages: list[LanguageResource] = Field(default_factory=list)
    mapped_movie_id: int | None = None
    approved: bool = False
    temporarily_rejected: bool = False
    rejected: bool = False
    tmdb_id: int = 0
    imdb_id: int = 0
    rejections: list[str] = Field(default_factory=list)
    publish_date: datetime | None = None
    comment_url: str | None = None
    download_url: str | None = None
    info_url: str | None = None
    movie_requested: bool = False
    download_allowed: bool = False
    release_weight: int = 0
    edition: str | None = None
    magnet_url: str | None = None
    info_hash: str | None = None
    seeders: int | None = None
    leechers: int | None = None
    protocol: str | int = "unknown"
    indexer_flags: Any = None
    movie_id: int | None = None


def _imdb_number(imdb_id: str | None) -> int:
    return int(imdb_id[2:]) if imdb_id and imdb_id[2:].isdigit() else 0


def release_resource(decision: Decision, weight: int, format_ids: dict[str, int]) -> ReleaseResource:
    """The API view of one decision (weight: its place in the ranking, 1 the best)."""
    release, parsed, subject = decision.release, decision.parsed, decision.subject
    now = subject.now if subject is not None else datetime.now(release.publish_date.tzinfo)
    quality = parsed.quality if parsed is not None else None
    profile = subject.profile if subject is not None else None
    quality_weight = 0
    if quality is not None and profile is not None:
        revision = quality.revision
        quality_weight = profile.index_of(quality.quality.id) * 100 + revision.real * 10 + revision.version
    formats = subject.formats if subject is not None else ()
    return ReleaseResource(
        guid=release.guid,
        quality=quality_model_resource(quality) if quality is not None else None,
        custom_formats=[FormatNameResource(id=format_ids.get(name, 0), name=name) for name in formats],
        custom_format_score=subject.format_score if subject is not None else 0,
        quality_weight=quality_weight,
        age=release.age_days(now),
        age_hours=release.age_hours(now),
        age_minutes=release.age_minutes(now),
        size=release.size,
        indexer_id=release.indexer_id,
        indexer=release.indexer,
        release_group=parsed.release_group if parsed is not None else None,
        release_hash=parsed.release_hash if parsed is not None else None,
        title=release.title,
        movie_titles=list(parsed.titles) if parsed is not None else [],
        languages=[language_resource(lang) for lang in (subject.languages if subject is not None else ())],
        mapped_movie_id=decision.movie_id,
        approved=decision.approved,
        temporarily_rejected=decision.temporarily_rejected,
        rejected=bool(decision.rejections) and not decision.temporarily_rejected,
        tmdb_id=release.tmdb_id,
        imdb_id=_imdb_number(release.imdb_id),
        rejections=[r.message for r in decision.rejections],
        publish_date=release.publish_date,
        comment_url=release.comment_url,
        download_url=release.download_url,
        info_url=release.info_url,
        download_allowed=decision.movie_id is not None,
        release_weight=weight,
        edition=(parsed.edition or None) if parsed is not None else None,
        magnet_url=release.magnet_url,
        info_hash=release.info_hash,
        seeders=release.seeders,
        leechers=release.leechers,
        protocol=release.protocol.value,
        indexer_flags=flag_names(release.indexer_flags),
    )


async def _format_ids(services: Services) -> dict[str, int]:
    return {f.name: f.id for f in await services.custom_formats.all()}


def _failures_header(failures: list[IndexerFailure]) -> dict[str, str]:
    if not failures:
        return {}
    body = [{"indexerId": f.indexer_id, "indexer": f.indexer, "message": f.message} for f in failures]
    # A header must be ASCII: JSON's \u escapes carry anything else.
    return {"X-Indexer-Errors": json.dumps(body, ensure_ascii=True)}


@router.get("")
async def search_releases(
    services: ServicesDep, movie_id: Annotated[int, Query(alias="movieId")]
) -> Response:
    """Search every interactive-search indexer for one film now; every release with its decision."""
    format_ids = asyncio.create_task(_format_ids(services))
    try:
        report = await services.search.search_movie(movie_id, user_invoked=True, interactive=True)
    except BaseException:
        format_ids.cancel()
        raise
    ids = await format_ids
    # The answer is made while the decisions are written to the log; both are done before it is sent.
    body = [release_resource(d, weight, ids).dump() for weight, d in enumerate(report.decisions, start=1)]
    if report.keeping is not None:
        await report.keeping
    return JsonResponse(body, headers=_failures_header(report.failures))


def _peers(seeders: int | None, leechers: int | None) -> int | None:
    return seeders + leechers if seeders is not None and leechers is not None else None


def _pushed(body: ReleaseResource) -> Release:
    failures = []
    if not (body.title or "").strip():
        failures.append(ValidationFailure("title", "'Title' must not be empty."))
    if not (body.download_url or "").strip() and not (body.magnet_url or "").strip():
        failures.append(ValidationFailure("downloadUrl", "'Download Url' must not be empty."))
    protocol = DownloadProtocol.parse(body.protocol)
    if protocol is None or protocol is DownloadProtocol.UNKNOWN:
        failures.append(ValidationFailure("protocol", "'Protocol' must not be empty.", body.protocol))
    if body.publish_date is None:
        failures.append(ValidationFailure("publishDate", "'Publish Date' must not be empty."))
    if failures or protocol is None or body.publish_date is None:
        raise ValidationFailed(failures)
    download_url = (body.download_url or body.magnet_url or "").strip()
    flags = body.indexer_flags if isinstance(body.indexer_flags, int) else 0
    return Release(
        title=(body.title or "").strip(),
        guid=f"PUSH-{download_url}",
        download_url=download_url,
        indexer_id=body.indexer_id,
        indexer=body.indexer or "",
        protocol=protocol,
        publish_date=body.publish_date,
        size=body.size,
        info_url=body.info_url,
        comment_url=body.comment_url,
        seeders=body.seeders,
        peers=(body.seeders + body.leechers)
        if body.seeders is not None and body.leechers is not None
        else None,
        info_hash=body.info_hash,
        magnet_url=body.magnet_url,
        imdb_id=imdb_tt(body.imdb_id) if body.imdb_id else None,
        tmdb_id=body.tmdb_id,
        indexer_flags=IndexerFlags(flags & sum(IndexerFlags)),
    )


@router.post("")
async def grab_release(services: ServicesDep, body: Annotated[ReleaseResource, Body()]) -> Response:
    """Grab a release an interactive search showed (by its guid and indexer), whatever was decided
    about it; `movieId` names the film when the search could not. 404 when the release is no longer
    known, 409 when it could not be sent to a download client."""
    movie_id = body.movie_id or None
    logged = await services.decision_log.find(body.indexer_id, body.guid, movie_id)
    if logged is None:
        raise NotFound("Couldn't find requested release in cache, cache timeout probably expired.")
    decision = await services.search.decide_for(logged.release, movie_id or logged.movie_id)
    try:
        await services.grabs.grab(decision, source=Source.INTERACTIVE_SEARCH)
    except GrabFailed as error:
        raise Conflict(str(error)) from error
    return JsonResponse(release_resource(decision, 1, await _format_ids(services)).dump())


@router.post("/push")
async def push_release(services: ServicesDep, body: Annotated[ReleaseResource, Body()]) -> Response:
    """Decide about a release another tool found (autobrr), as RSS releases are decided, and grab it
    when it is approved, as Radarr does (a grab that fails is in the decision log and the logs)."""
    release = await services.indexers.resolve_pushed(_pushed(body))
    decision = await services.search.push(release)
    if decision.parsed is None:
        raise ValidationFailed.single("title", "Unable to parse", body.title)
    if decision.approved:
        await services.grabs.process([decision], source=Source.RELEASE_PUSH)
    return JsonResponse([release_resource(decision, 1, await _format_ids(services)).dump()])
