"""/api/v3/parse with a library: the title names a movie, whose profile scores the formats it matches."""

from __future__ import annotations

from typing import Any

from tests.integration.movies.conftest import Library

HD_1080P = 4


async def _format(library: Library, name: str, implementation: str, **fields: Any) -> int:
    body = {
        "name": name,
        "specifications": [
            {
                "name": name,
                "implementation": implementation,
                "fields": [{"name": key, "value": value} for key, value in fields.items()],
            }
        ],
    }
    response = await library.server.client.post("/api/v3/customformat", json=body)
    assert response.status_code == 201, response.text
    format_id: int = response.json()["id"]
    return format_id


async def _score(library: Library, scores: dict[int, int]) -> None:
    client = library.server.client
    profile = (await client.get(f"/api/v3/qualityprofile/{HD_1080P}")).json()
    profile["formatItems"] = [
        {**item, "score": scores.get(item["format"], 0)} for item in profile["formatItems"]
    ]
    profile["minFormatScore"] = -100000
    response = await client.put(f"/api/v3/qualityprofile/{HD_1080P}", json=profile)
    assert response.status_code == 202, response.text


async def test_the_movies_profile_scores_the_formats_and_its_original_language_counts(
    library: Library,
) -> None:
    client = library.server.client
    added = await client.post(
        "/api/v3/movie",
        json={
            "tmdbId": 603,
            "qualityProfileId": HD_1080P,
            "rootFolderPath": str(library.root),
            "title": "The Matrix",
        },
    )
    assert added.status_code == 201, added.text
    x265 = await _format(library, "x265", "ReleaseTitleSpecification", value=r"\bx265\b")
    not_original = await _format(
        library, "Not Original", "LanguageSpecification", value=-2, exceptLanguage=True
    )
    await _score(library, {x265: 50, not_original: -10000})

    english = (
        await client.get("/api/v3/parse", params={"title": "The.Matrix.1999.1080p.BluRay.x265-GRP"})
    ).json()
    assert english["movie"]["tmdbId"] == 603
    assert english["languages"] == [{"id": 1, "name": "English"}], "no language in the title: the original's"
    assert [f["name"] for f in english["customFormats"]] == ["x265"]
    assert english["customFormatScore"] == 50

    french = (
        await client.get("/api/v3/parse", params={"title": "The.Matrix.1999.FRENCH.1080p.BluRay.x265-GRP"})
    ).json()
    assert [f["name"] for f in french["customFormats"]] == ["Not Original", "x265"]
    assert french["customFormatScore"] == 50 - 10000
