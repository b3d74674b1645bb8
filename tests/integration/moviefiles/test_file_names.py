"""A library film's file named under the naming settings: quality, media info and custom formats."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reelarr.naming.config import NamingConfig
from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.moviefiles.conftest import add_movie, get_movie, place
from tests.integration.movies.conftest import Library

RELEASE = "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"
TRASH_FORMAT = (
    "{Movie CleanTitle} {(Release Year)} {imdb-{ImdbId}} {[Custom Formats]}{[Quality Full]}"
    "{[Mediainfo AudioCodec}{ Mediainfo AudioChannels]}{[MediaInfo VideoDynamicRangeType]}"
    "{[Mediainfo VideoCodec]}{-Release Group}"
)
X264 = {
    "name": "x264",
    "includeCustomFormatWhenRenaming": True,
    "specifications": [
        {
            "name": "x264",
            "implementation": "ReleaseTitleSpecification",
            "fields": [{"name": "value", "value": "x264"}],
        }
    ],
}


async def test_a_files_name_holds_its_quality_media_info_and_custom_formats(
    library: Library, sample_media: SampleMedia
) -> None:
    folder = library.root / "The Matrix (1999)"
    folder.mkdir()
    place(sample_media, MediaKind.FEATURE_90MIN, folder, RELEASE)
    response = await library.server.client.post("/api/v3/customformat", json=X264)
    assert response.status_code == 201, response.text
    hidden = {**X264, "name": "Hidden", "includeCustomFormatWhenRenaming": False}
    assert (await library.server.client.post("/api/v3/customformat", json=hidden)).status_code == 201
    added = await add_movie(library, 603, folder)
    assert (await get_movie(library, added["id"]))["hasFile"] is True
    services = library.server.services
    movie, file = await services.movies.get_with_file(added["id"])
    assert file is not None

    naming = services.naming
    assert await naming.file_name(movie, file) == Path(RELEASE).stem  # renaming is off
    await naming.save(replace(NamingConfig(), rename_movies=True, standard_movie_format=TRASH_FORMAT))
    # The sample video has no sound: the audio tokens say nothing, with their brackets.
    assert (
        await naming.file_name(movie, file)
        == "The Matrix (1999) {imdb-tt0133093} [x264][Bluray-1080p][x264]-GRP"
    )
