"""SimklUserImport: its request, compared with what Radarr's SimklUserRequestGenerator builds, its
validator, and what is read from Simkl's all-items JSON."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reelarr.importlists.apps import SimklApp
from reelarr.importlists.base import ImportListFailed
from reelarr.importlists.model import ListItem
from reelarr.importlists.simkl import SimklUserSettings, list_url, parse_items, simkl_headers
from reelarr.providers.schema import field_mappings

APP = SimklApp(api_url="https://api.simkl.com", client_id="cid")


@pytest.mark.parametrize(
    ("list_type", "status"),
    [(0, "watching"), (1, "plantowatch"), (2, "hold"), (3, "completed"), (4, "dropped")],
)
def test_each_list_type_reads_its_status_named_as_radarrs_enum(list_type: int, status: str) -> None:
    settings = SimklUserSettings(access_token="t", list_type=list_type)
    assert list_url(APP, settings) == f"https://api.simkl.com/sync/all-items/movies/{status}"


def test_requests_carry_the_client_id_and_the_bearer_token() -> None:
    assert simkl_headers(APP, "t") == {
        "Accept": "application/json",
        "simkl-api-key": "cid",
        "Authorization": "Bearer t",
    }
    assert "Authorization" not in simkl_headers(APP, " ")


def test_the_fields_are_radarrs_in_radarrs_order() -> None:
    names = [m.name for m in field_mappings(SimklUserSettings)]
    assert names == ["accessToken", "refreshToken", "expires", "authUser", "listType", "signIn"]


def test_a_list_without_a_sign_in_is_refused_and_a_token_without_refresh_needs_no_expiry() -> None:
    assert [f.property_name for f in SimklUserSettings().check()] == ["signIn"]
    assert SimklUserSettings(access_token="t").check() == []
    assert [f.property_name for f in SimklUserSettings(access_token="t", refresh_token="r").check()] == [
        "signIn"
    ]
    dated = SimklUserSettings(access_token="t", refresh_token="r", expires=datetime(2030, 1, 1, tzinfo=UTC))
    assert dated.check() == []


def test_all_items_give_their_films_with_the_tmdb_id_read_from_a_string() -> None:
    body = {
        "movies": [
            {
                "status": "plantowatch",
                "movie": {
                    "title": "Parasite",
                    "year": 2019,
                    "ids": {"simkl": 1, "imdb": "tt6751668", "tmdb": "496243"},
                },
            },
            {
                "status": "plantowatch",
                "movie": {"title": "No TMDB", "year": 2001, "ids": {"simkl": 2, "tmdb": "n/a"}},
            },
            {"status": "plantowatch", "show": {"title": "A show"}},
        ]
    }
    assert parse_items(body) == [
        ListItem(title="Parasite", year=2019, tmdb_id=496243, imdb_id="tt6751668"),
        ListItem(title="No TMDB", year=2001),
    ]


@pytest.mark.parametrize("body", [None, [], {}])
def test_an_empty_list_answers_nothing(body: object) -> None:
    assert parse_items(body) == []


def test_an_answer_that_is_not_a_list_of_movies_fails_the_fetch() -> None:
    with pytest.raises(ImportListFailed):
        parse_items({"movies": "none"})
