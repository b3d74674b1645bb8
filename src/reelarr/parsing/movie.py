"""Parse a release title or a file path into a movie: the entry points of the parser."""

from __future__ import annotations

import functools
import re

from reelarr.parsing.clean import strip_site_prefix, strip_site_suffix, strip_torrent_suffix
from reelarr.parsing.edition import parse_edition
from reelarr.parsing.extensions import extension_of, remove_media_extension
from reelarr.parsing.ids import parse_imdb_id, parse_tmdb_id
from reelarr.parsing.languages import parse_languages
from reelarr.parsing.quality import parse_quality, parse_quality_name
from reelarr.parsing.reading import KeptReadings, TitleReading
from reelarr.parsing.release_group import parse_release_group
from reelarr.parsing.result import MovieNames, ParsedMovieInfo
from reelarr.parsing.title import TitleMatch, find_title
from reelarr.quality.catalogue import UNKNOWN

_I = re.IGNORECASE

# Names that are hashes or obfuscation, never a movie.
_HASHED_RES = (
    re.compile(r"^[0-9a-zA-Z]{32}"),
    re.compile(r"^[a-z0-9]{24}$"),
    re.compile(r"^[A-Z]{11}\d{3}$"),
    re.compile(r"^[a-z]{12}\d{3}$"),
    re.compile(r"^Backup_\d{5,}S\d{2}-\d{2}$"),
    re.compile(r"^123$"),
    re.compile(r"^abc$", _I),
    re.compile(r"^abc[-_. ]xyz", _I),
    re.compile(r"^b00bs$", _I),
)
_REVERSED_RE = re.compile(r"(?:^|[-._ ])(?:p027|p0801)[-._ ]")
# Resolutions, codecs and similar tokens that only get in the way of finding the title and year.
_NOISE_RE = re.compile(
    r"(?:(?:480|540|576|720|1080|2160)[ip]|[xh][\W_]?26[45]|DD\W?5\W1|[<>?*]|848x480|1280x720|1920x1080"
    r"|3840x2160|4096x2160|(?:8|10)b(?:it)?|10-bit)\s*?(?![a-b0-9])",
    _I,
)
_UNSAFE_CHARS_RE = re.compile(r"\s*[<>?*|]")
_QUALITY_TAG_RE = re.compile(r"\[[a-z0-9 ._-]+\]$", _I)
_LEADING_TAGS_RE = re.compile(r"^(?:\[[^\]]+\])+")
_AKA_DOTTED_RE = re.compile(r" +A\.K\.A\. +", _I)
_AKA_BRACKETED_RE = re.compile(r"^(.*) \( *AKA +(.*)\)", _I)
_AKA_SPLIT_RE = re.compile(r" +(?:AKA|/) +", _I)
_HARDCODED_SUBS_RE = re.compile(
    r"(?<!\w)(?:(?P<named>\w+?(?<!SOFT)(?<!MULTI)(?<!HORRIBLE)SUBS?)|(?P<generic>HC|SUBBED))\b", _I
)


def _is_valid_input(title: str) -> bool:
    lower = title.lower()
    if "password" in lower and "yenc" in lower:
        return False
    if not any(ch.isalnum() for ch in title):
        return False
    bare = remove_media_extension(title)
    return not any(pattern.search(bare) for pattern in _HASHED_RES)


def _unreverse(title: str) -> str:
    if not _REVERSED_RE.search(title):
        return title
    bare = remove_media_extension(title)
    return bare[::-1] + title[len(bare) :]


def _simplify(release_title: str) -> str:
    simple = _NOISE_RE.sub("", release_title)
    simple = strip_site_prefix(simple)
    simple = strip_site_suffix(simple)
    simple = strip_torrent_suffix(simple)
    tag = _QUALITY_TAG_RE.search(simple[-300:]) if simple.endswith("]") else None
    if tag is not None and parse_quality_name(tag.group(0)) != UNKNOWN:
        simple = simple[: len(simple) - len(tag.group(0))]
    return simple


def _movie_name(raw: str) -> str:
    """Tidy a raw title: underscores and dots become spaces, but acronyms ("U.N.C.L.E.") keep their dots."""
    name = _AKA_DOTTED_RE.sub(" AKA ", raw.replace("_", " "))
    name = _LEADING_TAGS_RE.sub("", name).strip(" ")
    parts = name.split(".")
    pieces: list[str] = []
    acronym = False
    for index, part in enumerate(parts):
        nxt = parts[index + 1] if index + 1 < len(parts) else ""
        lower = part.lower()
        single_digit_next = len(nxt) == 1 and nxt.isdigit()
        if (
            (
                len(part) == 1
                and lower != "a"
                and not part.isdigit()
                and (acronym or index < len(parts) - 1)
                and (acronym or not single_digit_next)
            )
            or (lower == "a" and (acronym or len(nxt) == 1))
            or lower == "dr"
        ):
            pieces.append(part + ".")
            acronym = True
        else:
            if acronym:
                pieces.append(" ")
                acronym = False
            pieces.append(part + " ")
    return "".join(pieces).strip(" ")


def _all_titles(name: str) -> tuple[str, ...]:
    unbracketed = _AKA_BRACKETED_RE.sub(r"\1 AKA \2", name, count=1)
    alternatives = [part for part in _AKA_SPLIT_RE.split(unbracketed) if part.strip() and part != name]
    return (name, *alternatives)


def parse_hardcoded_subs(title: str) -> str | None:
    """Return the hard-coded subtitles tag of a title ("KORSUBS"), a generic label for "HC", or None."""
    lower = title.lower()
    if "sub" not in lower and "hc" not in lower:
        return None
    last = None
    for last in _HARDCODED_SUBS_RE.finditer(title):  # noqa: B007 - the last one counts
        pass
    if last is None:
        return None
    return last.group("named") or "Generic Hardcoded Subs"


def _simple_release(release_title: str, found: TitleMatch) -> str:
    """The title with unsafe characters gone and the movie's name replaced, where group and tags are read."""
    simple_release = _UNSAFE_CHARS_RE.sub("", release_title)
    raw_title = found.title
    if raw_title.strip():
        simple_release = simple_release.replace(raw_title, "A.Movie" if "." in raw_title else "A Movie")
    return simple_release


def _build(original: str, reading: TitleReading) -> ParsedMovieInfo:
    simple_release, found, names = reading.simple_release, reading.found, reading.names
    group = parse_release_group(simple_release)
    if found.subgroup.strip():
        group = found.subgroup
    languages = parse_languages(
        simple_release.replace(group, "RlsGrp") if group and group.strip() else simple_release
    )
    edition = found.edition or parse_edition(simple_release)
    return ParsedMovieInfo(
        title=names.title,
        titles=names.titles,
        year=found.year,
        edition=edition,
        release_group=group,
        imdb_id=names.imdb_id,
        tmdb_id=names.tmdb_id,
        hardcoded_subs=parse_hardcoded_subs(reading.read_as),
        languages=tuple(languages),
        quality=parse_quality(reading.read_as),
        original_title=original,
        release_title=reading.release_title,
        simple_release_title=simple_release,
        release_hash=found.release_hash or None,
    )


def _locate(title: str, is_dir: bool) -> tuple[str, str, TitleMatch] | None:
    """The title as read (unreversed), its release title, and where the movie's name and year are."""
    if not _is_valid_input(title):
        return None
    title = _unreverse(title)
    release_title = remove_media_extension(title).strip("-_").replace("【", "[").replace("】", "]")
    found = find_title(_simplify(release_title), is_dir)
    return None if found is None else (title, release_title, found)


def parse_title(title: str, is_dir: bool = False) -> ParsedMovieInfo | None:
    """Parse a release title (or file name) as a movie; None when it does not read as one."""
    return _parse_title(title, is_dir)


# The same title comes from several indexers, again at each sync while it waits out a delay, and again
# when a search is repeated; the answer is immutable, so it is kept for the titles seen last.
@functools.lru_cache(maxsize=8192)
def _parse_title(title: str, is_dir: bool) -> ParsedMovieInfo | None:
    reading = _reading(title, is_dir) if is_dir else read_title(title)
    return None if reading is None else _build(title, reading)


def forget_parses() -> None:
    """Empty parse_title's and parse_names' caches of answers (for measuring the parser itself)."""
    _parse_title.cache_clear()
    _readings.forget()


# Each RSS sync reads the indexers' newest pages again, most of their titles seen at the last sync: the
# readings of the titles seen last are kept, past what one large catch-up reads.
_readings = KeptReadings(16384)


def read_title(title: str) -> TitleReading | None:
    """Where a release title names its film (None: it reads as no film), kept for the titles seen last."""
    kept, reading = _readings.get(title)
    if kept:
        return reading
    reading = _reading(title, False)
    _readings.keep(title, reading)
    return reading


def keep_reading(title: str, reading: TitleReading | None) -> None:
    """Keep a title's reading made elsewhere by the same parser (the feed reader's worker process)."""
    _readings.keep(title, reading)


def parse_names(title: str) -> MovieNames | None:
    """A release title's titles, year and ids exactly as parse_title reads them, without its quality,
    languages, group and edition: a third of the work, for the many releases that name no film."""
    reading = read_title(title)
    return None if reading is None else reading.names


def _reading(title: str, is_dir: bool) -> TitleReading | None:
    located = _locate(title, is_dir)
    if located is None:
        return None
    read_as, release_title, found = located
    simple_release = _simple_release(release_title, found)
    name = _movie_name(found.title)
    names = MovieNames(
        title=name,
        titles=_all_titles(name),
        year=found.year,
        imdb_id=parse_imdb_id(simple_release),
        tmdb_id=parse_tmdb_id(simple_release),
    )
    return TitleReading(read_as, release_title, found, simple_release, names)


def _split_path(path: str) -> tuple[str, str]:
    cleaned = path.replace("\\", "/").rstrip("/")
    head, _, name = cleaned.rpartition("/")
    folder = head.rpartition("/")[2]
    return folder, name


def parse_path(path: str) -> ParsedMovieInfo | None:
    """Parse a file path as a movie: the file name first, then with its folder, then the folder alone."""
    folder, name = _split_path(path)
    result = parse_title(name, is_dir=True)
    if result is None:
        result = parse_title(f"{folder} {name}")
    if result is None:
        dot = name.rfind(".")
        result = parse_title(folder + (name[dot:] if dot > 0 and extension_of(name) else ""))
    return result
