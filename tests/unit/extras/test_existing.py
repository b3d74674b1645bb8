"""Extra files already in a film's folder: which are recorded, what they are, how records change."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reelarr.extras.existing import extra_of, list_extra_files, recognised_extensions, reconcile
from reelarr.extras.model import ExtraFileType
from reelarr.languages import UNKNOWN, lang


@pytest.mark.parametrize(
    ("name", "language", "tags"),
    [
        ("Movie.en.srt", "English", ()),
        ("Movie.eng.forced.srt", "English", ("forced",)),
        ("Movie.de.sdh.ass", "German", ("sdh",)),
        ("Movie.en.cc.srt", "English", ("cc",)),
        ("Subs/Movie.fr.sub", "French", ()),
    ],
)
def test_a_subtitle_in_the_folder_is_recorded_with_its_language_and_tags(
    name: str, language: str, tags: tuple[str, ...]
) -> None:
    extra = extra_of(7, 3, name)

    assert (extra.type, extra.language, extra.language_tags) == (ExtraFileType.SUBTITLE, lang(language), tags)
    assert (extra.movie_id, extra.movie_file_id, extra.relative_path) == (7, 3, name)


def test_an_nfo_is_an_other_file_without_language() -> None:
    extra = extra_of(7, 3, "Movie.nfo")

    assert (extra.type, extra.extension, extra.language, extra.language_tags) == (
        ExtraFileType.OTHER,
        ".nfo",
        UNKNOWN,
        (),
    )


def test_subtitles_and_nfo_are_always_recognised_besides_the_wanted_extensions() -> None:
    extensions = recognised_extensions(frozenset({".jpg"}))

    assert {".srt", ".ass", ".sub", ".idx", ".nfo", ".jpg"} <= extensions
    assert ".doc" not in extensions


def test_the_folder_listing_leaves_out_videos_hidden_files_and_passed_over_folders(tmp_path: Path) -> None:
    for name in [
        "Movie.mkv",
        "Movie.en.srt",
        "Movie.nfo",
        "notes.doc",
        ".Movie.de.srt",
        "Subs/Movie.fr.srt",
        "Extras/Commentary.en.srt",
        "Sample/Movie.en.srt",
        ".hidden/Movie.en.srt",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")

    found = list_extra_files(str(tmp_path), recognised_extensions(frozenset()))

    assert found == ["Movie.en.srt", "Movie.nfo", "Subs/Movie.fr.srt"]


def test_reconciling_adds_the_new_forgets_the_gone_and_relinks_the_rest_to_the_video() -> None:
    kept = replace(extra_of(7, None, "Movie.en.srt"), id=1)
    gone = replace(extra_of(7, 3, "Movie.de.srt"), id=2)

    plan = reconcile(7, 3, ["Movie.en.srt", "Movie.nfo"], [kept, gone])

    assert [e.relative_path for e in plan.added] == ["Movie.nfo"]
    assert plan.forgotten == (2,)
    assert plan.relinked == (1,)


def test_without_a_video_nothing_new_is_recorded_but_the_gone_are_forgotten() -> None:
    gone = replace(extra_of(7, 3, "Movie.de.srt"), id=2)

    plan = reconcile(7, None, ["Movie.en.srt"], [gone])

    assert (plan.added, plan.forgotten, plan.relinked) == ((), (2,), ())


def test_nothing_changes_when_the_records_match_the_folder() -> None:
    assert not reconcile(7, 3, [], []).changes


def test_a_metadata_writer_s_file_is_recorded_as_its_metadata() -> None:
    plan = reconcile(
        7,
        3,
        ["movie.nfo", "poster.jpg", "Movie.en.srt", "cover.jpg"],
        [],
        extensions=recognised_extensions(frozenset()),
        writers={"movie.nfo": "XbmcMetadata", "poster.jpg": "XbmcMetadata"},
    )

    recorded = {(e.relative_path, e.type, e.title) for e in plan.added}
    assert recorded == {
        ("movie.nfo", ExtraFileType.METADATA, "XbmcMetadata"),
        ("poster.jpg", ExtraFileType.METADATA, "XbmcMetadata"),
        ("Movie.en.srt", ExtraFileType.SUBTITLE, None),
    }


def test_a_file_recorded_as_the_user_s_is_claimed_by_the_writer_that_wrote_it() -> None:
    other = replace(extra_of(7, 3, "movie.nfo"), id=1)
    writers_own = replace(extra_of(7, 3, "poster.jpg", "XbmcMetadata"), id=2)

    plan = reconcile(
        7,
        3,
        ["movie.nfo", "poster.jpg"],
        [other, writers_own],
        extensions=recognised_extensions(frozenset()),
        writers={"movie.nfo": "XbmcMetadata", "poster.jpg": "KometaMetadata"},
    )

    assert plan.claimed == ((1, "XbmcMetadata"),)
    assert (plan.added, plan.forgotten, plan.relinked) == ((), (), ())


def test_a_writer_s_image_is_kept_while_on_disk_and_forgotten_once_gone() -> None:
    poster = replace(extra_of(7, 3, "poster.jpg", "XbmcMetadata"), id=2)

    kept = reconcile(7, 3, ["poster.jpg"], [poster], extensions=recognised_extensions(frozenset()))
    gone = reconcile(7, 3, [], [poster], extensions=recognised_extensions(frozenset()))

    assert not kept.changes
    assert gone.forgotten == (2,)
