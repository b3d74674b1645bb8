"""What each list reads from its answers: RSS items, another Radarr's films through its filters, TMDB
results."""

from __future__ import annotations

import pytest

from reelarr.importlists.base import ImportListFailed
from reelarr.importlists.couchpotato import parse_movie_list
from reelarr.importlists.model import ListItem
from reelarr.importlists.plex_rss import parse_watchlist
from reelarr.importlists.radarr import RadarrSettings, _wanted
from reelarr.importlists.rss import parse_feed
from reelarr.importlists.tmdb import film

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Watchlist</title>
<item><title>The Matrix (1999)</title><link>https://www.imdb.com/title/tt0133093/</link></item>
<item><title>Game of Thrones (2011 TV Series)</title><link>https://www.imdb.com/title/tt0944947/</link></item>
<item><title>Am&eacute;lie</title><link>https://www.imdb.com/title/tt0211915/</link></item>
</channel></rss>"""


def test_an_rss_feed_gives_its_films_by_title_year_and_imdb_id() -> None:
    items = parse_feed(FEED)
    assert items == [
        ListItem(title="The Matrix", year=1999, imdb_id="tt0133093"),
        ListItem(title="Amélie", year=0, imdb_id="tt0211915"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "<html><body>Down for maintenance",
        "{}",
        '<?xml version="1.0"?><feed/>',
        '<!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>',
    ],
)
def test_what_is_not_an_rss_feed_fails_the_list(text: str) -> None:
    with pytest.raises(ImportListFailed):
        parse_feed(text)


@pytest.mark.parametrize(
    ("filters", "wanted"),
    [
        ({}, True),
        ({"profile_ids": [4]}, False),
        ({"profile_ids": [1, 4]}, True),
        ({"tag_ids": [9]}, False),
        ({"tag_ids": [2, 9]}, True),
        ({"root_folder_paths": ["/anime"]}, False),
        ({"root_folder_paths": ["/MOVIES"]}, True),
    ],
)
def test_the_radarr_list_keeps_the_films_its_filters_allow(filters: dict[str, object], wanted: bool) -> None:
    settings = RadarrSettings(base_url="http://r:7878", api_key="k", **filters)
    movie = {"tmdbId": 603, "qualityProfileId": 1, "tags": [2, 3], "path": "/movies/The Matrix (1999)"}
    assert _wanted(movie, settings) is wanted


def test_a_tmdb_result_without_a_release_date_is_left_out() -> None:
    assert film({"id": 603, "title": "The Matrix", "release_date": "1999-03-31"}) == ListItem(
        title="The Matrix", year=1999, tmdb_id=603
    )
    assert film({"id": 604, "title": "Someday", "release_date": ""}) is None
    assert film({"title": "No id", "release_date": "1999-01-01"}) is None


def test_a_plex_watchlist_names_films_by_tmdb_or_imdb_guid_and_leaves_out_shows() -> None:
    feed = """<rss version="2.0"><channel>
    <item><title>The Matrix</title><category>movie</category><guid>tmdb://603</guid></item>
    <item><title>Fight Club</title><category>movie</category><guid>imdb://tt0137523</guid></item>
    <item><title>Severance</title><category>show</category><guid>tvdb://371980</guid></item>
    <item><title>No id</title><category>movie</category><guid>plex://movie/abc</guid></item>
    </channel></rss>"""
    assert parse_watchlist(feed) == [
        ListItem(title="The Matrix", tmdb_id=603),
        ListItem(title="Fight Club", imdb_id="tt0137523"),
    ]


def test_couchpotato_offers_the_films_it_still_wants() -> None:
    doc = {
        "total": 3,
        "movies": [
            {
                "type": "movie",
                "title": "The Matrix",
                "releases": [],
                "info": {"tmdb_id": 603, "imdb": "tt0133093"},
            },
            {"type": "movie", "title": "Amelie", "releases": [{"status": "done"}], "info": {"tmdb_id": 194}},
            {
                "type": "movie",
                "title": "Fight Club",
                "releases": [{"status": "snatched"}],
                "info": {"imdb": "tt0137523"},
            },
        ],
    }
    assert parse_movie_list(doc) == [
        ListItem(title="The Matrix", tmdb_id=603, imdb_id="tt0133093"),
        ListItem(title="Fight Club", imdb_id="tt0137523"),
    ]
    assert parse_movie_list({"total": 0, "movies": None}) == []
    with pytest.raises(ImportListFailed):
        parse_movie_list(["not", "an", "object"])
