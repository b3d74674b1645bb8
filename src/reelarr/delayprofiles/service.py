"""Delay profiles: add, change, reorder and remove them; answer which one a film's tags choose."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reelarr.db.engine import Database
from reelarr.delayprofiles.events import DelayProfilesChanged
from reelarr.delayprofiles.model import (
    GLOBAL_ID,
    GLOBAL_ORDER,
    DelayProfile,
    best_for_tags,
    orders_after_move,
    orders_closed_up,
)
from reelarr.delayprofiles.tables import DelayProfileRow
from reelarr.errors import NotAllowed, NotFound, ValidationFailed, ValidationFailure
from reelarr.events import EventBus
from reelarr.protocols import DownloadProtocol

ExistingTags = Callable[[Collection[int]], Awaitable[set[int]]]
TAGS_IN_USE = "One or more tags is used in another profile"


def _to_profile(row: DelayProfileRow) -> DelayProfile:
    return DelayProfile(
        id=row.id,
        enable_usenet=row.enable_usenet,
        enable_torrent=row.enable_torrent,
        preferred_protocol=DownloadProtocol.parse(row.preferred_protocol) or DownloadProtocol.USENET,
        usenet_delay=row.usenet_delay,
        torrent_delay=row.torrent_delay,
        bypass_if_highest_quality=row.bypass_if_highest_quality,
        bypass_if_above_custom_format_score=row.bypass_if_above_custom_format_score,
        minimum_custom_format_score=row.minimum_custom_format_score,
        order=row.order,
        tags=frozenset(row.tags),
    )


def _write(row: DelayProfileRow, profile: DelayProfile) -> None:
    row.enable_usenet = profile.enable_usenet
    row.enable_torrent = profile.enable_torrent
    row.preferred_protocol = profile.preferred_protocol.value
    row.usenet_delay = profile.usenet_delay
    row.torrent_delay = profile.torrent_delay
    row.bypass_if_highest_quality = profile.bypass_if_highest_quality
    row.bypass_if_above_custom_format_score = profile.bypass_if_above_custom_format_score
    row.minimum_custom_format_score = profile.minimum_custom_format_score
    row.tags = sorted(profile.tags)


def profile_failures(profile: DelayProfile) -> list[ValidationFailure]:
    """Radarr's rules for one profile, before it is compared with the others."""
    failures = []
    if profile.is_global and profile.tags:
        failures.append(ValidationFailure("tags", "'Tags' must be empty.", sorted(profile.tags)))
    if not profile.is_global and not profile.tags:
        failures.append(ValidationFailure("tags", "'Tags' must not be empty."))
    for name, value in (("usenetDelay", profile.usenet_delay), ("torrentDelay", profile.torrent_delay)):
        if value < 0:
            failures.append(ValidationFailure(name, f"'{name}' must be greater than or equal to '0'.", value))
    if not profile.enable_usenet and not profile.enable_torrent:
        failures.append(ValidationFailure("", "Either Usenet or Torrent should be enabled"))
    if profile.preferred_protocol is DownloadProtocol.UNKNOWN:
        failures.append(
            ValidationFailure("preferredProtocol", "'Preferred Protocol' must be usenet or torrent")
        )
    return failures


class DelayProfileService:
    """Keeps the delay profiles; the global one (id 1) always exists and always comes last."""

    def __init__(self, db: Database, bus: EventBus, existing_tags: ExistingTags) -> None:
        self._db = db
        self._bus = bus
        self._existing_tags = existing_tags

    async def all(self) -> list[DelayProfile]:
        """Every profile, in order (the global one last)."""
        async with self._db.read() as session:
            rows = await session.scalars(
                select(DelayProfileRow).order_by(DelayProfileRow.order, DelayProfileRow.id)
            )
            return [_to_profile(r) for r in rows]

    async def get(self, profile_id: int) -> DelayProfile:
        """One profile; NotFound when there is none with this id."""
        if not 0 < profile_id <= GLOBAL_ORDER:
            raise NotFound(f"DelayProfile with ID {profile_id} does not exist")
        async with self._db.read() as session:
            row = await session.get(DelayProfileRow, profile_id)
        if row is None:
            raise NotFound(f"DelayProfile with ID {profile_id} does not exist")
        return _to_profile(row)

    async def for_tags(self, tags: Collection[int]) -> DelayProfile:
        """The profile that applies to a film carrying these tags."""
        return best_for_tags(await self.all(), tags)

    async def ids_with_tag(self, tag_id: int) -> list[int]:
        """Ids of the profiles carrying a tag (for the tag details)."""
        return [p.id for p in await self.all() if tag_id in p.tags]

    async def add(self, profile: DelayProfile) -> DelayProfile:
        """Add a tagged profile; it goes just before the global one."""
        await self._validate(profile, profile_id=None)
        async with self._db.write() as session:
            await self._check_tags_free(session, profile, profile_id=None)
            others = await session.scalars(
                select(DelayProfileRow.order).where(DelayProfileRow.id != GLOBAL_ID)
            )
            row = DelayProfileRow(order=max(others, default=0) + 1)
            _write(row, profile)
            session.add(row)
            await session.flush()
            added = _to_profile(row)
        await self._bus.publish(DelayProfilesChanged())
        return added

    async def update(self, profile: DelayProfile) -> DelayProfile:
        """Change a profile; its place in the order is kept (reorder moves it)."""
        await self._validate(profile, profile_id=profile.id)
        async with self._db.write() as session:
            row = await session.get(DelayProfileRow, profile.id)
            if row is None:
                raise NotFound(f"DelayProfile with ID {profile.id} does not exist")
            await self._check_tags_free(session, profile, profile_id=profile.id)
            _write(row, profile)
            updated = _to_profile(row)
        await self._bus.publish(DelayProfilesChanged())
        return updated

    async def delete(self, profile_id: int) -> None:
        """Remove a tagged profile and close the gap in the order; the global one cannot go."""
        if profile_id == GLOBAL_ID:
            raise NotAllowed("Cannot delete global delay profile")
        async with self._db.write() as session:
            row = await session.get(DelayProfileRow, profile_id)
            if row is None:
                raise NotFound(f"DelayProfile with ID {profile_id} does not exist")
            await session.delete(row)
            await session.flush()
            await self._apply_orders(session, orders_closed_up)
        await self._bus.publish(DelayProfilesChanged())

    async def reorder(self, profile_id: int, after_id: int | None) -> list[DelayProfile]:
        """Place a profile right after another (first when `after_id` is None); returns every profile."""
        if profile_id == GLOBAL_ID:
            raise ValidationFailed.single("id", "The global delay profile always comes last", profile_id)
        async with self._db.write() as session:
            if await session.get(DelayProfileRow, profile_id) is None:
                raise NotFound(f"DelayProfile with ID {profile_id} does not exist")
            await self._apply_orders(session, lambda all_: orders_after_move(all_, profile_id, after_id))
        await self._bus.publish(DelayProfilesChanged())
        return await self.all()

    async def _apply_orders(
        self, session: AsyncSession, new_orders: Callable[[list[DelayProfile]], dict[int, int]]
    ) -> None:
        rows = list(await session.scalars(select(DelayProfileRow)))
        orders = new_orders([_to_profile(r) for r in rows])
        for row in rows:
            row.order = GLOBAL_ORDER if row.id == GLOBAL_ID else orders.get(row.id, row.order)

    async def _validate(self, profile: DelayProfile, profile_id: int | None) -> None:
        failures = profile_failures(profile)
        unknown = sorted(set(profile.tags) - await self._existing_tags(profile.tags))
        if unknown:
            failures.append(
                ValidationFailure("tags", f"Tags do not exist: {', '.join(map(str, unknown))}", unknown)
            )
        if failures:
            raise ValidationFailed(failures)

    @staticmethod
    async def _check_tags_free(session: AsyncSession, profile: DelayProfile, profile_id: int | None) -> None:
        rows = await session.execute(select(DelayProfileRow.id, DelayProfileRow.tags))
        if any(other_id != profile_id and set(tags) & profile.tags for other_id, tags in rows):
            raise ValidationFailed.single("tags", TAGS_IN_USE, sorted(profile.tags))
