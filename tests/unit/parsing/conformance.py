"""Run one case of Radarr's parser conformance file against Reelarr's parser."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reelarr import parsing
from reelarr.languages import find_iso_language
from reelarr.parsing.clean import clean_title

REPO_ROOT = Path(__file__).resolve().parents[3]
EXCEPTIONS_FILE = Path(__file__).with_name("conformance_exceptions.toml")


# Radarr's parser test cases as data, kept in the repository so a clone anywhere runs every case.
VENDORED_DIR = REPO_ROOT / "tests" / "fixtures" / "conformance"


def conformance_dir() -> Path:
    """The conformance files: $REELARR_CONFORMANCE_DIR, else the repository's copy."""
    override = os.environ.get("REELARR_CONFORMANCE_DIR")
    return Path(override) if override else VENDORED_DIR


@dataclass(frozen=True)
class Case:
    """One input with its expectations (a variant of a case has its own id suffix)."""

    id: str
    subject: str
    input: str
    expected: dict[str, Any]
    compare: dict[str, str]
    subject_args: dict[str, Any]


def load_cases() -> Iterator[Case]:
    """Every case of the dev file, variants flattened."""
    path = conformance_dir() / "radarr-parser.dev.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        text = raw.get("input_posix", raw["input"])
        common = {
            "subject": raw["subject"],
            "compare": raw.get("compare", {}),
            "subject_args": raw.get("subject_args", {}),
        }
        if "variants" in raw:
            for index, variant in enumerate(raw["variants"]):
                yield Case(
                    id=f"{raw['id']}~{index}",
                    input=variant.get("input_posix", variant["input"]),
                    expected=variant["expected"],
                    **common,
                )
        else:
            yield Case(id=raw["id"], input=text, expected=raw["expected"], **common)


def load_exceptions() -> dict[str, str]:
    """Case ids where Radarr's expectation does not apply to Reelarr, with the reason."""
    if not EXCEPTIONS_FILE.exists():
        return {}
    data = tomllib.loads(EXCEPTIONS_FILE.read_text(encoding="utf-8"))
    return {entry["id"]: entry["reason"] for entry in data.get("exception", [])}


def _movie(case: Case) -> dict[str, Any] | None:
    if case.subject == "Parser.ParseMoviePath":
        result = parsing.parse_path(case.input)
    else:
        result = parsing.parse_title(case.input, is_dir=bool(case.subject_args.get("is_dir", False)))
    if result is None:
        return None
    return {
        "title": result.title,
        "titles": list(result.titles),
        "year": result.year,
        "edition": result.edition,
        "release_group": result.release_group,
        "imdb_id": result.imdb_id,
        "tmdb_id": result.tmdb_id,
        "hardcoded_subs": result.hardcoded_subs,
        "quality": result.quality.quality.name,
        "languages": [language.name for language in result.languages],
    }


def _quality(case: Case) -> dict[str, Any]:
    model = parsing.parse_quality(case.input)
    return {
        "source": model.quality.source.name,
        "resolution": model.quality.resolution,
        "modifier": model.quality.modifier.name,
        "revision_version": model.revision.version,
        "revision_real": model.revision.real,
        "revision_is_repack": model.revision.is_repack,
        "source_detection_source": model.source_detection.value,
        "resolution_detection_source": model.resolution_detection.value,
    }


def _subtitle_info(case: Case) -> dict[str, Any]:
    info = parsing.parse_subtitle_info(case.input)
    return {
        "language": info.language.name,
        "language_tags": list(info.language_tags),
        "title": info.title,
        "raw_title": info.raw_title,
    }


def _languages(case: Case) -> dict[str, Any]:
    names = [language.name for language in parsing.parse_languages(case.input)]
    return {"languages": names, "languages_first": names[0]}


def _slug(case: Case) -> dict[str, Any]:
    args = case.subject_args
    kwargs: dict[str, Any] = {"invalid_dash_replacement": args.get("invalid_dash_replacement", False)}
    if "trim_end_chars" in args:
        kwargs["trim_end_chars"] = args["trim_end_chars"]
    if "deduplicate_chars" in args:
        kwargs["deduplicate_chars"] = args["deduplicate_chars"]
    return {"slug": parsing.url_slug(case.input, **kwargs)}


def _iso(case: Case) -> dict[str, Any]:
    found = find_iso_language(case.input)
    return {"result": None} if found is None else {"language": found.language.name}


SUBJECTS: dict[str, Callable[[Case], dict[str, Any] | None]] = {
    "Parser.ParseMovieTitle": _movie,
    "Parser.ParseMoviePath": _movie,
    "QualityParser.ParseQuality": _quality,
    "LanguageParser.ParseLanguages": _languages,
    "LanguageParser.ParseSubtitleLanguage": lambda c: {
        "language": parsing.parse_subtitle_language(c.input).name
    },
    "LanguageParser.ParseSubtitleLanguageInformation": _subtitle_info,
    "ReleaseGroupParser.ParseReleaseGroup": lambda c: {"release_group": parsing.parse_release_group(c.input)},
    "Parser.CleanMovieTitle": lambda c: {"clean_title": clean_title(c.input)},
    "Parser.NormalizeImdbId": lambda c: {"imdb_id": parsing.normalize_imdb_id(c.input)},
    "Parser.ToUrlSlug": _slug,
    "SceneChecker.IsSceneTitle": lambda c: {"is_scene_title": parsing.is_scene_title(c.input)},
    "SceneChecker.GetSceneTitle": lambda c: {"scene_title": parsing.scene_title(c.input)},
    "IsoLanguages.Find": _iso,
}


def _same(field: str, actual: Any, expected: Any, mode: str | None) -> bool:
    if mode == "unordered":
        return sorted(actual or []) == sorted(expected or [])
    if mode == "case_insensitive":
        return (actual or "").lower() == (expected or "").lower() if expected is not None else actual is None
    if mode == "after_CleanMovieTitle":
        return actual is not None and clean_title(actual) == clean_title(expected)
    return bool(actual == expected)


def mismatches(case: Case) -> list[str]:
    """What differs between Reelarr's answer and Radarr's expectation; empty when the case passes."""
    actual = SUBJECTS[case.subject](case)
    problems: list[str] = []
    for field, expected in case.expected.items():
        if field == "result":
            if actual is not None and expected is None and case.subject != "IsoLanguages.Find":
                problems.append(f"expected no result, got {actual}")
            elif case.subject == "IsoLanguages.Find" and actual != {"result": None}:
                problems.append(f"expected no language, got {actual}")
            continue
        if actual is None:
            problems.append(f"{field}: expected {expected!r}, got no result")
            continue
        if field == "languages_include":
            missing = [name for name in expected if name not in actual["languages"]]
            if missing:
                problems.append(f"languages {actual['languages']} lack {missing}")
            continue
        value = actual.get(field)
        if not _same(field, value, expected, case.compare.get(field)):
            problems.append(f"{field}: expected {expected!r}, got {value!r}")
    return problems
