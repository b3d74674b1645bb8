"""The pure parts of the Radarr import: folder mappings, a MovieResource as metadata, profile ids."""

from __future__ import annotations

from datetime import date

import pytest

from reelarr.metadata.models import CollectionRef, CoverType, Image, Rating
from reelarr.movies.model import MinimumAvailability
from reelarr.radarrimport.client import ImportFailed
from reelarr.radarrimport.movies import minimum_availability, movie_metadata
from reelarr.radarrimport.paths import PathMapping, map_path, parse_mapping, relative_path
from reelarr.radarrimport.profile_kinds import profile_resource_here
from tests.fixtures.radarr import data

MAPPINGS = (PathMapping("/data", "/mnt/media"), PathMapping("/data/movies", "/srv/films"))


@pytest.mark.parametrize(
    ("radarr_path", "here"),
    [
        ("/data/movies/The Matrix (1999)", "/srv/films/The Matrix (1999)"),  # the longest source wins
        ("/data/tv/Show", "/mnt/media/tv/Show"),
        ("/data", "/mnt/media"),
        ("/database/x", "/database/x"),  # a prefix of a name is no folder of it
        ("/other/Film (2001)", "/other/Film (2001)"),
    ],
)
def test_map_path(radarr_path: str, here: str) -> None:
    assert map_path(radarr_path, MAPPINGS) == here


WINDOWS = (PathMapping("C:\\Movies", "/mnt/movies"), PathMapping("\\\\nas\\Films", "/srv/films"))


@pytest.mark.parametrize(
    ("radarr_path", "here"),
    [
        ("C:\\Movies\\Heat (1995)", "/mnt/movies/Heat (1995)"),
        ("c:\\MOVIES\\Heat (1995)\\Extras\\x.mkv", "/mnt/movies/Heat (1995)/Extras/x.mkv"),  # any case
        ("C:/Movies/Heat (1995)", "/mnt/movies/Heat (1995)"),  # Windows takes either separator
        ("C:\\Movies\\.recycle\\", "/mnt/movies/.recycle/"),
        ("C:\\Movies", "/mnt/movies"),
        ("\\\\NAS\\films\\Ran (1985)", "/srv/films/Ran (1985)"),
        ("C:\\Movies 4K\\Heat (1995)", "C:\\Movies 4K\\Heat (1995)"),  # a prefix of a name is no folder
        ("D:\\Movies\\Heat (1995)", "D:\\Movies\\Heat (1995)"),
    ],
)
def test_map_path_from_a_windows_radarr(radarr_path: str, here: str) -> None:
    assert map_path(radarr_path, WINDOWS) == here


def test_a_windows_path_mapped_to_another_windows_folder_keeps_backslashes() -> None:
    mappings = (PathMapping("C:\\Movies", "E:\\Films"),)
    assert map_path("c:\\movies\\Heat (1995)", mappings) == "E:\\Films\\Heat (1995)"


def test_a_posix_source_is_compared_with_its_case() -> None:
    assert map_path("/Data/x", MAPPINGS) == "/Data/x"


@pytest.mark.parametrize(
    ("relative", "folder", "here"),
    [
        ("Extras\\Heat.mkv", "/mnt/movies/Heat (1995)", "Extras/Heat.mkv"),
        ("Extras\\Heat.mkv", "E:\\Films\\Heat (1995)", "Extras\\Heat.mkv"),
        ("Heat.mkv", "/mnt/movies/Heat (1995)", "Heat.mkv"),
    ],
)
def test_relative_path_is_written_with_the_folders_separator(relative: str, folder: str, here: str) -> None:
    assert relative_path(relative, folder) == here


@pytest.mark.parametrize("text", ["/movies", "=/x", "/movies=", ""])
def test_a_mapping_without_both_folders_is_refused(text: str) -> None:
    with pytest.raises(ImportFailed, match="--map-path wants FROM=TO"):
        parse_mapping(text)


def test_parse_mapping_trims_trailing_separators() -> None:
    assert parse_mapping("/movies/=/mnt/movies/") == PathMapping("/movies", "/mnt/movies")


def test_movie_metadata_from_a_movie_resource() -> None:
    matrix = data.movies()[0]

    info = movie_metadata(matrix)

    assert (info.tmdb_id, info.imdb_id, info.title, info.year, info.runtime) == (
        603,
        "tt0133093",
        "The Matrix",
        1999,
        136,
    )
    assert (info.status, info.certification, info.studio) == ("Released", "R", "Warner Bros. Pictures")
    assert (info.in_cinemas, info.physical_release, info.digital_release, info.release_date) == (
        date(1999, 3, 31),
        date(1999, 9, 21),
        date(2001, 1, 1),
        date(1999, 9, 21),
    )
    assert info.ratings.imdb == Rating(8.7, 2_100_000)
    assert info.images[0] == Image(CoverType.POSTER, matrix["images"][0]["remoteUrl"])
    assert info.collection == CollectionRef(2344, "The Matrix Collection")
    assert [t.title for t in info.alternative_titles] == ["Matrix"]
    assert (info.youtube_trailer_id, info.website, info.popularity) == (
        "vKQi3bBA1y8",
        "http://www.warnerbros.com/matrix",
        95.4,
    )


def test_movie_metadata_of_an_announced_film_without_ratings_or_imdb_id() -> None:
    info = movie_metadata(data.movies()[2])

    assert (info.status, info.imdb_id, info.ratings.imdb, info.ratings.tmdb) == ("Planned", None, None, None)
    assert info.original_language == "en"


def test_movie_metadata_keeps_the_original_language() -> None:
    assert movie_metadata(data.movies()[1]).original_language == "ja"


@pytest.mark.parametrize(
    ("radarr", "here"),
    [
        ("tba", MinimumAvailability.TBA),
        ("announced", MinimumAvailability.ANNOUNCED),
        ("inCinemas", MinimumAvailability.IN_CINEMAS),
        ("released", MinimumAvailability.RELEASED),
        ("preDB", MinimumAvailability.RELEASED),
    ],
)
def test_minimum_availability(radarr: str, here: MinimumAvailability) -> None:
    assert minimum_availability(radarr) == here


def test_profile_format_ids_are_mapped_and_unknown_formats_dropped() -> None:
    profile = data.quality_profiles()[0]

    here = profile_resource_here(profile, {data.FORMAT_REMASTER: 1})

    assert here["formatItems"] == [{"format": 1, "name": "Remaster", "score": 25}]
    assert here["items"] == profile["items"]


def test_filter_conditions_name_tags_and_profiles_by_their_ids_here() -> None:
    from unittest.mock import Mock

    from reelarr.radarrimport.context import ImportContext
    from reelarr.radarrimport.settings_kinds import filter_here

    ctx = ImportContext(Mock(), dry_run=True, tag_ids={3: 1, 5: 2}, profile_ids={4: 9})

    assert filter_here({"key": "tags", "value": [5, 3, 77], "type": "contains"}, ctx)["value"] == [1, 2]
    assert filter_here({"key": "qualityProfileId", "value": 4, "type": "equal"}, ctx)["value"] == 9
    assert filter_here({"key": "qualityProfileId", "value": [4, 6], "type": "equal"}, ctx)["value"] == [9, 6]
    assert filter_here({"key": "hasFile", "value": False, "type": "equal"}, ctx)["value"] is False
