"""Each of Radarr's download checks, refusing with Radarr's reason and message, or letting a release by."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.specs import age, delay, disk, movie, quality, release, revision, size
from reelarr.decisions.subject import DecisionSettings, IndexerRules, SearchContext, SizeLimits
from reelarr.delayprofiles.model import DelayProfile
from reelarr.languages import lang
from reelarr.protocols import DownloadProtocol
from reelarr.quality.profile_rules import ProperPolicy
from reelarr.releaseprofiles.model import ReleaseProfile
from reelarr.releases.model import IndexerFlags
from tests.unit.decisions.builders import GB, NOW, on_disk, profile, subject

MB = 1024 * 1024
USENET = {"protocol": DownloadProtocol.USENET, "seeders": None, "peers": None}


def _reason(rejection: Rejection | None) -> Reason | None:
    return rejection.reason if rejection else None


# Sizes -----------------------------------------------------------------------------------------


def test_a_release_inside_the_size_limits_passes() -> None:
    assert size.acceptable_size(subject()) is None


def test_a_release_below_the_minimum_for_the_runtime_is_refused() -> None:
    small = subject(release_changes={"size": 200 * MB})
    rejection = size.acceptable_size(small)
    assert rejection == Rejection(
        Reason.BELOW_MINIMUM_SIZE, "200.0 MB is smaller than minimum allowed 272.0 MB (for The Matrix)"
    )


def test_a_release_above_the_maximum_for_the_runtime_is_refused() -> None:
    big = subject(release_changes={"size": 20 * GB})
    assert _reason(size.acceptable_size(big)) is Reason.ABOVE_MAXIMUM_SIZE


def test_unknown_runtime_counts_as_110_minutes() -> None:
    no_runtime = subject(movie=replace(subject().movie, runtime=0), release_changes={"size": 11 * GB})
    # 100 MB/min x 110 min = 10.7 GB
    assert _reason(size.acceptable_size(no_runtime)) is Reason.ABOVE_MAXIMUM_SIZE


def test_unknown_size_and_unlimited_qualities_pass() -> None:
    assert size.acceptable_size(subject(release_changes={"size": 0})) is None
    unlimited = subject(size_limits=SizeLimits(), release_changes={"size": 500 * GB})
    assert size.acceptable_size(unlimited) is None


def test_the_global_maximum_size() -> None:
    capped = subject(settings=DecisionSettings(maximum_size_mb=4000))
    assert size.maximum_size(capped) == Rejection(
        Reason.MAXIMUM_SIZE_EXCEEDED,
        "8.0 GB is too big, maximum size is 3.9 GB (Settings->Indexers->Maximum Size)",
    )
    assert size.maximum_size(subject()) is None


def test_small_samples_are_refused_but_big_releases_named_sample_are_not() -> None:
    sample = "The.Matrix.1999.1080p.BluRay.x264-GRP.sample"
    assert _reason(size.not_sample(subject(sample, release_changes={"size": 50 * MB}))) is Reason.SAMPLE
    assert size.not_sample(subject(sample)) is None


# Age -------------------------------------------------------------------------------------------


def test_minimum_age_holds_young_usenet_releases_for_now() -> None:
    young = subject(
        release_changes={**USENET, "publish_date": NOW - timedelta(minutes=10)},
        settings=DecisionSettings(minimum_age_minutes=60),
    )
    assert age.minimum_age(young) == Rejection(
        Reason.MINIMUM_AGE, "Only 10.0 minutes old, minimum age is 60 minutes", temporary=True
    )
    torrent = subject(
        release_changes={"publish_date": NOW - timedelta(minutes=10)},
        settings=DecisionSettings(minimum_age_minutes=60),
    )
    assert age.minimum_age(torrent) is None


def test_retention_refuses_usenet_releases_older_than_the_provider_keeps() -> None:
    old = subject(
        release_changes={**USENET, "publish_date": NOW - timedelta(days=4000)},
        settings=DecisionSettings(retention_days=3000),
    )
    assert age.retention(old) == Rejection(Reason.MAXIMUM_AGE, "Older than configured retention")
    assert age.retention(replace(old, settings=DecisionSettings())) is None


# Quality ---------------------------------------------------------------------------------------


def test_a_quality_the_profile_does_not_want() -> None:
    assert quality.quality_allowed(subject()) is None
    rejection = quality.quality_allowed(subject("The.Matrix.1999.2160p.UHD.BluRay.x265-GRP"))
    assert rejection == Rejection(Reason.QUALITY_NOT_WANTED, "Bluray-2160p is not wanted in profile")


def test_a_format_score_below_the_profiles_minimum() -> None:
    strict = subject(profile=profile(min_format_score=10), formats=("x264", "Bad Group"), format_score=-5)
    assert quality.format_score_minimum(strict) == Rejection(
        Reason.CUSTOM_FORMAT_MINIMUM_SCORE,
        "Custom Formats x264, Bad Group have score -5 below Movie's profile minimum 10",
    )
    assert quality.format_score_minimum(subject()) is None


def test_no_upgrade_when_the_profile_forbids_upgrades() -> None:
    frozen = subject(
        profile=profile(upgrade_allowed=False),
        on_disk=on_disk("The.Matrix.1999.720p.BluRay.x264-OLD"),
    )
    assert _reason(quality.upgrade_allowed(frozen)) is Reason.QUALITY_UPGRADES_DISABLED
    assert quality.upgrade_allowed(replace(frozen, on_disk=None)) is None


def test_a_file_that_meets_the_cutoff_is_kept() -> None:
    kept = subject(on_disk=on_disk("The.Matrix.1999.1080p.BluRay.x264-OLD"))
    assert quality.upgrade_disk(kept) == Rejection(
        Reason.DISK_CUTOFF_MET, "Existing file meets cutoff: Bluray-1080p []"
    )


def test_a_better_quality_below_the_cutoff_is_an_upgrade() -> None:
    upgrade = subject(on_disk=on_disk("The.Matrix.1999.720p.WEB-DL.x264-OLD"))
    assert quality.upgrade_disk(upgrade) is None


def test_a_worse_quality_than_the_file_is_refused() -> None:
    worse = subject(
        "The.Matrix.1999.720p.HDTV.x264-GRP",
        on_disk=on_disk("The.Matrix.1999.1080p.WEB-DL.x264-OLD"),
    )
    assert quality.upgrade_disk(worse) == Rejection(
        Reason.DISK_HIGHER_PREFERENCE,
        "Existing file on disk is of equal or higher preference: WEBDL-1080p v1",
    )


def test_the_same_quality_needs_a_better_format_score() -> None:
    same = subject(
        "The.Matrix.1999.720p.WEB-DL.x264-NEW",
        on_disk=on_disk("The.Matrix.1999.720p.WEB-DL.x264-OLD", format_score=10),
        format_score=10,
    )
    assert _reason(quality.upgrade_disk(same)) is Reason.DISK_CUSTOM_FORMAT_SCORE
    assert quality.upgrade_disk(replace(same, format_score=20)) is None


# The release -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "container", "message"),
    [
        ("The.Matrix.1999.COMPLETE.BLURAY-GRP.Disc.1.1080p.BluRay", None, "Raw Bluray/DVD release"),
        ("The.Matrix.1999.1080p.Full.BluRay-GRP", None, "Raw Bluray/DVD release"),
        ("The.Matrix.1999.MULTi.PAL.DVD9.GRP", None, "Raw Bluray/DVD release"),
        ("The.Matrix.1999.1080p.BluRay.x264-GRP", "iso", "Raw DVD release"),
        ("The.Matrix.1999.1080p.BluRay.x264-GRP", "m2ts", "Raw Bluray release"),
    ],
)
def test_raw_disc_images_are_refused(title: str, container: str | None, message: str) -> None:
    rejection = release.raw_disk(subject(title, release_changes={"container": container}))
    assert rejection == Rejection(Reason.RAW, message)


def test_an_ordinary_release_is_no_disc_image() -> None:
    assert release.raw_disk(subject()) is None


def test_hardcoded_subtitles_unless_allowed_or_whitelisted() -> None:
    hc = subject("The.Matrix.1999.1080p.KORSUB.WEBRip.x264-GRP")
    assert hc.parsed.hardcoded_subs
    assert release.hardcoded_subs(hc) == Rejection(
        Reason.HARDCODE_SUBTITLES, f"Hardcode subs found: {hc.parsed.hardcoded_subs}"
    )
    assert release.hardcoded_subs(replace(hc, settings=DecisionSettings(allow_hardcoded_subs=True))) is None
    whitelisted = replace(hc, settings=DecisionSettings(whitelisted_hardcoded_subs="kor, jap"))
    assert release.hardcoded_subs(whitelisted) is None


def test_the_profiles_language_must_be_among_the_releases() -> None:
    french = subject("The.Matrix.1999.FRENCH.1080p.BluRay.x264-GRP")
    assert release.language(french) == Rejection(
        Reason.WANTED_LANGUAGE, "English is wanted, but found French"
    )
    assert release.language(subject()) is None, "no language in the title: the film's original language"
    any_language = replace(french, profile=profile(language=lang("Any")))
    assert release.language(any_language) is None


def test_original_language_is_the_films() -> None:
    original = subject(
        "The.Matrix.1999.FRENCH.1080p.BluRay.x264-GRP",
        profile=profile(language=lang("Original")),
        movie=replace(subject().movie, original_language=lang("French")),
    )
    assert release.language(original) is None
    english = replace(original, movie=replace(original.movie, original_language=lang("English")))
    assert release.language(english) == Rejection(
        Reason.WANTED_LANGUAGE, "Original Language (English) is wanted, but found French"
    )


def test_torrents_need_the_indexers_minimum_seeders() -> None:
    few = subject(release_changes={"seeders": 2}, indexer=IndexerRules(minimum_seeders=5))
    assert release.seeders(few) == Rejection(
        Reason.MINIMUM_SEEDERS, "Not enough seeders: 2. Minimum seeders: 5"
    )
    assert release.seeders(replace(few, indexer=IndexerRules(minimum_seeders=1))) is None


def test_required_indexer_flags() -> None:
    rules = IndexerRules(required_flags=IndexerFlags.G_FREELEECH | IndexerFlags.G_INTERNAL)
    plain = subject(indexer=rules)
    assert release.required_flags(plain) == Rejection(
        Reason.REQUIRED_FLAGS,
        "None of the required indexer flags G_Freeleech, G_Internal where found. Found flags: none",
    )
    internal = subject(indexer=rules, release_changes={"indexer_flags": IndexerFlags.G_INTERNAL})
    assert release.required_flags(internal) is None


def test_release_profiles_apply_to_the_title() -> None:
    profiles = (ReleaseProfile(id=1, required=("x265",)), ReleaseProfile(id=2, ignored=("GRP",)))
    assert release.release_restrictions(subject(release_profiles=profiles[:1])) == Rejection(
        Reason.MUST_CONTAIN_MISSING, "Does not contain one of the required terms: x265"
    )
    assert release.release_restrictions(subject(release_profiles=profiles[1:])) == Rejection(
        Reason.MUST_NOT_CONTAIN_PRESENT, "Contains these ignored terms: GRP"
    )


# The film --------------------------------------------------------------------------------------


def test_unmonitored_films_are_only_grabbed_when_searched_by_hand() -> None:
    unmonitored = subject(movie=replace(subject().movie, monitored=False))
    assert movie.monitored(unmonitored) == Rejection(Reason.MOVIE_NOT_MONITORED, "Movie is not monitored")
    by_hand = replace(unmonitored, search=SearchContext(movie_id=1, user_invoked=True))
    assert movie.monitored(by_hand) is None


def test_a_film_not_available_yet() -> None:
    future = subject(
        movie=replace(subject().movie, in_cinemas=(NOW + timedelta(days=30)).date(), physical_release=None)
    )
    assert movie.availability(future) == Rejection(
        Reason.AVAILABILITY, "Movie The Matrix (1999) will only be considered available 0 days after released"
    )
    assert movie.availability(replace(future, search=SearchContext(1, user_invoked=True))) is None


def test_a_search_refuses_releases_of_another_film() -> None:
    assert movie.wrong_movie(subject(search=SearchContext(movie_id=2))) == Rejection(
        Reason.WRONG_MOVIE, "Wrong movie"
    )
    assert movie.wrong_movie(subject(search=SearchContext(movie_id=1))) is None
    assert movie.wrong_movie(subject()) is None


def test_a_tagged_indexer_serves_only_films_with_one_of_its_tags() -> None:
    tagged = subject(indexer=IndexerRules(tags=frozenset({7})))
    assert _reason(movie.indexer_tags(tagged)) is Reason.NO_MATCHING_TAG
    assert movie.indexer_tags(replace(tagged, movie=replace(tagged.movie, tags=(7,)))) is None


# Propers and repacks ---------------------------------------------------------------------------


def test_propers_of_the_file_on_disk_follow_the_setting() -> None:
    proper = subject(
        "The.Matrix.1999.720p.WEB-DL.PROPER.x264-GRP",
        on_disk=on_disk("The.Matrix.1999.720p.WEB-DL.x264-GRP"),
    )
    assert revision.proper(proper) is None
    off = replace(proper, settings=DecisionSettings(proper_policy=ProperPolicy.DO_NOT_UPGRADE))
    assert revision.proper(off) == Rejection(Reason.PROPERS_DISABLED, "Proper downloading is disabled")
    old_file = replace(proper, on_disk=replace(proper.on_disk, added=NOW - timedelta(days=30)))  # type: ignore[arg-type]
    assert revision.proper(old_file) == Rejection(Reason.PROPER_FOR_OLD_FILE, "Proper for old file")
    assert revision.proper(replace(old_file, search=SearchContext(1))) is None, "searches take propers"


def test_repacks_must_come_from_the_files_release_group() -> None:
    repack = subject(
        "The.Matrix.1999.720p.WEB-DL.REPACK.x264-OTHER",
        on_disk=on_disk("The.Matrix.1999.720p.WEB-DL.x264-GRP"),
    )
    assert revision.repack(repack) == Rejection(
        Reason.REPACK_RELEASE_GROUP_DOES_NOT_MATCH,
        "Release is a repack for a different release group. Release Group: OTHER. File release group: GRP",
    )
    same_group = replace(repack, on_disk=on_disk("The.Matrix.1999.720p.WEB-DL.x264-OTHER"))
    assert revision.repack(same_group) is None
    unknown = replace(repack, on_disk=on_disk("The.Matrix.1999.720p.WEB-DL.x264", release_group=None))
    assert revision.repack(unknown) == Rejection(
        Reason.REPACK_UNKNOWN_RELEASE_GROUP, "Unable to determine release group for the existing file"
    )


# Delay profiles --------------------------------------------------------------------------------


def test_a_protocol_the_delay_profile_turns_off() -> None:
    no_torrents = subject(delay_profile=DelayProfile(id=1, enable_torrent=False))
    assert delay.protocol(no_torrents) == Rejection(
        Reason.PROTOCOL_DISABLED, "Torrent is not enabled for this movie"
    )
    assert delay.protocol(subject()) is None


def test_a_delay_holds_releases_younger_than_it_for_now() -> None:
    waiting = subject(
        release_changes={"publish_date": NOW - timedelta(minutes=30)},
        delay_profile=DelayProfile(id=1, torrent_delay=120, preferred_protocol=DownloadProtocol.TORRENT),
    )
    assert delay.delay(waiting) == Rejection(
        Reason.MINIMUM_AGE_DELAY, "Waiting for better quality release", temporary=True
    )
    assert delay.delay(replace(waiting, search=SearchContext(1, user_invoked=True))) is None
    assert delay.delay(replace(waiting, oldest_pending_minutes=121)) is None, (
        "the oldest pending waited enough"
    )


def test_the_best_quality_or_a_high_format_score_skips_the_delay() -> None:
    base = subject(
        "The.Matrix.1999.1080p.BluRay.x264-GRP",
        release_changes={"publish_date": NOW - timedelta(minutes=5)},
    )
    highest = DelayProfile(
        id=1, torrent_delay=120, preferred_protocol=DownloadProtocol.TORRENT, bypass_if_highest_quality=True
    )
    assert delay.delay(replace(base, delay_profile=highest)) is not None, "Remux-1080p is the profile's best"
    remux = subject(
        "The.Matrix.1999.1080p.BluRay.REMUX.AVC.DTS-HD.MA.5.1-GRP",
        release_changes={"publish_date": NOW - timedelta(minutes=5)},
    )
    assert delay.delay(replace(remux, delay_profile=highest)) is None
    by_score = DelayProfile(
        id=1,
        torrent_delay=120,
        preferred_protocol=DownloadProtocol.TORRENT,
        bypass_if_above_custom_format_score=True,
        minimum_custom_format_score=50,
    )
    assert delay.delay(replace(base, delay_profile=by_score, format_score=50)) is None
    assert delay.delay(replace(base, delay_profile=by_score, format_score=49)) is not None
    not_preferred = replace(highest, preferred_protocol=DownloadProtocol.USENET)
    assert delay.delay(replace(base, delay_profile=not_preferred)) is not None, (
        "bypass needs the preferred protocol"
    )


# Disk ------------------------------------------------------------------------------------------


def test_a_release_that_would_fill_the_disk_is_refused() -> None:
    full = subject(free_space=4 * GB)
    assert disk.free_space(full) == Rejection(
        Reason.MINIMUM_FREE_SPACE, "Importing after download will exceed available disk space"
    )
    tight = subject(free_space=8 * GB + 50 * MB)
    assert disk.free_space(tight) == Rejection(
        Reason.MINIMUM_FREE_SPACE,
        "Not enough free space (100.0 MB) to import after download: 50.0 MB. "
        "(Settings: Media Management: Minimum Free Space)",
    )
    assert disk.free_space(subject(free_space=100 * GB)) is None
    assert disk.free_space(subject()) is None, "unknown free space: the check steps aside"
    assert disk.free_space(replace(full, settings=DecisionSettings(skip_free_space_check=True))) is None
