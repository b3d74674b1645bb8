"""The import lists' root folder check: which folders are missing, said in Radarr's words."""

from __future__ import annotations

from reelarr.importlists.health import lists_missing_roots, lists_missing_roots_message


def test_a_root_folder_that_is_not_the_librarys_or_not_on_disk_is_missing_with_each_of_its_lists() -> None:
    lists = [
        ("Trending", "/movies"),
        ("Watchlist", "/gone"),
        ("Kids", "/unplugged"),
        ("Friends", "/gone"),
        ("Blank", ""),
    ]

    missing = lists_missing_roots(lists, ["/movies", "/unplugged/", "/gone"], existing={"/movies", "/gone"})

    assert missing == {"/unplugged": ["Kids"], "": ["Blank"]}
    not_the_librarys = lists_missing_roots(lists[:2], ["/movies"], existing={"/movies", "/gone"})
    assert not_the_librarys == {"/gone": ["Watchlist"]}


def test_the_message_names_each_folder_with_its_lists() -> None:
    assert lists_missing_roots_message({}) is None
    assert lists_missing_roots_message({"/gone": ["Watchlist", "Friends"]}) == (
        "Missing root folder for import list(s): /gone (Watchlist, Friends)"
    )
    assert lists_missing_roots_message({"/a": ["Trending"], "/b": ["Kids"]}) == (
        "Multiple root folders are missing for import lists: /a (Trending) | /b (Kids)"
    )
