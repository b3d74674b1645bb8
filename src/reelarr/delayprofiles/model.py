"""Delay profiles as plain data, and the rules that pick and order them (pure)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from reelarr.protocols import DownloadProtocol

# The profile every film falls back to: it has no tags, cannot be deleted and always comes last.
GLOBAL_ID = 1
GLOBAL_ORDER = 2**31 - 1


@dataclass(frozen=True, slots=True)
class DelayProfile:
    """Which protocols may be grabbed, which is preferred, and how long to wait (minutes) for each."""

    id: int = 0
    enable_usenet: bool = True
    enable_torrent: bool = True
    preferred_protocol: DownloadProtocol = DownloadProtocol.USENET
    usenet_delay: int = 0
    torrent_delay: int = 0
    bypass_if_highest_quality: bool = False
    bypass_if_above_custom_format_score: bool = False
    minimum_custom_format_score: int = 0
    order: int = 0
    tags: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_global(self) -> bool:
        """Whether this is the profile of last resort."""
        return self.id == GLOBAL_ID

    def allows(self, protocol: DownloadProtocol) -> bool:
        """Whether releases of this protocol may be grabbed at all."""
        if protocol is DownloadProtocol.USENET:
            return self.enable_usenet
        if protocol is DownloadProtocol.TORRENT:
            return self.enable_torrent
        return False

    def delay_minutes(self, protocol: DownloadProtocol) -> int:
        """How long a release of this protocol waits before it may be grabbed."""
        return self.torrent_delay if protocol is DownloadProtocol.TORRENT else self.usenet_delay


def best_for_tags(profiles: Sequence[DelayProfile], tags: Collection[int]) -> DelayProfile:
    """The first profile in order that shares a tag with the film or has none (the global one at worst)."""
    wanted = set(tags)
    candidates = [p for p in profiles if not p.tags or p.tags & wanted]
    if not candidates:
        return DelayProfile(id=GLOBAL_ID, order=GLOBAL_ORDER)
    return min(candidates, key=lambda p: (p.order, p.id))


def orders_after_move(
    profiles: Sequence[DelayProfile], moving_id: int, after_id: int | None
) -> dict[int, int]:
    """New orders (1, 2, ...) once `moving_id` is placed right after `after_id` (None: first).

    The global profile keeps its place at the end.
    """
    ordered = [p.id for p in sorted(profiles, key=lambda p: (p.order, p.id)) if p.id != GLOBAL_ID]
    if moving_id not in ordered:
        return {}
    ordered.remove(moving_id)
    position = ordered.index(after_id) + 1 if after_id in ordered else 0
    ordered.insert(position, moving_id)
    return {profile_id: index for index, profile_id in enumerate(ordered, start=1)}


def orders_closed_up(profiles: Sequence[DelayProfile]) -> dict[int, int]:
    """Orders 1, 2, ... without gaps (after a deletion), the global profile left at the end."""
    ordered = [p.id for p in sorted(profiles, key=lambda p: (p.order, p.id)) if p.id != GLOBAL_ID]
    return {profile_id: index for index, profile_id in enumerate(ordered, start=1)}
