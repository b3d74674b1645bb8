"""IMDbListImport: the list ids it reads, and the films of IMDb's CSV list export."""

from __future__ import annotations

import pytest

from reelarr.importlists.base import ImportListFailed
from reelarr.importlists.imdb import IMDbListSettings, parse_export
from reelarr.importlists.model import ListItem

OLD_EXPORT = (
    "Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,"
    "Genres,Num Votes,Release Date,Directors\n"
    "1,tt0133093,2020-01-01,2020-01-01,,The Matrix,https://www.imdb.com/title/tt0133093/,movie,8.7,136,1999,"
    '"Action, Sci-Fi",1900000,1999-03-24,"Lana Wachowski, Lilly Wachowski"\n'
    "2,tt0944947,2020-01-01,2020-01-01,,Game of Thrones,https://www.imdb.com/title/tt0944947/,tvSeries,"
    "9.2,57,2011,Drama,2000000,2011-04-17,\n"
    '3,tt0211915,2020-01-01,2020-01-01,,"Amélie, the film",https://www.imdb.com/title/tt0211915/,movie,'
    "8.3,122,,Comedy,700000,2001-04-25,Jean-Pierre Jeunet\n"
)


def test_an_export_gives_its_films_by_imdb_id_title_and_year_without_series() -> None:
    assert parse_export(OLD_EXPORT) == [
        ListItem(title="The Matrix", year=1999, imdb_id="tt0133093"),
        ListItem(title="Amélie, the film", year=0, imdb_id="tt0211915"),
    ]


def test_columns_are_read_by_their_header_whatever_their_order_and_a_bom() -> None:
    text = (
        "\ufeffConst,Year,Title Type,Title\r\n"
        "tt0816692,2014,Movie,Interstellar\r\n"
        "tt0903747,2008,TV Series,Breaking Bad\r\n"
    )
    assert parse_export(text) == [ListItem(title="Interstellar", year=2014, imdb_id="tt0816692")]


def test_a_page_that_is_not_an_export_fails_the_fetch() -> None:
    with pytest.raises(ImportListFailed):
        parse_export("<html><body>Sign in</body></html>")


@pytest.mark.parametrize(
    ("list_id", "valid"),
    [
        ("ls012345678", True),
        (" ls1 ", True),
        ("top250", False),
        ("popular", False),
        ("ur12345678", False),
        ("", False),
    ],
)
def test_only_lists_by_their_ls_id_are_accepted(list_id: str, valid: bool) -> None:
    assert (IMDbListSettings(list_id=list_id).check() == []) is valid
