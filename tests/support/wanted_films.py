"""Films laid out for the Wanted lists through the API: without a file, or with a file of a chosen
quality and release group, under the HD-1080p profile (cutoff Bluray-1080p)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.fixtures.media import MediaKind, SampleMedia
from tests.integration.moviefiles.conftest import add_movie, place

if TYPE_CHECKING:
    from tests.integration.movies.conftest import Library

HD_1080P = 4
WEBDL_720P, WEBDL_1080P, BLURAY_1080P = 5, 3, 7


async def film_without_file(library: Library, tmdb_id: int, *, monitored: bool = True) -> int:
    """Add a film with an empty folder; its id."""
    folder = library.root / f"film {tmdb_id}"
    folder.mkdir()
    movie = await add_movie(library, tmdb_id, folder, qualityProfileId=HD_1080P, monitored=monitored)
    return int(movie["id"])


async def film_with_file(
    library: Library, media: SampleMedia, tmdb_id: int, quality_id: int, group: str = "GRP"
) -> int:
    """Add a film whose folder holds a feature-length video, then give the file this quality and group."""
    folder = library.root / f"film {tmdb_id}"
    place(media, MediaKind.FEATURE_90MIN, folder, f"Film.{tmdb_id}.1080p.BluRay.x264-GRP.mkv")
    movie = await add_movie(library, tmdb_id, folder, qualityProfileId=HD_1080P)
    client = library.server.client
    found = (await client.get(f"/api/v3/movie/{movie['id']}")).json()
    assert found["hasFile"] is True, found
    edited = await client.put(
        "/api/v3/moviefile/editor",
        json={
            "movieFileIds": [found["movieFileId"]],
            "quality": {"quality": {"id": quality_id}},
            "releaseGroup": group,
        },
    )
    assert edited.status_code == 202, edited.text
    return int(movie["id"])


async def change_profile(library: Library, **changes: Any) -> None:
    """Change the HD-1080p profile (e.g. upgradeAllowed, cutoffFormatScore, formatItems)."""
    client = library.server.client
    profile = (await client.get(f"/api/v3/qualityprofile/{HD_1080P}")).json()
    response = await client.put(f"/api/v3/qualityprofile/{HD_1080P}", json={**profile, **changes})
    assert response.status_code == 202, response.text
