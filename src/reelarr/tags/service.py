"""Tags: labels created idempotently, renamed, and deleted only when nothing uses them.

Which things use a tag is asked of the packages that own them, through usage hooks they register
(movies, indexers, download clients, ...); the tags package never reads their tables.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound, ValidationFailed
from reelarr.events import EventBus
from reelarr.tags.events import TagsChanged
from reelarr.tags.labels import clean_label
from reelarr.tags.tables import TagRow

Usage = Callable[[int], Awaitable[list[int]]]

# The lists of Radarr's TagDetailsResource, in its order.
USAGE_KINDS = (
    "delayProfileIds",
    "importListIds",
    "notificationIds",
    "releaseProfileIds",
    "indexerIds",
    "downloadClientIds",
    "autoTagIds",
    "movieIds",
)
_MAX_ID = 2**31 - 1
_CHUNK = 1000
# Creating one label races only with other creators of it; a few rounds always settle it.
_CREATE_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag: its id and its lower-cased label."""

    id: int
    label: str


@dataclass(frozen=True, slots=True)
class TagDetails:
    """A tag with the ids of what uses it, per kind of user (every kind of USAGE_KINDS present)."""

    id: int
    label: str
    usage: Mapping[str, list[int]]

    @property
    def in_use(self) -> bool:
        """Whether anything uses the tag."""
        return any(self.usage.values())


def _not_found(tag_id: int) -> NotFound:
    return NotFound(f"Tag with ID {tag_id} does not exist")


def _valid_id(tag_id: int) -> bool:
    return 0 < tag_id <= _MAX_ID


class TagService:
    """Creates, renames and deletes tags, and says what uses each one."""

    def __init__(self, db: Database, bus: EventBus) -> None:
        self._db = db
        self._bus = bus
        self._usage: dict[str, list[Usage]] = {}

    def register_usage(self, kind: str, usage: Usage) -> None:
        """Add a hook answering which ids of one kind (e.g. "movieIds") use a tag."""
        if kind not in USAGE_KINDS:
            raise ValueError(f"Unknown tag usage {kind!r}; one of {', '.join(USAGE_KINDS)}")
        self._usage.setdefault(kind, []).append(usage)

    async def all(self) -> list[Tag]:
        """Every tag, by label."""
        async with self._db.read() as session:
            rows = list(await session.scalars(select(TagRow)))
        return sorted((Tag(r.id, r.label) for r in rows), key=lambda t: (t.label, t.id))

    async def get(self, tag_id: int) -> Tag:
        """One tag; NotFound when there is none with this id."""
        if not _valid_id(tag_id):
            raise _not_found(tag_id)
        async with self._db.read() as session:
            row = await session.get(TagRow, tag_id)
        if row is None:
            raise _not_found(tag_id)
        return Tag(row.id, row.label)

    async def existing(self, tag_ids: Iterable[int]) -> set[int]:
        """Which of these ids are tags."""
        wanted = sorted({i for i in tag_ids if _valid_id(i)})
        found: set[int] = set()
        async with self._db.read() as session:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                found.update(await session.scalars(select(TagRow.id).where(TagRow.id.in_(chunk))))
        return found

    async def create(self, label: str | None) -> Tag:
        """The tag with this label, made when it does not exist yet (also when others make it at once)."""
        clean = clean_label(label)
        for _ in range(_CREATE_ATTEMPTS):
            found = await self._by_label(clean)
            if found is not None:
                return found
            try:
                async with self._db.write() as session:
                    row = TagRow(label=clean)
                    session.add(row)
                    await session.flush()
                    tag = Tag(row.id, row.label)
            except IntegrityError:
                # Someone else inserted the label first: the next round reads theirs.
                continue
            await self._bus.publish(TagsChanged(tag_id=tag.id))
            return tag
        raise Conflict(f"Tag '{clean}' was changed by someone else while it was being created; try again")

    async def update(self, tag_id: int, label: str | None) -> Tag:
        """Rename a tag; a label another tag has is refused."""
        clean = clean_label(label)
        if not _valid_id(tag_id):
            raise _not_found(tag_id)
        taken = ValidationFailed.single("label", f"A tag with the label '{clean}' already exists", label)
        try:
            async with self._db.write() as session:
                row = await session.get(TagRow, tag_id)
                if row is None:
                    raise _not_found(tag_id)
                if row.label == clean:
                    return Tag(row.id, row.label)
                clash = await session.scalar(
                    select(TagRow.id).where(TagRow.label == clean, TagRow.id != tag_id)
                )
                if clash is not None:
                    raise taken
                row.label = clean
                await session.flush()
        except IntegrityError as error:
            raise taken from error
        await self._bus.publish(TagsChanged(tag_id=tag_id))
        return Tag(tag_id, clean)

    async def delete(self, tag_id: int) -> None:
        """Delete a tag; Conflict while anything uses it."""
        details = await self.detail(tag_id)
        if details.in_use:
            raise Conflict(
                f"Tag with ID {tag_id} '{details.label}' cannot be deleted since it's still in use"
            )
        async with self._db.write() as session:
            row = await session.get(TagRow, tag_id)
            if row is None:
                raise _not_found(tag_id)
            await session.delete(row)
        await self._bus.publish(TagsChanged(tag_id=tag_id))

    async def detail(self, tag_id: int) -> TagDetails:
        """One tag with what uses it."""
        return await self._details(await self.get(tag_id))

    async def details(self) -> list[TagDetails]:
        """Every tag, by label, with what uses it."""
        return [await self._details(tag) for tag in await self.all()]

    async def _details(self, tag: Tag) -> TagDetails:
        usage: dict[str, list[int]] = {}
        for kind in USAGE_KINDS:
            ids: set[int] = set()
            for hook in self._usage.get(kind, ()):
                ids.update(await hook(tag.id))
            usage[kind] = sorted(ids)
        return TagDetails(tag.id, tag.label, usage)

    async def _by_label(self, label: str) -> Tag | None:
        async with self._db.read() as session:
            row = await session.scalar(select(TagRow).where(TagRow.label == label))
        return None if row is None else Tag(row.id, row.label)
