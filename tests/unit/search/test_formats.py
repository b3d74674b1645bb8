"""Releases and files are scored with the library's custom formats under the film's profile."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from reelarr.customformats.matching import FormatMatcher
from reelarr.customformats.model import CustomFormat, ReleaseGroup, ReleaseTitle, Specification
from reelarr.languages import lang
from reelarr.movies.model import MovieFile
from reelarr.parsing import parse_title
from reelarr.quality.profile import FormatItem
from reelarr.search.formats import FormatScorer
from tests.unit.decisions.builders import movie, profile, quality_of, release

X265 = CustomFormat("x265", (Specification("x265", ReleaseTitle(r"[xh]\.?265|hevc")),), id=1)
BAD_GROUP = CustomFormat("Bad group", (Specification("YIFY", ReleaseGroup("^(YIFY|YTS)$")),), id=2)
SCORED = profile(format_items=(FormatItem(1, "x265", 50), FormatItem(2, "Bad group", -1000)))
SCORER = FormatScorer(FormatMatcher([X265, BAD_GROUP], timeout=0.1))


def test_a_release_is_scored_by_the_formats_it_matches() -> None:
    title = "The.Matrix.1999.1080p.BluRay.x265-YIFY"
    parsed = parse_title(title)
    assert parsed is not None
    names, score = SCORER(parsed, release(title), movie(), SCORED)
    assert set(names) == {"x265", "Bad group"}
    assert score == -950


def test_a_file_on_disk_is_scored_from_its_scene_name() -> None:
    file = MovieFile(
        id=1,
        movie_id=1,
        relative_path="The Matrix (1999)/The Matrix (1999).mkv",
        size=8 * 1024**3,
        date_added=datetime(2026, 1, 1, tzinfo=UTC),
        quality=quality_of("The.Matrix.1999.1080p.BluRay.x265-GRP"),
        languages=(lang("English"),),
        scene_name="The.Matrix.1999.1080p.BluRay.x265-GRP",
        release_group="GRP",
    )
    assert SCORER.of_file(file, movie(), SCORED) == (("x265",), 50)
    plain = replace(file, scene_name=None)
    assert SCORER.of_file(plain, movie(), SCORED) == ((), 0)
