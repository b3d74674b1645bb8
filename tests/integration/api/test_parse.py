"""/api/v3/parse answers in Radarr's ParseResource shape."""

from __future__ import annotations

from tests.support.live import LiveServer


async def test_release_title_is_parsed(server: LiveServer) -> None:
    title = "The.Matrix.1999.Directors.Cut.2160p.UHD.BluRay.REMUX.HDR.HEVC.DTS-HD.MA.5.1.PROPER-GROUP"
    response = await server.client.get("/api/v3/parse", params={"title": title})
    assert response.status_code == 200
    body = response.json()
    info = body["parsedMovieInfo"]
    assert body["title"] == title
    assert info["movieTitles"] == ["The Matrix"]
    assert info["year"] == 1999
    assert info["edition"] == "Directors Cut"
    assert info["releaseGroup"] == "GROUP"
    assert info["quality"]["quality"]["name"] == "Remux-2160p"
    assert info["quality"]["revision"] == {"version": 2, "real": 0, "isRepack": False}
    assert body["customFormats"] == []


async def test_title_that_is_not_a_release_answers_with_the_title_alone(server: LiveServer) -> None:
    body = (
        await server.client.get("/api/v3/parse", params={"TITLE": "76El6LcgLzqb426WoVFg1vVVVGx4uCYopQkfjmLe"})
    ).json()
    assert body == {"title": "76El6LcgLzqb426WoVFg1vVVVGx4uCYopQkfjmLe"}


async def test_hostile_title_is_answered(server: LiveServer) -> None:
    response = await server.client.get("/api/v3/parse", params={"title": "[(" * 4000})
    assert response.status_code == 200
