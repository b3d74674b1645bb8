"""Which accepted release to grab first: Radarr's comparer as a sort key (best first)."""

from __future__ import annotations

import math
from collections.abc import Iterable

from reelarr.decisions.engine import Decision
from reelarr.decisions.specs.size import MEGABYTE
from reelarr.decisions.subject import Subject
from reelarr.protocols import DownloadProtocol
from reelarr.quality.profile_rules import ProperPolicy
from reelarr.releases.model import IndexerFlags

_SIZE_STEP = 200 * MEGABYTE
_FLAG_SCORES = {
    IndexerFlags.G_FREELEECH: 2,
    IndexerFlags.G_DOUBLE_UPLOAD: 2,
    IndexerFlags.PTP_APPROVED: 2,
    IndexerFlags.PTP_GOLDEN: 2,
    IndexerFlags.G_INTERNAL: 2,
    IndexerFlags.G_HALFLEECH: 1,
}


def _magnitude(count: int | None) -> float:
    # Seeders and peers count by order of magnitude: 40 and 60 seeders are as good as each other.
    return round(math.log10(count)) if count else 0


def _usenet_age_score(subject: Subject) -> float:
    hours = subject.release.age_hours(subject.now)
    days = subject.release.age_days(subject.now)
    if hours < 1:
        return 1000
    if hours <= 24:
        return 100
    if days <= 7:
        return 10
    return -round(math.log10(days))


def _rounded(size: float) -> int:
    return int((size + _SIZE_STEP / 2) // _SIZE_STEP) * _SIZE_STEP


def _size_score(subject: Subject) -> int:
    preferred = subject.size_limits.preferred_size
    size = subject.release.size
    if preferred and subject.movie.runtime > 0:
        return -abs(_rounded(size - preferred * MEGABYTE * subject.movie.runtime))
    return _rounded(size)


def rank_key(subject: Subject) -> tuple[float, ...]:
    """Radarr's comparer as a key: quality, revision, format score, protocol, indexer, peers, age, size."""
    quality = subject.quality
    revision = (
        (0, 0)
        if subject.settings.proper_policy is ProperPolicy.DO_NOT_PREFER
        else (quality.revision.real, quality.revision.version)
    )
    release = subject.release
    torrent = release.protocol is DownloadProtocol.TORRENT
    flags = (
        sum(score for flag, score in _FLAG_SCORES.items() if flag in release.indexer_flags)
        if subject.settings.prefer_indexer_flags
        else 0
    )
    return (
        subject.profile.index_of(quality.quality.id),
        *revision,
        subject.format_score,
        release.protocol is subject.delay_profile.preferred_protocol,
        -release.indexer_priority,
        flags,
        _magnitude(release.seeders) if torrent else 0,
        _magnitude(release.peers) if torrent else 0,
        _usenet_age_score(subject) if release.protocol is DownloadProtocol.USENET else 0,
        _size_score(subject),
    )


def prioritize(decisions: Iterable[Decision]) -> list[Decision]:
    """Decisions best first within each film; those for no film come last, in their order."""
    matched = [d for d in decisions if d.subject is not None]
    others = [d for d in decisions if d.subject is None]
    by_movie: dict[int, list[Decision]] = {}
    for decision in matched:
        assert decision.subject is not None
        by_movie.setdefault(decision.subject.movie.id, []).append(decision)
    ordered: list[Decision] = []
    for group in by_movie.values():
        ordered += sorted(group, key=lambda d: rank_key(d.subject), reverse=True)  # type: ignore[arg-type]
    return ordered + others
