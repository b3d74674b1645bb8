"""Which files of a download go with its video: by name, or every subtitle beside a lone video."""

from __future__ import annotations

from pathlib import Path

from reelarr.extras.finding import find_extras
from reelarr.extras.model import ExtraFileType

WANTED = frozenset({".srt", ".nfo"})


def _found(video: Path, recursive: bool = False) -> list[tuple[str, ExtraFileType]]:
    return [(Path(f.path).name, f.type) for f in find_extras(str(video), WANTED, recursive)]


def _touch(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"x")


def test_files_named_after_the_video_with_a_wanted_extension_go_with_it(tmp_path: Path) -> None:
    _touch(tmp_path, "Movie.mkv", "Movie.en.srt", "Movie.nfo", "Movie.txt", "Other.nfo")
    assert _found(tmp_path / "Movie.mkv") == [
        ("Movie.en.srt", ExtraFileType.SUBTITLE),
        ("Movie.nfo", ExtraFileType.OTHER),
    ]


def test_a_lone_video_takes_every_subtitle_but_one_of_several_takes_none(tmp_path: Path) -> None:
    _touch(tmp_path, "Movie.mkv", "Movie-sample.mkv", "english.srt")
    assert _found(tmp_path / "Movie.mkv") == [("english.srt", ExtraFileType.SUBTITLE)]
    _touch(tmp_path, "Another.mkv")
    assert _found(tmp_path / "Movie.mkv") == []


def test_sub_folders_are_searched_only_for_a_folder_download(tmp_path: Path) -> None:
    _touch(tmp_path, "Movie.mkv", "Subs/Movie.fr.srt")
    assert _found(tmp_path / "Movie.mkv") == []
    assert _found(tmp_path / "Movie.mkv", recursive=True) == [("Movie.fr.srt", ExtraFileType.SUBTITLE)]


def test_nothing_is_wanted_when_no_extension_is_listed(tmp_path: Path) -> None:
    _touch(tmp_path, "Movie.mkv", "Movie.en.srt")
    assert find_extras(str(tmp_path / "Movie.mkv"), frozenset(), False) == []


def test_a_video_moved_away_already_still_counts_as_the_lone_one(tmp_path: Path) -> None:
    _touch(tmp_path, "english.srt")
    assert _found(tmp_path / "Movie.mkv") == [("english.srt", ExtraFileType.SUBTITLE)]


def test_a_subtitle_naming_the_same_film_and_year_goes_with_the_video(tmp_path: Path) -> None:
    _touch(
        tmp_path,
        "The.Matrix.1999.1080p.WEB-DL.mkv",
        "The.Matrix.Reloaded.2003.1080p.mkv",
        "The.Matrix.1999.en.srt",
        "The.Matrix.1999.nfo",
        "The.Matrix.Reloaded.2003.en.srt",
        "The.Matrix.2003.fr.srt",
    )
    assert _found(tmp_path / "The.Matrix.1999.1080p.WEB-DL.mkv") == [
        ("The.Matrix.1999.en.srt", ExtraFileType.SUBTITLE),
        ("The.Matrix.1999.nfo", ExtraFileType.OTHER),
    ]
