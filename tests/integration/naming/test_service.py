"""The naming settings kept in the database and in memory, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reelarr.db.engine import Database
from reelarr.errors import ValidationFailed
from reelarr.events import EventBus, EventsMissed
from reelarr.naming.config import ColonReplacement, NamingConfig
from reelarr.naming.events import NamingConfigChanged
from reelarr.naming.service import NamingService
from reelarr.naming.subject import NamedMovie

MOVIE = NamedMovie(title="The Matrix", year=1999, tmdb_id=603, imdb_id="tt0133093")


async def test_a_new_database_holds_radarrs_defaults(db: Database) -> None:
    assert await NamingService(db, EventBus()).config() == NamingConfig()


async def test_saved_settings_are_read_back_and_announced(db: Database) -> None:
    bus = EventBus()
    announced: list[NamingConfigChanged] = []

    async def record(event: NamingConfigChanged) -> None:
        announced.append(event)

    bus.subscribe(NamingConfigChanged, record)
    naming = NamingService(db, bus)
    wanted = NamingConfig(
        rename_movies=True,
        replace_illegal_characters=False,
        colon_replacement_format=ColonReplacement.SPACE_DASH,
        movie_folder_format="{Movie Title} {imdb-{ImdbId}}",
    )
    assert await naming.save(wanted) == wanted
    assert await NamingService(db, EventBus()).config() == wanted
    assert len(announced) == 1


async def test_broken_settings_are_refused_and_nothing_is_saved(db: Database) -> None:
    naming = NamingService(db, EventBus())
    with pytest.raises(ValidationFailed) as refused:
        await naming.save(NamingConfig(movie_folder_format="{Quality Full}"))
    assert {f.property_name for f in refused.value.failures} == {"movieFolderFormat"}
    assert await NamingService(db, EventBus()).config() == NamingConfig()


async def test_a_change_in_another_process_is_read_again(db: Database) -> None:
    here, there = EventBus(), EventBus()
    kept = NamingService(db, here)
    assert await kept.folder_name(MOVIE) == "The Matrix (1999)"
    await NamingService(db, there).save(NamingConfig(movie_folder_format="{Movie TitleThe} [{TmdbId}]"))
    # Until told, the kept settings stand; the event from the other process drops them.
    assert await kept.folder_name(MOVIE) == "The Matrix (1999)"
    await here.deliver_remote("naming.config", {})
    assert await kept.folder_name(MOVIE) == "Matrix, The [603]"


async def test_missed_events_drop_the_kept_settings(db: Database) -> None:
    bus = EventBus()
    kept = NamingService(db, bus)
    await kept.config()
    await NamingService(db, EventBus()).save(replace(NamingConfig(), rename_movies=True))
    await bus.publish(EventsMissed())
    assert (await kept.config()).rename_movies is True


async def test_examples_of_unsaved_settings(db: Database) -> None:
    async def title(_quality: object) -> str:
        return "BD-1080"

    naming = NamingService(db, EventBus(), quality_title=title)  # type: ignore[arg-type]
    examples = await naming.examples(
        NamingConfig(rename_movies=True, standard_movie_format="{Movie CleanTitle} {Quality Full}")
    )
    assert examples.movie_example == "The Movie Title BD-1080 Proper"
    assert examples.movie_folder_example == "The Movie - Title (2010)"
    empty = await naming.examples(NamingConfig(standard_movie_format="", movie_folder_format=" "))
    assert (empty.movie_example, empty.movie_folder_example) == (None, None)
