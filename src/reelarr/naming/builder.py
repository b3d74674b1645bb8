"""Folder and file names of films from the naming formats (Radarr's FileNameBuilder), pure."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from reelarr.languages import find_iso_language
from reelarr.naming.cleanup import clean_file_name, tidy_file_component, tidy_folder_component
from reelarr.naming.config import NamingConfig
from reelarr.naming.media_tokens import media_info_handlers
from reelarr.naming.subject import NamedFile, NamedMovie, file_stem
from reelarr.naming.titles import clean_title, clean_title_the, first_character, title_the
from reelarr.naming.tokens import Handler, TokenMatch, replace_tokens, token_count, token_key, truncate

_ORDINAL = re.compile(r"((?:\b|_)\d{1,3}(?:st|th|rd|nd)(?:\b|_))", re.IGNORECASE)
_SHOUTED = re.compile(r"((?:\b|_)(?:IMAX|3D|SDR|HDR|DV)(?:\b|_))", re.IGNORECASE)
# With no release group, a bare {Release Group} says "Radarr", as Radarr's does: libraries moved
# from Radarr keep their names, and the rename preview does not list every such file.
_NO_RELEASE_GROUP = "Radarr"


class NamingFormatError(ValueError):
    """The format cannot build a name (renaming is on and the file format is empty)."""


def _split(pattern: str) -> list[str]:
    return [part for part in re.split(r"[\\/]", pattern) if part]


def _keyed(values: dict[str, Handler]) -> dict[str, Handler]:
    return {token_key(name): handler for name, handler in values.items()}


def _language_title(movie: NamedMovie, codes: str | None) -> str:
    """The title in the first known language of `a|b|c`; the film's title when it has no translation."""
    for code in (codes or "").split("|"):
        found = find_iso_language(code.lower()) if code.strip() else None
        if found is not None:
            return movie.translations.get(found.language.id, movie.title)
    return movie.title


def movie_handlers(movie: NamedMovie) -> dict[str, Handler]:
    """The movie, year and id tokens."""
    return _keyed(
        {
            "Movie Title": lambda m: truncate(_language_title(movie, m.format), m.format),
            "Movie CleanTitle": lambda m: truncate(clean_title(_language_title(movie, m.format)), m.format),
            "Movie TitleThe": lambda m: truncate(title_the(movie.title), m.format),
            "Movie CleanTitleThe": lambda m: truncate(clean_title_the(movie.title), m.format),
            "Movie TitleFirstCharacter": lambda m: first_character(
                title_the(_language_title(movie, m.format))
            ),
            "Movie OriginalTitle": lambda m: truncate(movie.original_title, m.format),
            "Movie CleanOriginalTitle": lambda m: truncate(clean_title(movie.original_title or ""), m.format),
            "Movie Certification": lambda m: movie.certification or "",
            "Movie Collection": lambda m: truncate(movie.collection_title, m.format),
            "Movie CollectionThe": lambda m: truncate(title_the(movie.collection_title), m.format),
            "Release Year": lambda m: str(movie.year) if movie.year else "",
            "ImdbId": lambda m: movie.imdb_id or "",
            "TmdbId": lambda m: str(movie.tmdb_id),
        }
    )


def _quality_handlers(file: NamedFile) -> dict[str, Handler]:
    if file.quality is None:
        return _keyed({name: lambda m: "" for name in ("Quality Full", "Quality Title", "Quality Proper")})
    title = file.quality_title or file.quality.name
    proper = "Proper" if file.quality.revision.version > 1 else ""
    real = "REAL" if file.quality.revision.real > 0 else ""
    return _keyed(
        {
            "Quality Full": lambda m: f"{title} {proper} {real}",
            "Quality Title": lambda m: title,
            "Quality Proper": lambda m: proper,
            "Quality Real": lambda m: real,
        }
    )


def edition_tag(edition: str) -> str:
    """An edition in title case, ordinals lower-cased ("10th") and IMAX, 3D, HDR, SDR, DV upper-cased."""
    lowered = edition.lower()
    # A letter starts a word after anything but a letter or an apostrophe ("Director's", "1St").
    text = "".join(
        char.upper() if i == 0 or not (lowered[i - 1].isalpha() or lowered[i - 1] in "'’") else char
        for i, char in enumerate(lowered)
    )
    text = _ORDINAL.sub(lambda m: m.group(1).lower(), text)
    return _SHOUTED.sub(lambda m: m.group(1).upper(), text)


def _file_handlers(file: NamedFile, several_tokens: bool) -> dict[str, Handler]:
    def original_file_name(_m: TokenMatch | None = None) -> str:
        # With other tokens beside it, the current file name would be named again at each rename.
        return "" if several_tokens else file_stem(file.relative_path)

    def original_title(_m: TokenMatch) -> str:
        if file.scene_name and file.scene_name.strip():
            return clean_file_name(file.scene_name)
        return clean_file_name(original_file_name())

    def release_group(m: TokenMatch) -> str:
        if not file.release_group or not file.release_group.strip():
            return m.default(_NO_RELEASE_GROUP)
        return truncate(file.release_group, m.format)

    values: dict[str, Handler] = {
        "Original Title": original_title,
        "Original Filename": original_file_name,
        "Release Group": release_group,
    }
    if file.edition and file.edition.strip():
        edition = edition_tag(file.edition)
        values["Edition Tags"] = lambda m: truncate(edition, m.format)
    return _keyed(values)


def _custom_format_handlers(file: NamedFile) -> dict[str, Handler]:
    named = [f.name for f in file.custom_formats if f.include_when_renaming]

    def all_formats(m: TokenMatch) -> str:
        if not m.format:
            return " ".join(named)
        if m.format.startswith("-"):
            dropped = set(m.format[1:].split(","))
            return " ".join(name for name in named if name not in dropped)
        wanted = set(m.format.split(","))
        return " ".join(name for name in named if name in wanted)

    def one_format(m: TokenMatch) -> str:
        return m.format if m.format and m.format in named else ""

    return _keyed({"Custom Formats": all_formats, "Custom Format": one_format})


def _join(parts: list[str], tidy: Callable[[str], str]) -> str:
    kept = [part for part in map(tidy, parts) if part.strip()]
    return posixpath.join(*kept) if kept else ""


def build_file_name(movie: NamedMovie, file: NamedFile, config: NamingConfig) -> str:
    """The name (without extension) a film's file gets; its original name when renaming is off."""
    if not config.rename_movies:
        return clean_file_name(file.scene_or_file_name)
    pattern = config.standard_movie_format
    if not pattern.strip():
        raise NamingFormatError("Standard movie format cannot be empty")
    handlers = {
        **movie_handlers(movie),
        **_quality_handlers(file),
        **_file_handlers(file, token_count(pattern) > 1),
        **_custom_format_handlers(file),
    }
    if file.media_info is not None:
        handlers.update(media_info_handlers(file.media_info, file.scene_or_file_name))

    def clean(value: str) -> str:
        return clean_file_name(value, config)

    return _join([replace_tokens(part, handlers, clean) for part in _split(pattern)], tidy_file_component)


def build_folder_name(movie: NamedMovie, config: NamingConfig) -> str:
    """The folder a film gets in its root folder (only movie, year and id tokens have values)."""
    handlers = movie_handlers(movie)

    def clean(value: str) -> str:
        return clean_file_name(value, config)

    parts = [replace_tokens(part, handlers, clean) for part in _split(config.movie_folder_format)]
    return _join(parts, tidy_folder_component)
