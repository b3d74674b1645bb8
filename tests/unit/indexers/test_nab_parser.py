"""Newznab and Torznab feeds to releases: every attribute Radarr reads, and every refusal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reelarr.indexers.errors import (
    ApiKeyInvalid,
    IndexerError,
    RequestLimitReached,
    UnsafeFeed,
    UnsupportedFeed,
)
from reelarr.indexers.newznab.parser import NewznabParser, TorznabParser
from reelarr.indexers.requests import IndexerRequest, IndexerResponse
from reelarr.indexers.rss import Stamp
from reelarr.releases.model import DownloadProtocol, IndexerFlags, Release
from tests.fixtures.indexers.faults import BAD_XML, LOGIN_PAGE, XML_BOMB, XML_EXTERNAL_ENTITY
from tests.fixtures.indexers.newznab import NabSite, error_document, feed_document
from tests.fixtures.indexers.releases import GB, FixtureRelease

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
BASE = "http://indexer.test/site"
URL = f"{BASE}/api?t=movie&apikey=key"
TORRENT = Stamp(7, "Fixture", DownloadProtocol.TORRENT, 10)
USENET = Stamp(8, "Usenet", DownloadProtocol.USENET)


def _response(
    body: str | bytes, *, status: int = 200, content_type: str = "application/rss+xml", url: str = URL
) -> IndexerResponse:
    data = body.encode() if isinstance(body, str) else body
    return IndexerResponse(IndexerRequest(url), status, content_type, data)


def _feed(kind: str, *releases: FixtureRelease) -> IndexerResponse:
    site = NabSite(kind, releases=list(releases))
    return _response(feed_document(site, BASE, {"t": "movie"}, NOW))


def _torznab(release: FixtureRelease) -> Release:
    (parsed,) = TorznabParser().parse(_feed("torznab", release), TORRENT)
    return parsed


MATRIX = FixtureRelease(
    "The.Matrix.1999.2160p.UHD.BluRay.REMUX-GRP",
    60 * GB,
    timedelta(hours=5),
    (2000, 2045),
    133093,
    603,
    seeders=40,
    leechers=10,
    upload_factor=2.0,
    tags=("internal",),
    minimum_ratio=1.0,
    minimum_seed_time=172800,
    languages=("English",),
)


def test_a_torznab_item_gives_every_attribute_radarr_reads() -> None:
    release = _torznab(MATRIX)
    assert release.title == MATRIX.title
    assert release.guid == f"{BASE}/details/{MATRIX.id}"
    assert release.download_url == f"{BASE}/dl/{MATRIX.id}.torrent?apikey=fixturekey0123456789"
    assert release.info_url == f"{BASE}/details/{MATRIX.id}"
    assert release.comment_url == f"{BASE}/details/{MATRIX.id}#comments"
    assert release.publish_date == NOW - timedelta(hours=5)
    assert release.size == 60 * GB
    assert (release.seeders, release.peers) == (40, 50)
    assert release.info_hash == MATRIX.info_hash
    assert release.magnet_url is not None
    assert release.magnet_url.startswith(f"magnet:?xt=urn:btih:{MATRIX.info_hash}")
    assert (release.download_volume_factor, release.upload_volume_factor) == (1.0, 2.0)
    assert (release.minimum_ratio, release.minimum_seed_time) == (1.0, 172800)
    assert (release.imdb_id, release.tmdb_id) == ("tt0133093", 603)
    assert release.indexer_flags == IndexerFlags.G_DOUBLE_UPLOAD | IndexerFlags.G_INTERNAL
    assert release.categories == (2000, 2045)
    assert release.languages == (1,)
    assert (release.indexer_id, release.indexer, release.protocol, release.indexer_priority) == (
        7,
        "Fixture",
        DownloadProtocol.TORRENT,
        10,
    )


@pytest.mark.parametrize(
    ("download", "upload", "flags"),
    [
        (0.0, 1.0, IndexerFlags.G_FREELEECH),
        (0.5, 1.0, IndexerFlags.G_HALFLEECH),
        (0.25, 1.0, IndexerFlags.G_FREELEECH75),
        (0.75, 1.0, IndexerFlags.G_FREELEECH25),
        (1.0, 2.0, IndexerFlags.G_DOUBLE_UPLOAD),
        (0.0, 2.0, IndexerFlags.G_FREELEECH | IndexerFlags.G_DOUBLE_UPLOAD),
        (1.0, 1.0, IndexerFlags(0)),
    ],
)
def test_volume_factors_become_radarrs_flags(download: float, upload: float, flags: IndexerFlags) -> None:
    release = FixtureRelease(
        "Film.2020.1080p-GRP", GB, timedelta(hours=1), download_factor=download, upload_factor=upload
    )
    assert _torznab(release).indexer_flags == flags


def test_a_scene_tag_is_the_scene_flag() -> None:
    release = FixtureRelease("Film.2020.1080p-GRP", GB, timedelta(hours=1), tags=("Scene",))
    assert _torznab(release).indexer_flags == IndexerFlags.G_SCENE


def test_a_newznab_item_reads_usenet_date_flags_and_languages() -> None:
    release = FixtureRelease(
        "Film.2020.MULTi.1080p-GRP",
        3 * GB,
        timedelta(days=3),
        (2000, 2010),
        1375666,
        27205,
        prematch=True,
        nuked=True,
        languages=("English, French",),
    )
    (parsed,) = NewznabParser().parse(_feed("newznab", release), USENET)
    assert parsed.protocol == DownloadProtocol.USENET
    assert parsed.download_url == f"{BASE}/getnzb/{release.id}.nzb?apikey=fixturekey0123456789"
    assert parsed.publish_date == NOW - timedelta(days=3)
    assert parsed.age_days(NOW) == 3
    assert parsed.size == 3 * GB
    assert parsed.indexer_flags == IndexerFlags.G_SCENE | IndexerFlags.NUKED
    assert parsed.languages == (1, 2)
    assert parsed.seeders is None
    assert (parsed.imdb_id, parsed.tmdb_id) == ("tt1375666", 27205)


def test_relative_links_are_read_against_the_feed_address() -> None:
    feed = """<rss version="2.0"><channel><item><title>Film.2020.720p-G</title><guid>a</guid>
    <pubDate>Mon, 01 Jun 2026 10:00:00 +0000</pubDate><comments>/details/1#comments</comments>
    <enclosure url="/getnzb/1.nzb" length="100" type="application/x-nzb"/></item></channel></rss>"""
    (parsed,) = NewznabParser().parse(_response(feed), USENET)
    assert parsed.download_url == "http://indexer.test/getnzb/1.nzb"
    assert parsed.info_url == "http://indexer.test/details/1"


def test_a_feed_without_publish_dates_is_not_supported() -> None:
    feed = "<rss><channel><item><title>A</title><link>http://x.test/a.torrent</link></item></channel></rss>"
    with pytest.raises(UnsupportedFeed, match="pubDate"):
        TorznabParser().parse(_response(feed), TORRENT)


def test_an_item_with_an_unreadable_date_is_skipped_and_the_rest_kept() -> None:
    feed = """<rss><channel>
    <item><title>Bad</title><guid>1</guid><pubDate>not a date</pubDate>
      <enclosure url="http://x.test/1.torrent" length="1" type="application/x-bittorrent"/></item>
    <item><title>Good</title><guid>2</guid><pubDate>Mon, 01 Jun 2026 10:00:00 +0000</pubDate>
      <enclosure url="http://x.test/2.torrent" length="1" type="application/x-bittorrent"/></item>
    </channel></rss>"""
    assert [r.title for r in TorznabParser().parse(_response(feed), TORRENT)] == ["Good"]


@pytest.mark.parametrize(
    ("code", "description", "error", "message"),
    [
        (100, "Incorrect user credentials", ApiKeyInvalid, "Incorrect user credentials"),
        (101, "Account suspended", ApiKeyInvalid, "Account suspended"),
        (500, "Request limit reached", RequestLimitReached, "API limit reached"),
        (203, "Function not available", IndexerError, "Function not available"),
    ],
)
def test_newznab_errors_are_told_apart(
    code: int, description: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        NewznabParser().parse(_response(error_document(code, description)), USENET)


def test_a_missing_key_is_named_when_none_was_sent() -> None:
    response = _response(error_document(200, "Missing parameter"), url=f"{BASE}/api?t=movie")
    with pytest.raises(ApiKeyInvalid, match="requires an API key"):
        TorznabParser().parse(response, TORRENT)


def test_a_limit_reached_asks_for_an_hour() -> None:
    with pytest.raises(RequestLimitReached) as caught:
        TorznabParser().parse(_response(error_document(500, "Request limit reached")), TORRENT)
    assert caught.value.retry_after == timedelta(hours=1)


def test_an_error_document_with_an_error_status_is_still_read() -> None:
    response = _response(
        error_document(100, "Incorrect user credentials"), status=401, content_type="text/xml"
    )
    with pytest.raises(ApiKeyInvalid):
        NewznabParser().parse(response, USENET)


def test_an_error_status_without_xml_is_the_status() -> None:
    with pytest.raises(IndexerError, match=r"StatusCode \[404\]"):
        TorznabParser().parse(_response("Not Found", status=404, content_type="text/plain"), TORRENT)


@pytest.mark.parametrize(
    ("body", "content_type", "error", "message"),
    [
        (LOGIN_PAGE, "text/html; charset=utf-8", IndexerError, "html content"),
        (BAD_XML, "application/xml", IndexerError, "invalid XML"),
        (XML_BOMB, "application/xml", UnsafeFeed, "unsafe"),
        (XML_EXTERNAL_ENTITY, "application/xml", UnsafeFeed, "unsafe"),
        ('{"results": []}', "application/json", IndexerError, "invalid XML"),
    ],
)
def test_hostile_and_broken_answers_are_refused(
    body: str, content_type: str, error: type[Exception], message: str
) -> None:
    for parser, stamp in ((TorznabParser(), TORRENT), (NewznabParser(), USENET)):
        with pytest.raises(error, match=message):
            parser.parse(_response(body, content_type=content_type), stamp)


def test_a_torznab_feed_of_nzbs_was_meant_for_newznab() -> None:
    with pytest.raises(UnsupportedFeed, match="Newznab"):
        TorznabParser().parse(_feed("newznab", MATRIX), TORRENT)


def test_a_newznab_feed_of_torrents_was_meant_for_torznab() -> None:
    with pytest.raises(UnsupportedFeed, match="Torznab"):
        NewznabParser().parse(_feed("torznab", MATRIX), USENET)


def test_html_entities_and_control_characters_are_tolerated() -> None:
    feed = """<rss><channel><item><title>Am&eacute;lie&nbsp;2001 1080p\x01</title><guid>1</guid>
    <pubDate>Mon, 01 Jun 2026 10:00:00 +0000</pubDate>
    <enclosure url="http://x.test/1.torrent" length="5" type="application/x-bittorrent"/>
    </item></channel></rss>"""
    (parsed,) = TorznabParser().parse(_response(feed), TORRENT)
    assert parsed.title == "Amélie\xa02001 1080p"
