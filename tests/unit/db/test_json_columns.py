"""JSON columns' text: orjson where it writes what the json module would, the json module elsewhere."""

from __future__ import annotations

import json
import math

from reelarr.db.engine import json_text


def test_plain_values_read_back_as_the_json_module_reads_them() -> None:
    value = {"title": "Amélie", "scores": [1, 2.5, -3], "nested": {"ok": True, "none": None}}
    assert json.loads(json_text(value)) == value


def test_integer_keys_become_strings_as_with_the_json_module() -> None:
    assert json.loads(json_text({1: "a", 2: "b"})) == {"1": "a", "2": "b"}


def test_integers_past_64_bits_are_kept_whole() -> None:
    huge = 2**70 + 1
    assert json.loads(json_text({"size": huge})) == {"size": huge}


def test_a_float_that_is_not_a_number_is_written_as_null() -> None:
    assert json.loads(json_text([math.nan, math.inf, 1.5])) == [None, None, 1.5]
