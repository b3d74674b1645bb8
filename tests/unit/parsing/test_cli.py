"""`reelarr parse`: one line per input, in order, from arguments or streamed from stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REELARR = Path(sys.executable).with_name("reelarr")


def run(*args: str, stdin: str | None = None) -> list[str]:
    done = subprocess.run(
        [str(REELARR), "parse", *args], input=stdin, capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.splitlines()


def run_json(*args: str, stdin: str | None = None) -> list[dict[str, Any]]:
    return [json.loads(line) for line in run("--json", *args, stdin=stdin)]


def test_json_describes_a_release_title() -> None:
    [parsed] = run_json("The.Movie.from.U.N.C.L.E.2015.1080p.BluRay.x264-SPARKS")
    assert parsed["input"] == "The.Movie.from.U.N.C.L.E.2015.1080p.BluRay.x264-SPARKS"
    assert parsed["title"] == "The Movie from U.N.C.L.E."
    assert parsed["year"] == 2015
    assert parsed["release_group"] == "SPARKS"
    assert parsed["languages"] == ["Unknown"]
    assert parsed["quality"] == {
        "name": "Bluray-1080p",
        "source": "bluray",
        "resolution": 1080,
        "modifier": "none",
        "revision": {"version": 1, "real": 0, "is_repack": False},
    }


def test_json_has_every_documented_field() -> None:
    [parsed] = run_json("Movie.Title.2016.German.DL.1080p.KORSUBS.BluRay.x264-GRP [tmdb-123] [tt1234567]")
    assert set(parsed) == {
        "input",
        "title",
        "titles",
        "year",
        "edition",
        "release_group",
        "imdb_id",
        "tmdb_id",
        "hardcoded_subs",
        "languages",
        "quality",
    }
    assert parsed["languages"] == ["German", "Original"]
    assert (parsed["imdb_id"], parsed["tmdb_id"], parsed["hardcoded_subs"]) == ("tt1234567", 123, "KORSUBS")


def test_titles_hold_the_alternative_titles() -> None:
    [parsed] = run_json("Mon cousin a.k.a. My Cousin 2020 1080p Blu-ray DD 5.1 x264.mkv")
    assert parsed["titles"] == ["Mon cousin AKA My Cousin", "Mon cousin", "My Cousin"]


def test_title_is_null_for_junk_but_quality_is_still_read() -> None:
    [parsed] = run_json("185d86a343e39f3341e35c4dad3f9959.1080p.WEB-DL")
    assert parsed["title"] is None
    assert parsed["quality"]["name"] == "WEBDL-1080p"


def test_stdin_gives_one_line_per_input_in_order_blank_lines_included() -> None:
    lines = run_json(stdin="Movie.A.2001.720p.HDTV.x264-A\n\nMovie.B.2002.DVDRip.XviD-B\n")
    assert [line["title"] for line in lines] == ["Movie A", None, "Movie B"]


def test_path_mode_uses_the_folder_when_the_file_name_is_obfuscated() -> None:
    [parsed] = run_json("--path", "/downloads/Movie.2018.DVDRip.XviD-RADARR/AHFMZXGHEWD660.mkv")
    assert (parsed["title"], parsed["release_group"], parsed["quality"]["name"]) == ("Movie", "RADARR", "DVD")


def test_plain_output_is_one_readable_line_per_input() -> None:
    lines = run("Movie.Title.2018.REPACK2.720p.HDTV.x264-aAF", "password yEnc")
    assert lines == [
        "Movie Title (2018) | quality: HDTV-720p v3 repack | languages: Unknown | group: aAF",
        "not a movie: password yEnc | quality: Unknown | languages: Unknown",
    ]


@pytest.mark.timeout(30)
def test_stdin_is_streamed_not_read_to_the_end_first() -> None:
    with subprocess.Popen(
        [str(REELARR), "parse", "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.write("Movie.One.1999.1080p.WEB-DL.x264-GRP\n")
        process.stdin.flush()
        first = json.loads(process.stdout.readline())  # answered while stdin is still open
        assert first["title"] == "Movie One"
        process.stdin.write("Movie.Two.2000.720p.BluRay.x264-GRP\n")
        process.stdin.close()
        assert json.loads(process.stdout.readline())["title"] == "Movie Two"
    assert process.returncode == 0
