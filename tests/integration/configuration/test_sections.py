"""A settings page reads its saved fields in one go, with defaults for the others, and saves whole."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reelarr.configuration.sections import ConfigSection
from reelarr.configuration.store import ConfigStore
from reelarr.db.engine import Database
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.events import EventBus


@dataclass(frozen=True)
class Page:
    name: str = "default"
    count: int = 3
    enabled: bool = False


def _check(page: Page) -> list[ValidationFailure]:
    return [ValidationFailure("count", "Count must not be negative")] if page.count < 0 else []


def _section(db: Database) -> tuple[ConfigStore, ConfigSection[Page]]:
    store = ConfigStore(db)
    return store, ConfigSection(store, EventBus(), Page, "page.", _check)


async def test_fields_never_saved_keep_their_defaults(db: Database) -> None:
    store, section = _section(db)
    await store.set("page.count", "7")
    await store.set("other.name", "not this page's")
    assert await section.get() == Page(count=7)


async def test_a_saved_page_reads_back_whole_and_saved_again_replaces_it(db: Database) -> None:
    store, section = _section(db)
    await section.save(Page(name="first", count=1, enabled=True))
    assert await section.get() == Page(name="first", count=1, enabled=True)
    await section.save(Page(name="second", count=0, enabled=False))
    assert await section.get() == Page(name="second", count=0, enabled=False)
    assert await store.get_many(["page.name", "page.count", "page.missing"]) == {
        "page.name": "second",
        "page.count": "0",
    }


async def test_a_page_with_a_broken_rule_saves_nothing(db: Database) -> None:
    store, section = _section(db)
    with pytest.raises(ValidationFailed):
        await section.save(Page(name="broken", count=-1))
    assert await store.get_many(["page.name", "page.count", "page.enabled"]) == {}
    assert await section.get() == Page()
