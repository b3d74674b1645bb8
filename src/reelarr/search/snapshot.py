"""Loading what decisions read (profiles, sizes, delay and release profiles, options, formats) once."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from reelarr.blocklist.service import BlocklistService
from reelarr.customformats.service import CustomFormatService
from reelarr.decisionlog.service import DecisionLog
from reelarr.decisions.subject import (
    DecisionSettings,
    GrabbedBefore,
    IndexerRules,
    OnDisk,
    Queued,
    SizeLimits,
)
from reelarr.delayprofiles.service import DelayProfileService
from reelarr.history.model import HistoryEventType
from reelarr.history.service import HistoryService
from reelarr.indexers.config import IndexerConfig
from reelarr.mediamanagement.config import MediaManagementConfig, MediaManagementConfigService
from reelarr.movies.model import Movie, MovieFile
from reelarr.quality.profile import QualityProfile
from reelarr.quality.service import QualityService
from reelarr.releaseprofiles.service import ReleaseProfileService
from reelarr.releases.model import IndexerInfo
from reelarr.search.formats import FormatScorer
from reelarr.search.pipeline import Snapshot

RECENT_GRAB = timedelta(hours=12)  # Radarr's window for the history check


def decision_settings(config: IndexerConfig, media: MediaManagementConfig) -> DecisionSettings:
    """The indexer and media management options as the decision engine reads them."""
    return DecisionSettings(
        minimum_age_minutes=config.minimum_age,
        retention_days=config.retention,
        maximum_size_mb=config.maximum_size,
        availability_delay_days=config.availability_delay,
        prefer_indexer_flags=config.prefer_indexer_flags,
        allow_hardcoded_subs=config.allow_hardcoded_subs,
        whitelisted_hardcoded_subs=config.whitelisted_hardcoded_subs,
        proper_policy=media.proper_policy,
        minimum_free_space_mb=media.minimum_free_space_when_importing,
        skip_free_space_check=media.skip_free_space_check_when_importing,
    )


@dataclass(frozen=True, slots=True)
class SnapshotSources:
    """The services a snapshot is loaded from."""

    quality: QualityService
    delay_profiles: DelayProfileService
    release_profiles: ReleaseProfileService
    custom_formats: CustomFormatService
    decision_log: DecisionLog
    history: HistoryService
    media_management: MediaManagementConfigService
    blocklist: BlocklistService
    # The downloads under way (the last look at the clients), by film.
    queued: Callable[[], Mapping[int, tuple[Queued, ...]]]


async def load_snapshot(
    sources: SnapshotSources,
    *,
    now: datetime,
    config: IndexerConfig,
    indexers: dict[int, IndexerInfo],
    films: Iterable[tuple[Movie, MovieFile | None]],
) -> Snapshot:
    """Everything the checks read about these films, besides the releases themselves."""
    films = list(films)
    profiles = {p.id: p for p in await sources.quality.profiles()}
    scorer = FormatScorer(await sources.custom_formats.matcher())
    movie_ids = {movie.id for movie, _file in films}
    last_grabs = await _last_grabs(sources.history, now, movie_ids)
    return Snapshot(
        now=now,
        profiles=profiles,
        size_limits={
            d.quality.id: SizeLimits(d.min_size, d.preferred_size, d.max_size)
            for d in await sources.quality.definitions()
        },
        delay_profiles=await sources.delay_profiles.all(),
        release_profiles=await sources.release_profiles.all(),
        settings=decision_settings(config, await sources.media_management.get()),
        indexer_rules={indexer_id: IndexerRules.of(info) for indexer_id, info in indexers.items()},
        on_disk=_on_disk(films, profiles, scorer),
        oldest_pending_minutes=await sources.decision_log.oldest_pending_minutes(now),
        score_formats=scorer,
        free_space=await asyncio.to_thread(free_space_of, [movie for movie, _file in films]),
        last_grabs=last_grabs,
        blocklist=await sources.blocklist.for_movies(movie_ids),
        queued={movie_id: q for movie_id, q in sources.queued().items() if movie_id in movie_ids},
    )


async def _last_grabs(
    history: HistoryService, now: datetime, movie_ids: set[int]
) -> dict[int, GrabbedBefore]:
    """The films whose latest event is a grab of the last 12 hours, with what was grabbed."""
    if not movie_ids:
        return {}
    found = {}
    for movie_id, entry in (await history.latest_since(now - RECENT_GRAB)).items():
        if movie_id in movie_ids and entry.event_type is HistoryEventType.GRABBED:
            score = entry.data.get("CustomFormatScore", "0")
            found[movie_id] = GrabbedBefore(
                entry.quality, int(score) if score.lstrip("-").isdecimal() else 0, entry.date
            )
    return found


def _available(path: str) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def free_space_of(movies: Iterable[Movie]) -> dict[int, int]:
    """Bytes free where each film lives (its folder, else its root folder); films on no disk are left out."""
    by_root: dict[str, int | None] = {}
    found = {}
    for movie in movies:
        space = _available(movie.path) if os.path.isdir(movie.path) else None
        if space is None:
            root = movie.root_folder_path
            if root not in by_root:
                by_root[root] = _available(root)
            space = by_root[root]
        if space is not None:
            found[movie.id] = space
    return found


def _on_disk(
    films: Iterable[tuple[Movie, MovieFile | None]], profiles: dict[int, QualityProfile], scorer: FormatScorer
) -> dict[int, OnDisk]:
    found = {}
    for movie, file in films:
        profile = profiles.get(movie.quality_profile_id)
        if file is None or profile is None:
            continue
        formats, score = scorer.of_file(file, movie, profile)
        found[movie.id] = OnDisk(file.quality, file.date_added, score, formats, file.release_group)
    return found
