"""Accepted releases in Radarr's order: quality, revision, format score, protocol, indexer, peers, age."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from reelarr.decisions.engine import decide
from reelarr.decisions.ranking import prioritize
from reelarr.decisions.subject import DecisionSettings, Subject
from reelarr.delayprofiles.model import DelayProfile
from reelarr.protocols import DownloadProtocol
from reelarr.quality.profile_rules import ProperPolicy
from reelarr.releases.model import IndexerFlags
from tests.unit.decisions.builders import GB, NOW, subject


def _order(*subjects: Subject) -> list[str]:
    return [d.release.guid for d in prioritize([decide(s) for s in subjects])]


def _named(s: Subject, name: str, **release_changes: object) -> Subject:
    return replace(s, release=replace(s.release, guid=name, **release_changes))


def test_better_quality_first() -> None:
    web = _named(subject("The.Matrix.1999.1080p.WEB-DL.x264-GRP"), "web")
    bluray = _named(subject("The.Matrix.1999.1080p.BluRay.x264-GRP"), "bluray")
    hdtv = _named(subject("The.Matrix.1999.720p.HDTV.x264-GRP"), "hdtv")
    assert _order(hdtv, web, bluray) == ["bluray", "web", "hdtv"]


def test_a_proper_beats_the_same_quality_unless_propers_are_not_preferred() -> None:
    plain = _named(subject("The.Matrix.1999.1080p.BluRay.x264-GRP"), "plain", size=9 * GB)
    proper = _named(subject("The.Matrix.1999.1080p.BluRay.PROPER.x264-GRP"), "proper")
    assert _order(plain, proper) == ["proper", "plain"]
    off = DecisionSettings(proper_policy=ProperPolicy.DO_NOT_PREFER)
    assert _order(replace(plain, settings=off), replace(proper, settings=off)) == ["plain", "proper"]


def test_format_score_then_preferred_protocol_then_indexer_priority() -> None:
    base = subject()
    low = _named(replace(base, format_score=10), "low")
    high = _named(replace(base, format_score=20), "high")
    assert _order(low, high) == ["high", "low"]
    usenet_first = DelayProfile(id=1, preferred_protocol=DownloadProtocol.USENET)
    torrent = _named(replace(base, delay_profile=usenet_first), "torrent")
    usenet = _named(replace(base, delay_profile=usenet_first), "usenet", protocol=DownloadProtocol.USENET)
    assert _order(torrent, usenet) == ["usenet", "torrent"]
    favoured = _named(base, "favoured", indexer_priority=10)
    other = _named(base, "other", indexer_priority=30)
    assert _order(other, favoured) == ["favoured", "other"]


def test_indexer_flags_count_only_when_preferred() -> None:
    prefer = DecisionSettings(prefer_indexer_flags=True)
    plain = _named(replace(subject(), settings=prefer), "plain", size=9 * GB)
    freeleech = _named(
        replace(subject(), settings=prefer), "freeleech", indexer_flags=IndexerFlags.G_FREELEECH
    )
    assert _order(plain, freeleech) == ["freeleech", "plain"]
    assert _order(
        replace(plain, settings=DecisionSettings()), replace(freeleech, settings=DecisionSettings())
    ) == [
        "plain",
        "freeleech",
    ]


def test_seeders_count_by_order_of_magnitude() -> None:
    base = subject()
    many = _named(base, "many", seeders=500, size=8 * GB)
    few = _named(base, "few", seeders=5, size=9 * GB)
    alike = _named(base, "alike", seeders=450, size=9 * GB)
    assert _order(few, many) == ["many", "few"]
    assert _order(many, alike)[0] == "alike", "same magnitude: size decides"


def test_newer_usenet_releases_first() -> None:
    base = replace(subject(), delay_profile=DelayProfile(id=1))
    fresh = _named(base, "fresh", protocol=DownloadProtocol.USENET, publish_date=NOW - timedelta(minutes=30))
    old = _named(base, "old", protocol=DownloadProtocol.USENET, publish_date=NOW - timedelta(days=400))
    assert _order(old, fresh) == ["fresh", "old"]


def test_size_closest_to_preferred_wins() -> None:
    base = subject()  # preferred 95 MB/min x 136 min = 12.6 GB
    near = _named(base, "near", size=12 * GB)
    far = _named(base, "far", size=4 * GB)
    assert _order(far, near) == ["near", "far"]


def test_decisions_without_a_film_come_last() -> None:
    from reelarr.decisions.engine import unmatched

    nobody = unmatched(replace(subject().release, guid="nobody"), None)
    ranked = prioritize([nobody, decide(_named(subject(), "film"))])
    assert [d.release.guid for d in ranked] == ["film", "nobody"]
