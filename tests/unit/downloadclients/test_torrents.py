import contextlib
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reelarr.downloadclients.torrents import InvalidTorrent, torrent_info_hash
from tests.support.torrentfiles import bencode, make_torrent, random_content


def test_the_info_hash_is_the_sha1_of_the_info_dictionary_as_written() -> None:
    torrent, expected = make_torrent("Film.2020.1080p.mkv", random_content())
    info = bencode({"length": 32768, "name": "Film.2020.1080p.mkv", "piece length": 16384, "pieces": b""})
    assert torrent_info_hash(torrent) == expected
    assert len(torrent_info_hash(torrent)) == 40
    assert torrent_info_hash(torrent) != hashlib.sha1(info).hexdigest().upper()  # the pieces count


def test_keys_after_info_and_unsorted_bytes_are_hashed_as_they_are() -> None:
    info = b"d6:lengthi5e4:name1:ae"
    torrent = b"d4:info" + info + b"8:url-listl5:http:ee"
    assert torrent_info_hash(torrent) == hashlib.sha1(info).hexdigest().upper()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<html>login</html>",
        b"d8:announce0:e",  # no info
        b"d4:infoi1ee",  # info not a dictionary
        b"d4:infod6:lengthi5e",  # truncated
        b"d4:infod6:lengthi5eee" + b"junk",
        b"d4:infod6:length99999999:ee",
        b"d" * 200 + b"e" * 200,
        b"di1ei2ee",  # a key that is not a string
    ],
)
def test_what_is_not_a_torrent_is_refused(data: bytes) -> None:
    with pytest.raises(InvalidTorrent):
        torrent_info_hash(data)


@given(st.binary(max_size=300))
def test_any_bytes_give_a_hash_or_invalid_torrent(data: bytes) -> None:
    with contextlib.suppress(InvalidTorrent):
        torrent_info_hash(b"d4:info" + data)
