"""Which delay profile a film's tags choose, and how profiles are ordered."""

from __future__ import annotations

from reelarr.delayprofiles.model import (
    GLOBAL_ID,
    GLOBAL_ORDER,
    DelayProfile,
    best_for_tags,
    orders_after_move,
    orders_closed_up,
)
from reelarr.protocols import DownloadProtocol

GLOBAL = DelayProfile(id=GLOBAL_ID, order=GLOBAL_ORDER)


def _profile(profile_id: int, order: int, *tags: int) -> DelayProfile:
    return DelayProfile(id=profile_id, order=order, tags=frozenset(tags), usenet_delay=profile_id * 10)


def test_a_film_without_matching_tags_gets_the_global_profile() -> None:
    profiles = [_profile(2, 1, 5), GLOBAL]
    assert best_for_tags(profiles, {7}) == GLOBAL
    assert best_for_tags(profiles, set()) == GLOBAL


def test_the_first_profile_in_order_sharing_a_tag_wins() -> None:
    profiles = [_profile(3, 2, 5, 6), _profile(2, 1, 6), GLOBAL]
    assert best_for_tags(profiles, {5, 6}).id == 2
    assert best_for_tags(profiles, {5}).id == 3


def test_with_no_profiles_at_all_the_film_waits_for_nothing() -> None:
    chosen = best_for_tags([], {1})
    assert chosen.is_global
    assert chosen.delay_minutes(DownloadProtocol.TORRENT) == 0


def test_moving_a_profile_after_another_renumbers_without_gaps() -> None:
    profiles = [_profile(2, 1, 1), _profile(3, 2, 2), _profile(4, 3, 3), GLOBAL]
    assert orders_after_move(profiles, 2, 4) == {3: 1, 4: 2, 2: 3}
    assert orders_after_move(profiles, 4, None) == {4: 1, 2: 2, 3: 3}
    assert orders_after_move(profiles, 3, 2) == {2: 1, 3: 2, 4: 3}


def test_moving_an_unknown_profile_changes_nothing() -> None:
    assert orders_after_move([_profile(2, 1, 1), GLOBAL], 9, None) == {}


def test_the_global_profile_is_never_renumbered() -> None:
    profiles = [_profile(5, 7, 1), GLOBAL, _profile(2, 3, 2)]
    assert orders_closed_up(profiles) == {2: 1, 5: 2}


def test_protocols_and_their_delays() -> None:
    profile = DelayProfile(enable_usenet=False, usenet_delay=60, torrent_delay=120)
    assert not profile.allows(DownloadProtocol.USENET)
    assert profile.allows(DownloadProtocol.TORRENT)
    assert not profile.allows(DownloadProtocol.UNKNOWN)
    assert profile.delay_minutes(DownloadProtocol.USENET) == 60
    assert profile.delay_minutes(DownloadProtocol.TORRENT) == 120


def test_protocols_are_read_by_name_in_any_case_or_by_number() -> None:
    assert DownloadProtocol.parse("Torrent") is DownloadProtocol.TORRENT
    assert DownloadProtocol.parse(1) is DownloadProtocol.USENET
    assert DownloadProtocol.parse(3) is None
    assert DownloadProtocol.parse(True) is None
    assert DownloadProtocol.parse("ftp") is None
