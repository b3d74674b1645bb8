"""Tag labels: Radarr's lower-casing with a wider alphabet (any script's letters, digits, spaces, - and _)."""

from __future__ import annotations

import pytest

from reelarr.errors import ValidationFailed
from reelarr.tags.labels import MAX_LABEL_LENGTH, clean_label


@pytest.mark.parametrize(
    ("label", "stored"),
    [
        ("4K", "4k"),
        ("1 - Alice", "1 - alice"),
        ("  anime  ", "anime"),
        ("kids_only", "kids_only"),
        ("Élodie", "élodie"),
        ("E\u0301lodie", "élodie"),
        ("日本映画", "日本映画"),
        ("हिन्दी", "हिन्दी"),
        ("-", "-"),
        ("x" * MAX_LABEL_LENGTH, "x" * MAX_LABEL_LENGTH),
    ],
)
def test_accepted_labels_are_stored_lower_cased(label: str, stored: str) -> None:
    assert clean_label(label) == stored


@pytest.mark.parametrize(
    "label",
    ["<script>", "a/b", "tag.name", "tab\there", "line\nbreak", "emoji 🎬", "quote'", "50%", "a+b"],
)
def test_other_characters_are_refused(label: str) -> None:
    with pytest.raises(ValidationFailed) as error:
        clean_label(label)
    [failure] = error.value.failures
    assert failure.property_name == "label"
    assert failure.attempted_value == label
    assert "Allowed characters" in failure.error_message


@pytest.mark.parametrize("label", [None, "", "   "])
def test_an_empty_label_is_refused(label: str | None) -> None:
    with pytest.raises(ValidationFailed) as error:
        clean_label(label)
    assert error.value.failures[0].error_message == "'Label' must not be empty."


def test_a_label_over_the_limit_is_refused() -> None:
    with pytest.raises(ValidationFailed) as error:
        clean_label("x" * (MAX_LABEL_LENGTH + 1))
    assert "100 characters or fewer" in error.value.failures[0].error_message


def test_the_limit_counts_the_stored_form() -> None:
    # "İ" lower-cases to two code points; what is stored must fit the column.
    with pytest.raises(ValidationFailed):
        clean_label("İ" * 60)


def test_a_lone_surrogate_is_refused_without_being_echoed() -> None:
    with pytest.raises(ValidationFailed) as error:
        clean_label("a\ud800b")
    assert error.value.failures[0].attempted_value is None
