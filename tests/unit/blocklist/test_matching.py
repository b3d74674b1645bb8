"""Radarr's BlocklistService.Blocklisted rules: which releases count as one already blocklisted."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from reelarr.blocklist.matching import is_blocklisted
from reelarr.blocklist.model import BlocklistEntry
from reelarr.protocols import DownloadProtocol
from reelarr.quality.revision import QualityModel
from tests.unit.decisions.builders import NOW, TITLE, release

MB = 1024**2
HASH = "ABCDEF0123456789ABCDEF0123456789ABCDEF01"
PUBLISHED = NOW - timedelta(days=2)


def entry(**changes: Any) -> BlocklistEntry:
    """A torrent of 8 GB from the Fixture indexer, blocklisted with its info hash."""
    values: dict[str, Any] = {
        "id": 1,
        "movie_id": 1,
        "source_title": TITLE,
        "quality": QualityModel(),
        "date": NOW,
        "protocol": DownloadProtocol.TORRENT,
        "published_date": PUBLISHED,
        "size": 8 * 1024**3,
        "indexer": "Fixture",
        "torrent_info_hash": HASH,
    }
    values.update(changes)
    return BlocklistEntry(**values)


def nzb(**changes: Any) -> BlocklistEntry:
    return entry(protocol=DownloadProtocol.USENET, torrent_info_hash=None, **changes)


def usenet_release(**changes: Any) -> Any:
    return release(protocol=DownloadProtocol.USENET, seeders=None, peers=None, **changes)


def test_nothing_blocklisted_blocks_nothing() -> None:
    assert not is_blocklisted([], release(info_hash=HASH))


@pytest.mark.parametrize("info_hash", [HASH, HASH.lower()])
def test_a_torrent_with_the_same_info_hash_is_blocked_whatever_its_title(info_hash: str) -> None:
    assert is_blocklisted([entry()], release("Another.Title.2020.1080p.WEB-DL-X", info_hash=info_hash))


def test_a_torrent_with_another_info_hash_passes_even_under_the_same_title() -> None:
    assert not is_blocklisted([entry()], release(info_hash="0" * 40))


def test_a_torrent_with_a_hash_passes_an_entry_kept_without_one() -> None:
    assert not is_blocklisted([entry(torrent_info_hash=None)], release(info_hash=HASH))


def test_a_torrent_without_a_hash_is_matched_by_title_and_indexer() -> None:
    assert is_blocklisted([entry()], release(info_hash=None))
    assert is_blocklisted([entry()], release(info_hash=None, indexer="FIXTURE"))
    assert not is_blocklisted([entry()], release(info_hash=None, indexer="Other"))
    assert not is_blocklisted([entry()], release("The.Matrix.1999.720p.BluRay.x264-GRP", info_hash=None))


def test_an_entry_of_no_indexer_matches_a_torrent_from_any() -> None:
    assert is_blocklisted([entry(indexer=None)], release(info_hash=None, indexer="Other"))


def test_the_title_is_found_inside_the_blocklisted_one_ignoring_case() -> None:
    longer = entry(source_title=f"[tracker] {TITLE.upper()}.mkv")
    assert is_blocklisted([longer], release(info_hash=None))


def test_a_torrent_entry_does_not_block_a_usenet_release_of_the_same_title() -> None:
    assert not is_blocklisted([entry()], usenet_release())


def test_a_usenet_release_with_the_same_published_date_is_blocked() -> None:
    assert is_blocklisted([nzb()], usenet_release())
    assert is_blocklisted([nzb()], usenet_release(indexer="Other", size=1))


def test_a_usenet_release_posted_again_elsewhere_is_blocked_within_the_slack() -> None:
    again = usenet_release(
        indexer="Other", publish_date=PUBLISHED + timedelta(minutes=2), size=8 * 1024**3 + 2 * MB
    )
    assert is_blocklisted([nzb()], again)
    assert not is_blocklisted([nzb()], replace(again, publish_date=PUBLISHED + timedelta(minutes=3)))
    assert not is_blocklisted([nzb()], replace(again, size=8 * 1024**3 + 3 * MB))


def test_a_usenet_release_of_the_same_indexer_at_another_date_passes() -> None:
    # Radarr's rule: the same indexer posting it again at another time is a new post.
    assert not is_blocklisted([nzb()], usenet_release(publish_date=PUBLISHED + timedelta(minutes=1)))


def test_an_entry_without_date_or_size_blocks_the_title_from_another_indexer() -> None:
    loose = nzb(published_date=None, size=None)
    assert is_blocklisted([loose], usenet_release(indexer="Other"))
    assert not is_blocklisted([loose], usenet_release())
