"""Rules applied as Radarr applies them: when a film is added, changed and refreshed, adding a
matching rule's tags and, with removeTagsAutomatically, taking them off (both databases)."""

from __future__ import annotations

from tests.integration.autotagging.conftest import HD_1080P, ULTRA_HD, Films, spec
from tests.support.waiting import eventually

MATRIX = 603  # Action, Science Fiction; 1999; English; 136 minutes
FIGHT_CLUB = 550


async def test_a_film_added_gets_the_tags_of_the_rules_it_meets(films: Films) -> None:
    scifi = await films.tag("scifi")
    long = await films.tag("long")
    await films.rule("Sci-fi", [scifi], spec("GenreSpecification", value=["science fiction"]))
    await films.rule(
        "Long English",
        [long],
        spec("RuntimeSpecification", min=120, max=400),
        spec("OriginalLanguageSpecification", value=1),
    )
    matrix = await films.add(MATRIX)
    fight_club = await films.add(FIGHT_CLUB)
    assert sorted(matrix["tags"]) == sorted([scifi, long])
    assert scifi not in fight_club["tags"]
    assert (await films.movie(matrix["id"]))["tags"] == matrix["tags"]


async def test_conditions_of_one_type_need_one_match_and_every_required_one(films: Films) -> None:
    a = await films.tag("a")
    b = await films.tag("b")
    # Either year range will do for "a"; "b" also requires a keyword the film does not have.
    await films.rule(
        "Any decade",
        [a],
        spec("YearSpecification", "Eighties", min=1980, max=1989),
        spec("YearSpecification", "Nineties", min=1990, max=1999),
    )
    await films.rule(
        "Required keyword",
        [b],
        spec("KeywordSpecification", "Cyberpunk", value=["cyberpunk"]),
        spec("KeywordSpecification", "Western", required=True, value=["western"]),
    )
    matrix = await films.add(MATRIX)
    assert matrix["tags"] == [a]


async def test_a_negated_condition_and_tags_given_when_added(films: Films) -> None:
    mine = await films.tag("mine")
    marked = await films.tag("marked")
    await films.rule("Not tagged mine", [marked], spec("TagSpecification", negate=True, value=mine))
    tagged = await films.add(MATRIX, tags=[mine])
    untagged = await films.add(FIGHT_CLUB)
    assert tagged["tags"] == [mine]
    assert untagged["tags"] == [marked]


async def test_changing_a_film_adds_and_removes_tags_as_the_rules_say(films: Films) -> None:
    client = films.server.client
    uhd = await films.tag("uhd")
    sticky = await films.tag("sticky")
    await films.rule("Ultra-HD", [uhd], spec("QualityProfileSpecification", value=ULTRA_HD), remove=True)
    await films.rule("Ultra-HD sticky", [sticky], spec("QualityProfileSpecification", value=ULTRA_HD))
    matrix = await films.add(MATRIX)
    assert matrix["tags"] == []

    response = await client.put(
        f"/api/v3/movie/{matrix['id']}", json={**matrix, "qualityProfileId": ULTRA_HD}
    )
    assert response.status_code == 202, response.text
    assert sorted(response.json()["tags"]) == sorted([uhd, sticky])

    changed = await films.movie(matrix["id"])
    response = await client.put(
        f"/api/v3/movie/{matrix['id']}", json={**changed, "qualityProfileId": HD_1080P}
    )
    assert response.status_code == 202, response.text
    # Only the rule that removes automatically takes its tag off.
    assert response.json()["tags"] == [sticky]
    assert (await films.movie(matrix["id"]))["tags"] == [sticky]


async def test_the_movie_editor_applies_the_rules_too(films: Films) -> None:
    client = films.server.client
    unwatched = await films.tag("unmonitored")
    await films.rule("Unmonitored", [unwatched], spec("MonitoredSpecification", negate=True), remove=True)
    matrix = await films.add(MATRIX)
    response = await client.put("/api/v3/movie/editor", json={"movieIds": [matrix["id"]], "monitored": False})
    assert response.status_code == 202, response.text
    assert (await films.movie(matrix["id"]))["tags"] == [unwatched]
    response = await client.put("/api/v3/movie/editor", json={"movieIds": [matrix["id"]], "monitored": True})
    assert response.status_code == 202, response.text
    assert (await films.movie(matrix["id"]))["tags"] == []


async def test_a_refresh_applies_a_rule_made_after_the_film_was_added(films: Films) -> None:
    client = films.server.client
    matrix = await films.add(MATRIX)
    warner = await films.tag("warner")
    await films.rule("Studio", [warner], spec("StudioSpecification", value=["village roadshow pictures"]))
    response = await client.post("/api/v3/command", json={"name": "RefreshMovie", "movieIds": [matrix["id"]]})
    assert response.status_code == 201, response.text

    async def tagged() -> bool:
        return (await films.movie(matrix["id"]))["tags"] == [warner]

    await eventually(tagged, within=30)
