"""PlexImport: the watchlist query, compared with what Radarr's PlexTvService.GetWatchlist builds, its
validator, and what is read from the discover provider's JSON; the token kept out of log lines."""

from __future__ import annotations

import pytest

from reelarr import RADARR_VERSION
from reelarr.importlists.base import ImportListFailed
from reelarr.importlists.model import ListItem
from reelarr.importlists.plex import PlexListSettings, parse_watchlist_page, watchlist_params
from reelarr.observability.redact import redact


def test_a_page_is_asked_for_as_radarr_asks_for_it() -> None:
    assert watchlist_params("cid", " tok ", 200) == {
        "clientID": "cid",
        "context[device][product]": "Reelarr",
        "context[device][platform]": "Windows",
        "context[device][platformVersion]": "7",
        "context[device][version]": RADARR_VERSION,
        "includeFields": "title,type,year,ratingKey",
        "excludeElements": "Image",
        "includeGuids": "1",
        "sort": "watchlistedAt:desc",
        "type": "1",
        "X-Plex-Container-Size": "100",
        "X-Plex-Container-Start": "200",
        "X-Plex-Token": "tok",
    }


def test_films_are_named_by_their_tmdb_and_imdb_guids() -> None:
    body = {
        "MediaContainer": {
            "size": 2,
            "Metadata": [
                {
                    "ratingKey": "5d77",
                    "title": "Inception",
                    "type": "movie",
                    "year": 2010,
                    "Guid": [{"id": "imdb://tt1375666"}, {"id": "tmdb://27205"}, {"id": "tvdb://1"}],
                },
                {
                    "ratingKey": "5d78",
                    "title": "Only IMDb",
                    "year": 2001,
                    "Guid": [{"id": "imdb://tt0211915"}],
                },
            ],
        }
    }
    assert parse_watchlist_page(body) == [
        ListItem(title="Inception", year=2010, tmdb_id=27205, imdb_id="tt1375666"),
        ListItem(title="Only IMDb", year=2001, imdb_id="tt0211915"),
    ]


def test_a_page_past_the_end_has_no_films() -> None:
    assert parse_watchlist_page({"MediaContainer": {"size": 0, "offset": 100}}) == []


def test_an_answer_that_is_not_a_media_container_fails_the_fetch() -> None:
    with pytest.raises(ImportListFailed):
        parse_watchlist_page({"errors": [{"code": 1001}]})


def test_a_list_without_a_sign_in_is_refused() -> None:
    assert [f.property_name for f in PlexListSettings().check()] == ["signIn"]
    assert PlexListSettings(access_token="tok").check() == []


def test_the_token_in_a_logged_address_is_removed() -> None:
    line = 'HTTP Request: GET https://discover.provider.plex.tv/x?type=1&X-Plex-Token=secret123 "200 OK"'
    assert "secret123" not in redact(line)
