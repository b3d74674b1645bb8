"""Radarr's language catalogue and ISO code lookup."""

from __future__ import annotations

import pytest

from reelarr.languages import ALL_LANGUAGES, find_iso_language, language_by_id, language_by_name


def test_ids_run_from_original_and_any_to_georgian() -> None:
    ids = sorted(language.id for language in ALL_LANGUAGES)
    assert ids == [-2, -1, *range(0, 58)]


@pytest.mark.parametrize(
    ("language_id", "name"),
    [
        (-2, "Original"),
        (-1, "Any"),
        (0, "Unknown"),
        (30, "Portuguese (Brazil)"),
        (37, "Spanish (Latino)"),
        (57, "Georgian"),
    ],
)
def test_language_names_match_radarr(language_id: int, name: str) -> None:
    found = language_by_id(language_id)
    assert found is not None
    assert found.name == name


def test_lookup_by_name_ignores_case() -> None:
    found = language_by_name("portuguese (brazil)")
    assert found is not None
    assert found.id == 30
    assert language_by_name("Klingon") is None


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("en", "English"),
        ("eng", "English"),
        ("en-GB", "English"),
        ("ger", "German"),
        ("deu", "German"),
        ("pt", "Portuguese"),
        ("pt-BR", "Portuguese (Brazil)"),
        ("es-MX", "Spanish (Latino)"),
        ("mn-Cyrl", "Mongolian"),
        ("tgl", "Tagalog"),
    ],
)
def test_iso_codes_find_their_language(code: str, name: str) -> None:
    found = find_iso_language(code)
    assert found is not None
    assert found.language.name == name


@pytest.mark.parametrize("code", ["enus", "enusa", "wo", "fr-CA", "ca-IT", "", "-"])
def test_unknown_or_invalid_codes_find_nothing(code: str) -> None:
    assert find_iso_language(code) is None
