"""The film and file the naming examples are built for (Radarr's FileNameSampleService)."""

from __future__ import annotations

from reelarr.customformats.model import CustomFormat
from reelarr.mediafiles.model import HdrFormat, MediaInfo, Reader
from reelarr.naming.subject import NamedFile, NamedMovie
from reelarr.quality.catalogue import quality
from reelarr.quality.revision import QualityModel, Revision

SAMPLE_MOVIE = NamedMovie(
    title="The Movie: Title",
    original_title="The Original Movie Title",
    collection_title="The Movie Collection",
    certification="R",
    year=2010,
    imdb_id="tt0066921",
    tmdb_id=345691,
)
SAMPLE_QUALITY = QualityModel(quality("Bluray-1080p"), Revision(version=2))
_SAMPLE_MEDIA_INFO = MediaInfo(
    reader=Reader.FFPROBE,
    video_format="h264",
    video_bit_depth=10,
    video_multi_view_count=2,
    video_color_primaries="bt2020",
    video_transfer_characteristics="arib-std-b67",
    hdr_format=HdrFormat.HLG10,
    audio_format="dts",
    audio_channels=6,
    audio_channel_positions="5.1",
    audio_languages=("ger",),
    subtitles=("eng", "ger"),
)


def sample_file(quality_title: str) -> NamedFile:
    """The sample file; `quality_title` is the Bluray-1080p definition's title as the user set it."""
    return NamedFile(
        relative_path="The.Movie.Title.2010.1080p.BluRay.DTS.x264-EVOLVE.mkv",
        quality=SAMPLE_QUALITY,
        quality_title=quality_title,
        scene_name="The.Movie.Title.2010.1080p.BluRay.DTS.x264-EVOLVE",
        release_group="EVOLVE",
        edition="Ultimate extended edition",
        media_info=_SAMPLE_MEDIA_INFO,
        custom_formats=(
            CustomFormat(id=0, name="Surround Sound", include_when_renaming=True, specifications=()),
            CustomFormat(id=0, name="x264", include_when_renaming=True, specifications=()),
        ),
    )
