"""`reelarr parse`: read release titles or file paths and print what the parser makes of each."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from reelarr.parsing.languages import parse_languages
from reelarr.parsing.movie import parse_path, parse_title
from reelarr.parsing.quality import parse_quality
from reelarr.parsing.release_group import parse_release_group
from reelarr.parsing.result import ParsedMovieInfo
from reelarr.quality.revision import QualityModel


def _quality_json(model: QualityModel) -> dict[str, Any]:
    quality = model.quality
    return {
        "name": quality.name,
        "source": quality.source.name.lower(),
        "resolution": quality.resolution,
        "modifier": quality.modifier.name.lower(),
        "revision": {
            "version": model.revision.version,
            "real": model.revision.real,
            "is_repack": model.revision.is_repack,
        },
    }


def describe(text: str, as_path: bool = False) -> dict[str, Any]:
    """What the parser reads in one input, as a JSON-ready dict; `title` is None when it is not a movie."""
    result: ParsedMovieInfo | None = parse_path(text) if as_path else parse_title(text)
    if result is None:
        return {
            "input": text,
            "title": None,
            "titles": [],
            "year": None,
            "edition": None,
            "release_group": parse_release_group(text),
            "imdb_id": None,
            "tmdb_id": None,
            "hardcoded_subs": None,
            "languages": [language.name for language in parse_languages(text)],
            "quality": _quality_json(parse_quality(text)),
        }
    return {
        "input": text,
        "title": result.title,
        "titles": list(result.titles),
        "year": result.year or None,
        "edition": result.edition or None,
        "release_group": result.release_group,
        "imdb_id": result.imdb_id,
        "tmdb_id": result.tmdb_id or None,
        "hardcoded_subs": result.hardcoded_subs,
        "languages": [language.name for language in result.languages],
        "quality": _quality_json(result.quality),
    }


def summary(parsed: dict[str, Any]) -> str:
    """One readable line for a described input."""
    quality = parsed["quality"]
    revision = quality["revision"]
    quality_text = quality["name"]
    if revision["version"] > 1:
        quality_text += f" v{revision['version']}" + (" repack" if revision["is_repack"] else " proper")
    if revision["real"]:
        quality_text += " REAL" * revision["real"]
    if parsed["title"] is None:
        head = f"not a movie: {parsed['input']}"
    else:
        head = parsed["title"] + (f" ({parsed['year']})" if parsed["year"] else "")
    parts = [head, f"quality: {quality_text}", "languages: " + ", ".join(parsed["languages"])]
    optional = (
        ("edition", "edition"),
        ("release_group", "group"),
        ("imdb_id", "imdb"),
        ("tmdb_id", "tmdb"),
        ("hardcoded_subs", "hardcoded subs"),
    )
    parts += [f"{label}: {parsed[key]}" for key, label in optional if parsed[key]]
    if len(parsed["titles"]) > 1:
        parts.append("also known as: " + " / ".join(parsed["titles"][1:]))
    return " | ".join(parts)


def _lines(stream: TextIO) -> Iterator[str]:
    """Input lines one at a time, as they arrive (no read-ahead of the whole stream)."""
    for line in iter(stream.readline, ""):
        yield line.rstrip("\r\n")


def run_parse(
    inputs: Iterable[str],
    as_json: bool = False,
    as_path: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Print one line per input (from `inputs`, or stdin when there are none), in order; returns 0."""
    out = stdout or sys.stdout
    items = list(inputs)
    source: Iterable[str] = items if items else _lines(stdin or sys.stdin)
    for text in source:
        parsed = describe(text, as_path)
        out.write((json.dumps(parsed, ensure_ascii=False) if as_json else summary(parsed)) + "\n")
        out.flush()
    return 0
