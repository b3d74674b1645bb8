"""/api/v3/wanted/missing and /api/v3/wanted/cutoff on SQLite and PostgreSQL: which films each lists,
sorted and paged as Radarr's, a file's cutoff judged by quality and by custom-format score, and bad
input answered with Radarr's 400 array."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fixtures.media import SampleMedia
from tests.fixtures.media.plugin import sample_media
from tests.integration.movies.conftest import Library
from tests.support.wanted_films import (
    BLURAY_1080P,
    WEBDL_720P,
    WEBDL_1080P,
    change_profile,
    film_with_file,
    film_without_file,
)

__all__ = ["sample_media"]

MATRIX, FIGHT_CLUB, INCEPTION, LEON, PARASITE = 603, 550, 27205, 101, 496243


async def _page(library: Library, which: str, **params: Any) -> dict[str, Any]:
    response = await library.server.client.get(f"/api/v3/wanted/{which}", params=params)
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def _ids(page: dict[str, Any]) -> list[int]:
    return [record["id"] for record in page["records"]]


async def test_missing_lists_the_monitored_films_without_a_file(
    library: Library, sample_media: SampleMedia
) -> None:
    matrix = await film_without_file(library, MATRIX)
    fight_club = await film_without_file(library, FIGHT_CLUB)
    parasite = await film_without_file(library, PARASITE, monitored=False)
    await film_with_file(library, sample_media, LEON, WEBDL_720P)

    page = await _page(library, "missing", sortDirection="ascending")
    unmonitored = await _page(library, "missing", monitored="False")

    assert (page["page"], page["pageSize"], page["sortKey"], page["sortDirection"]) == (
        1,
        10,
        "movieMetadata.sortTitle",
        "ascending",
    )
    assert page["totalRecords"] == 2
    assert _ids(page) == [fight_club, matrix]  # by sort title: "fight club", "matrix"
    record = page["records"][0]
    assert (record["title"], record["hasFile"], record["monitored"]) == ("Fight Club", False, True)
    assert "isAvailable" in record
    assert _ids(unmonitored) == [parasite]
    assert unmonitored["totalRecords"] == 1


async def test_missing_sorts_and_pages_by_the_keys_radarrs_ui_sends(library: Library) -> None:
    matrix = await film_without_file(library, MATRIX)  # 1999-03-31
    fight_club = await film_without_file(library, FIGHT_CLUB)  # 1999-10-15
    inception = await film_without_file(library, INCEPTION)  # 2010

    by_cinemas = await _page(
        library, "missing", sortKey="movieMetadata.inCinemas", sortDirection="descending"
    )
    by_year = await _page(library, "missing", sortKey="year", sortDirection="ascending")
    second = await _page(library, "missing", sortKey="year", sortDirection="ascending", page=2, pageSize=2)
    unknown_key = await _page(library, "missing", sortKey="nonsense", sortDirection="default")
    past_the_end = await _page(library, "missing", page=3, pageSize=2)

    assert by_cinemas["sortKey"] == "movieMetadata.inCinemas"
    assert _ids(by_cinemas) == [inception, fight_club, matrix]
    assert by_year["sortKey"] == "year"
    assert _ids(by_year)[-1] == inception
    assert (second["page"], second["pageSize"], second["totalRecords"]) == (2, 2, 3)
    assert _ids(second) == [inception]
    assert unknown_key["sortKey"] == "movieMetadata.sortTitle"
    assert unknown_key["sortDirection"] == "ascending"
    assert _ids(unknown_key) == [fight_club, inception, matrix]
    assert past_the_end["records"] == []
    assert past_the_end["totalRecords"] == 3


async def test_cutoff_lists_files_below_the_quality_cutoff(
    library: Library, sample_media: SampleMedia
) -> None:
    await change_profile(library, upgradeAllowed=True)
    below = await film_with_file(library, sample_media, MATRIX, WEBDL_720P)
    await film_with_file(library, sample_media, FIGHT_CLUB, BLURAY_1080P)
    await film_without_file(library, INCEPTION)

    page = await _page(library, "cutoff")
    unmonitored = await _page(library, "cutoff", monitored="false")

    assert (page["sortKey"], page["totalRecords"]) == ("movieMetadata.sortTitle", 1)
    assert _ids(page) == [below]
    record = page["records"][0]
    assert record["hasFile"] is True
    assert record["movieFile"]["quality"]["quality"]["name"] == "WEBDL-720p"
    assert record["movieFile"]["qualityCutoffNotMet"] is True
    assert unmonitored["totalRecords"] == 0


async def test_without_upgrades_only_a_quality_the_profile_does_not_allow_is_below_cutoff(
    library: Library, sample_media: SampleMedia
) -> None:
    await change_profile(library, upgradeAllowed=False)
    outside = await film_with_file(library, sample_media, MATRIX, WEBDL_720P)
    await film_with_file(library, sample_media, FIGHT_CLUB, WEBDL_1080P)  # allowed: good enough

    assert _ids(await _page(library, "cutoff")) == [outside]


async def test_cutoff_lists_files_below_the_custom_format_cutoff_score(
    library: Library, sample_media: SampleMedia
) -> None:
    client = library.server.client
    created = await client.post(
        "/api/v3/customformat",
        json={
            "name": "Good group",
            "specifications": [
                {
                    "name": "GOOD",
                    "implementation": "ReleaseGroupSpecification",
                    "negate": False,
                    "required": True,
                    "fields": [{"name": "value", "value": "^GOOD$"}],
                }
            ],
        },
    )
    assert created.status_code == 201, created.text
    format_item = {"format": created.json()["id"], "name": "Good group", "score": 10}
    await change_profile(library, upgradeAllowed=True, cutoffFormatScore=10, formatItems=[format_item])
    unscored = await film_with_file(library, sample_media, MATRIX, BLURAY_1080P, group="OTHER")
    await film_with_file(library, sample_media, FIGHT_CLUB, BLURAY_1080P, group="GOOD")

    with_upgrades = await _page(library, "cutoff")
    await change_profile(library, upgradeAllowed=False)
    without_upgrades = await _page(library, "cutoff")
    await change_profile(library, upgradeAllowed=True, formatItems=[])  # every file scores 0, below 10
    nothing_scores = await _page(library, "cutoff")

    assert _ids(with_upgrades) == [unscored]
    assert without_upgrades["totalRecords"] == 0
    assert nothing_scores["totalRecords"] == 2


BAD_PARAMS = [
    ({"page": 0}, "page"),
    ({"pageSize": -1}, "pageSize"),
    ({"sortDirection": "sideways"}, "sortDirection"),
    ({"monitored": "maybe"}, "monitored"),
    ({"page": "x"}, "page"),
]


@pytest.mark.parametrize("which", ["missing", "cutoff"])
async def test_bad_paging_is_radarrs_400_array(library: Library, which: str) -> None:
    for params, property_name in BAD_PARAMS:
        response = await library.server.client.get(f"/api/v3/wanted/{which}", params=params)

        assert response.status_code == 400, (params, response.text)
        [failure] = response.json()
        assert failure["propertyName"] == property_name
        assert failure["errorMessage"]
