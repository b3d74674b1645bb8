"""A query's pages are made as they are asked for, and read as a list of them would be."""

from __future__ import annotations

import pytest

from reelarr.indexers.requests import IndexerRequest, OffsetPages, RequestChain

BASE = "https://nab.test/api?t=movie&cat=2000"


def test_offset_pages_read_as_the_list_of_their_requests() -> None:
    pages = OffsetPages(BASE, 100, "&tmdbid=603", 30)
    listed = [IndexerRequest(f"{BASE}&offset={n * 100}&limit=100&tmdbid=603") for n in range(30)]
    assert len(pages) == 30
    assert list(pages) == listed
    assert pages[0] == listed[0]
    assert pages[-1] == listed[-1]
    assert pages[2:5] == listed[2:5]
    assert pages[::10] == listed[::10]
    with pytest.raises(IndexError):
        pages[30]


def test_a_chain_keeps_pages_as_they_are_and_skips_empty_queries() -> None:
    chain = RequestChain()
    pages = OffsetPages(BASE, 50, "", 30)
    chain.add(pages)
    chain.add(OffsetPages(BASE, 50, "", 0))
    chain.add(iter([IndexerRequest(BASE)]))
    assert chain.tiers == [[pages, [IndexerRequest(BASE)]]]
    assert chain.first() == IndexerRequest(f"{BASE}&offset=0&limit=50")
