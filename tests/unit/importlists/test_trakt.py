"""The Trakt lists' requests, compared with what Radarr's request generators and TraktProxy build from
the same settings, their validators, and what is read from Trakt's JSON."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reelarr.importlists.apps import TraktApp
from reelarr.importlists.base import ImportListFailed
from reelarr.importlists.model import ListItem
from reelarr.importlists.trakt_api import parse_movies, parse_token, trakt_headers
from reelarr.importlists.trakt_settings import (
    TraktListSettings,
    TraktPopularSettings,
    TraktUserSettings,
    list_path,
    popular_query,
    user_path,
)

SIGNED = {"access_token": "a", "refresh_token": "r", "expires": datetime(2030, 1, 1, tzinfo=UTC)}
MATRIX = {
    "title": "The Matrix",
    "year": 1999,
    "ids": {"trakt": 481, "slug": "the-matrix-1999", "imdb": "tt0133093", "tmdb": 603},
}


def test_every_request_carries_radarrs_trakt_headers() -> None:
    app = TraktApp(client_id="cid", client_secret="secret")
    assert trakt_headers(app, " token ") == {
        "Accept": "application/json",
        "trakt-api-version": "2",
        "trakt-api-key": "cid",
        "Authorization": "Bearer token",
    }
    assert "Authorization" not in trakt_headers(app, "")


@pytest.mark.parametrize(
    ("listname", "path"),
    [
        ("Best of the Matrix!", "users/bob/lists/best-of-the-matrix/items/movies?limit=100"),
        ("my__list", "users/bob/lists/my__list/items/movies?limit=100"),
        ("Sci-Fi  -- Classics", "users/bob/lists/sci-fi-classics/items/movies?limit=100"),
        ("Amélie & co", "users/bob/lists/amelie-co/items/movies?limit=100"),
    ],
)
def test_a_list_is_read_by_its_name_slugged_as_trakt_slugs_it(listname: str, path: str) -> None:
    assert list_path(TraktListSettings(username=" bob ", listname=listname, **SIGNED)) == path


@pytest.mark.parametrize(
    ("list_type", "prefix"),
    [
        (0, "movies/trending"),
        (1, "movies/popular"),
        (2, "movies/anticipated"),
        (3, "movies/boxoffice"),
        (4, "movies/watched/weekly"),
        (5, "movies/watched/monthly"),
        (7, "movies/watched/all"),
        (8, "movies/recommended/weekly"),
        (9, "movies/recommended/monthly"),
        (11, "movies/recommended/all"),
    ],
)
def test_a_popular_list_sends_every_filter_lower_cased_and_the_extra_parameters(
    list_type: int, prefix: str
) -> None:
    settings = TraktPopularSettings(
        trakt_list_type=list_type,
        genres="Action,Sci-Fi",
        years="1999-2003",
        limit=20,
        trakt_additional_parameters="&languages=en",
        **SIGNED,
    )
    assert popular_query(settings) == (
        f"{prefix}?years=1999-2003&genres=action,sci-fi&ratings=0-100"
        "&certifications=nr,g,pg,pg-13,r,nc-17&limit=20&languages=en"
    )


@pytest.mark.parametrize(
    ("list_type", "sorting", "username", "path"),
    [
        (0, 0, "", "users/ann/watchlist/movies/rank?limit=100"),
        (0, 1, "", "users/ann/watchlist/movies/added?limit=100"),
        (0, 2, "bob", "users/bob/watchlist/movies/title?limit=100"),
        (0, 3, "", "users/ann/watchlist/movies/released?limit=100"),
        (1, 3, "", "users/ann/watched/movies?limit=100"),
        (2, 0, "bob", "users/bob/collection/movies?limit=100"),
    ],
)
def test_a_user_list_reads_the_named_user_or_the_one_who_signed_in(
    list_type: int, sorting: int, username: str, path: str
) -> None:
    settings = TraktUserSettings(
        trakt_list_type=list_type, trakt_watch_sorting=sorting, username=username, auth_user="ann", **SIGNED
    )
    assert user_path(settings) == path


def test_a_list_without_a_sign_in_is_refused_as_radarr_refuses_it() -> None:
    failures = TraktListSettings(username="bob", listname="x").check()
    assert [(f.property_name, f.error_message) for f in failures] == [
        ("signIn", "Must authenticate with Trakt")
    ]
    no_expiry = TraktListSettings(username="bob", listname="x", access_token="a", refresh_token="r").check()
    assert [f.property_name for f in no_expiry] == ["signIn"]


@pytest.mark.parametrize(
    ("changes", "property_name"),
    [
        ({"trakt_list_type": 6}, "traktListType"),
        ({"trakt_list_type": 10}, "traktListType"),
        ({"rating": "high"}, "rating"),
        ({"certification": "X"}, "certification"),
        ({"years": "90s"}, "years"),
        ({"limit": 0}, "limit"),
    ],
)
def test_popular_settings_radarr_refuses_are_refused(changes: dict[str, object], property_name: str) -> None:
    failures = TraktPopularSettings.model_validate({**SIGNED, **changes}).check()
    assert [f.property_name for f in failures] == [property_name]


def test_a_user_list_needs_the_user_who_signed_in() -> None:
    assert [f.property_name for f in TraktUserSettings(**SIGNED).check()] == ["authUser"]
    assert TraktUserSettings(auth_user="ann", **SIGNED).check() == []


def test_list_items_give_their_movies_and_leave_shows_out() -> None:
    body = [
        {"rank": 1, "type": "movie", "movie": MATRIX},
        {"rank": 2, "type": "show", "show": {"title": "Severance", "ids": {"tvdb": 371980}}},
        {"watchers": 3, "movie": {"title": "No ids", "year": None, "ids": {"trakt": 9}}},
    ]
    assert parse_movies(body) == [
        ListItem(title="The Matrix", year=1999, tmdb_id=603, imdb_id="tt0133093"),
        ListItem(title="No ids", year=0),
    ]


def test_the_popular_chart_gives_bare_movies() -> None:
    assert parse_movies([MATRIX], bare=True) == [ListItem("The Matrix", 1999, 603, "tt0133093")]


def test_an_answer_that_is_not_a_list_fails_the_fetch() -> None:
    with pytest.raises(ImportListFailed):
        parse_movies({"error": "not found"})


def test_a_token_answer_runs_out_after_its_expires_in() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    token = parse_token({"access_token": "a", "refresh_token": "r", "expires_in": 7776000}, now)
    assert (token.access_token, token.refresh_token, token.expires) == ("a", "r", now + timedelta(days=90))
    with pytest.raises(ImportListFailed):
        parse_token({"error": "invalid_grant"}, now)


def test_an_expiry_sent_without_an_offset_is_utc() -> None:
    settings = TraktListSettings.model_validate({"expires": "2030-01-01T00:00:00"})
    assert settings.expires == datetime(2030, 1, 1, tzinfo=UTC)
