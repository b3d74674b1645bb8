"""TagService on both databases: idempotent and race-free create, renames, usage hooks, deletes."""

from __future__ import annotations

import asyncio

import pytest

from reelarr.db.engine import Database
from reelarr.errors import Conflict, NotFound, ValidationFailed
from reelarr.events import EventBus
from reelarr.tags.events import TagsChanged
from reelarr.tags.service import USAGE_KINDS, Tag, TagService


def _service(db: Database, bus: EventBus | None = None) -> TagService:
    return TagService(db, bus or EventBus())


async def test_create_returns_the_existing_tag_for_a_label_in_any_case(db: Database) -> None:
    tags = _service(db)
    first = await tags.create("Anime")
    assert first.label == "anime"
    assert await tags.create(" ANIME ") == first
    assert await tags.all() == [first]


async def test_two_processes_creating_one_label_at_once_get_the_same_tag(database_url: str) -> None:
    # Separate Database objects share nothing in this process, as two processes would.
    databases = [Database(database_url) for _ in range(4)]
    try:
        services = [_service(d) for d in databases]
        made = await asyncio.gather(*(s.create("1 - Alice") for s in services for _ in range(5)))
    finally:
        for d in databases:
            await d.close()
    assert len({t.id for t in made}) == 1
    assert {t.label for t in made} == {"1 - alice"}


async def test_all_lists_by_label(db: Database) -> None:
    tags = _service(db)
    for label in ["zeta", "alpha", "mid"]:
        await tags.create(label)
    assert [t.label for t in await tags.all()] == ["alpha", "mid", "zeta"]


async def test_rename_and_rename_onto_another_label(db: Database) -> None:
    tags = _service(db)
    one = await tags.create("one")
    await tags.create("two")
    assert await tags.update(one.id, "Uno") == Tag(one.id, "uno")
    assert await tags.update(one.id, "uno") == Tag(one.id, "uno")
    with pytest.raises(ValidationFailed) as error:
        await tags.update(one.id, "TWO")
    assert error.value.failures[0].property_name == "label"
    assert (await tags.get(one.id)).label == "uno"


async def test_unknown_ids_are_not_found(db: Database) -> None:
    tags = _service(db)
    for call in (tags.get(5), tags.update(5, "x"), tags.delete(5), tags.detail(5), tags.get(2**40)):
        with pytest.raises(NotFound):
            await call


async def test_existing_says_which_ids_are_tags(db: Database) -> None:
    tags = _service(db)
    a = await tags.create("a")
    b = await tags.create("b")
    assert await tags.existing([a.id, b.id, 999, -1, 2**40]) == {a.id, b.id}
    assert await tags.existing([]) == set()


async def test_details_list_every_kind_of_user(db: Database) -> None:
    tags = _service(db)
    used = await tags.create("used")
    free = await tags.create("free")

    async def movies(tag_id: int) -> list[int]:
        return [3, 1] if tag_id == used.id else []

    async def indexers(tag_id: int) -> list[int]:
        return [7] if tag_id == used.id else []

    tags.register_usage("movieIds", movies)
    tags.register_usage("indexerIds", indexers)
    detail = await tags.detail(used.id)
    assert set(detail.usage) == set(USAGE_KINDS)
    assert detail.usage["movieIds"] == [1, 3]
    assert detail.usage["indexerIds"] == [7]
    assert detail.usage["notificationIds"] == []
    assert detail.in_use
    assert [(d.label, d.in_use) for d in await tags.details()] == [("free", False), ("used", True)]
    assert not (await tags.detail(free.id)).in_use


def test_an_unknown_usage_kind_is_a_programming_error(db: Database) -> None:
    async def nothing(_tag_id: int) -> list[int]:
        return []

    with pytest.raises(ValueError, match="seriesIds"):
        _service(db).register_usage("seriesIds", nothing)


async def test_a_tag_in_use_is_not_deleted(db: Database) -> None:
    tags = _service(db)
    tag = await tags.create("keep")

    async def movies(_tag_id: int) -> list[int]:
        return [1]

    tags.register_usage("movieIds", movies)
    with pytest.raises(Conflict, match="'keep' cannot be deleted since it's still in use"):
        await tags.delete(tag.id)
    assert await tags.get(tag.id) == tag


async def test_changes_are_published_and_no_ops_are_not(db: Database) -> None:
    bus = EventBus()
    seen: list[int] = []

    async def record(event: TagsChanged) -> None:
        seen.append(event.tag_id)

    bus.subscribe(TagsChanged, record)
    tags = _service(db, bus)
    tag = await tags.create("x")
    await tags.create("X")
    await tags.update(tag.id, "x")
    await tags.update(tag.id, "y")
    await tags.delete(tag.id)
    assert seen == [tag.id, tag.id, tag.id]
