"""The names extras get beside their video: language suffixes, copy numbers for look-alikes."""

from __future__ import annotations

from datetime import datetime

from reelarr.extras.model import ExtraFile, ExtraFileType
from reelarr.extras.service import placements
from reelarr.languages import UNKNOWN, lang
from reelarr.movies.model import MovieFile
from reelarr.quality.catalogue import quality_by_id
from reelarr.quality.revision import QualityModel


def _extra(
    extra_id: int, path: str, language: str = "English", kind: ExtraFileType = ExtraFileType.SUBTITLE
) -> ExtraFile:
    return ExtraFile(
        id=extra_id,
        movie_id=1,
        movie_file_id=1,
        relative_path=path,
        extension="." + path.rsplit(".", 1)[-1],
        type=kind,
        language=lang(language) if kind is ExtraFileType.SUBTITLE else UNKNOWN,
    )


def test_extras_take_the_video_s_name_and_look_alike_subtitles_are_numbered() -> None:
    quality = quality_by_id(7)
    assert quality is not None
    video = MovieFile(
        id=1,
        movie_id=1,
        relative_path="Film (2010).mkv",
        size=1,
        date_added=datetime(2026, 1, 1),
        quality=QualityModel(quality),
        languages=(lang("English"),),
    )
    extras = [
        _extra(1, "a.en.srt"),
        _extra(2, "b.en.srt"),
        _extra(3, "c.fr.srt", "French"),
        _extra(4, "d.nfo", kind=ExtraFileType.OTHER),
    ]
    placed = {m.extra.id: m.relative_path for m in placements(video, extras)}
    assert placed == {
        1: "Film (2010).1.en.srt",
        2: "Film (2010).2.en.srt",
        3: "Film (2010).fr.srt",
        4: "Film (2010).nfo",
    }
