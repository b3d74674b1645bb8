"""Checks of the release itself: disc images, burned-in subtitles, language, seeders, flags, terms."""

from __future__ import annotations

import re

from reelarr.decisions.rejection import Reason, Rejection
from reelarr.decisions.subject import Subject
from reelarr.decisions.text import joined
from reelarr.languages import ANY, ORIGINAL
from reelarr.protocols import DownloadProtocol
from reelarr.releaseprofiles.model import restriction_rejection
from reelarr.releases.model import INDEXER_FLAG_NAMES, IndexerFlags

# Each pattern with a word its matches must hold: most titles hold none, and a substring test is
# far cheaper than a search that may start at every position.
_DISC = (
    (
        "dis",
        re.compile(
            r"(?:dis[ck])(?:[-_. ]\d+[-_. ])(?:(?:(?:480|720|1080|2160)[ip]|)[-_. ])?(?:Blu-?ray)", re.I
        ),
    ),
    ("full", re.compile(r"(?:(?:480|720|1080|2160)[ip]|)[-_. ](?:full)[-_. ](?:Blu-?ray)", re.I)),
    ("dvd", re.compile(r"(?:\d?x?M?DVD-?[R59])(?:[ ._]|$)", re.I)),
)
_DVD_CONTAINERS = frozenset({"vob", "iso"})
_BLURAY_CONTAINERS = frozenset({"m2ts"})


def raw_disk(subject: Subject) -> Rejection | None:
    """Reject full Blu-ray and DVD images: nothing a player or a library can use as a movie file."""
    title = subject.release.title
    lowered = title.lower()
    if any(word in lowered and pattern.search(title) for word, pattern in _DISC):
        return Rejection(Reason.RAW, "Raw Bluray/DVD release")
    container = (subject.release.container or "").lower()
    if container in _DVD_CONTAINERS:
        return Rejection(Reason.RAW, "Raw DVD release")
    if container in _BLURAY_CONTAINERS:
        return Rejection(Reason.RAW, "Raw Bluray release")
    return None


def hardcoded_subs(subject: Subject) -> Rejection | None:
    """Reject burned-in subtitles unless allowed, or unless they are of a whitelisted kind."""
    subs = (subject.parsed.hardcoded_subs or "").strip()
    if subject.settings.allow_hardcoded_subs or not subs:
        return None
    allowed = [t.strip().lower() for t in subject.settings.whitelisted_hardcoded_subs.split(",") if t.strip()]
    if any(t in subs.lower() for t in allowed):
        return None
    return Rejection(Reason.HARDCODE_SUBTITLES, f"Hardcode subs found: {subs}")


def language(subject: Subject) -> Rejection | None:
    """Reject a release without the profile's language (the film's original one for "Original")."""
    wanted = subject.profile.language
    if wanted == ANY:
        return None
    found = subject.languages
    if wanted == ORIGINAL:
        original = subject.movie.original_language
        if original not in found:
            message = f"Original Language ({original}) is wanted, but found {joined(found)}"
            return Rejection(Reason.WANTED_LANGUAGE, message)
        return None
    if wanted not in found:
        return Rejection(Reason.WANTED_LANGUAGE, f"{wanted} is wanted, but found {joined(found)}")
    return None


def seeders(subject: Subject) -> Rejection | None:
    """Reject a torrent with fewer seeders than its indexer's minimum."""
    release = subject.release
    minimum = subject.indexer.minimum_seeders
    if (
        release.protocol is DownloadProtocol.TORRENT
        and release.seeders is not None
        and release.seeders < minimum
    ):
        return Rejection(
            Reason.MINIMUM_SEEDERS, f"Not enough seeders: {release.seeders}. Minimum seeders: {minimum}"
        )
    return None


def _flag_names(flags: IndexerFlags) -> str:
    names = [INDEXER_FLAG_NAMES.get(flag.value, flag.name or "") for flag in IndexerFlags if flag in flags]
    return ", ".join(names) if names else "none"


def required_flags(subject: Subject) -> Rejection | None:
    """Reject a torrent carrying none of the flags its indexer requires."""
    required = subject.indexer.required_flags
    release = subject.release
    if release.protocol is not DownloadProtocol.TORRENT or not required:
        return None
    if release.indexer_flags & required:
        return None
    message = (
        f"None of the required indexer flags {_flag_names(required)} where found. "
        f"Found flags: {_flag_names(release.indexer_flags)}"
    )
    return Rejection(Reason.REQUIRED_FLAGS, message)


def release_restrictions(subject: Subject) -> Rejection | None:
    """Reject a title that breaks a release profile (a required term missing, an ignored one present)."""
    broken = restriction_rejection(
        subject.release_profiles, subject.release.title, subject.movie.tags, subject.release.indexer_id
    )
    if broken is None:
        return None
    reason = Reason.MUST_CONTAIN_MISSING if broken.required_missing else Reason.MUST_NOT_CONTAIN_PRESENT
    return Rejection(reason, broken.message)
