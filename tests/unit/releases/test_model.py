"""A release kept as JSON comes back whole, and its age reads as Radarr counts it."""

from __future__ import annotations

from datetime import timedelta

from reelarr.protocols import DownloadProtocol
from reelarr.releases.model import (
    NO_FLAGS,
    IndexerFlags,
    flag_names,
    flags_named,
    release_from_json,
    release_to_json,
)
from tests.unit.decisions.builders import NOW, release


def test_a_release_survives_json() -> None:
    original = release(
        indexer_flags=IndexerFlags.G_FREELEECH | IndexerFlags.G_INTERNAL,
        categories=(2000, 2040),
        info_hash="abc",
        magnet_url="magnet:?xt=urn:btih:abc",
        download_volume_factor=0.0,
        imdb_id="tt0133093",
        tmdb_id=603,
    )
    assert release_from_json(release_to_json(original)) == original


def test_age_in_minutes_hours_and_whole_days() -> None:
    aged = release(publish_date=NOW - timedelta(days=2, hours=6), protocol=DownloadProtocol.USENET)
    assert aged.age_days(NOW) == 2
    assert aged.age_hours(NOW) == 54
    assert aged.age_minutes(NOW) == 54 * 60
    assert release(publish_date=NOW + timedelta(hours=1)).age_minutes(NOW) == 0, "clock skew is no age"


def test_flags_are_read_back_from_their_names_as_grab_history_keeps_them() -> None:
    flags = IndexerFlags.G_FREELEECH | IndexerFlags.G_INTERNAL | IndexerFlags.NUKED
    assert flags_named(", ".join(flag_names(flags))) == flags
    assert flags_named("g_scene, Unknown, ") == IndexerFlags.G_SCENE
    assert flags_named("") == NO_FLAGS
