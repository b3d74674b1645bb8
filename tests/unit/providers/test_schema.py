"""Settings models as Radarr's `fields`: order, flattening, masking, lenient reading, refusals."""

from __future__ import annotations

import pytest

from reelarr.errors import ValidationFailed
from reelarr.indexers.newznab.settings import NewznabSettings, TorznabSettings
from reelarr.providers.fields import MASK
from reelarr.providers.schema import read_fields, to_fields


def _values(settings: object) -> dict[str, object]:
    return {f.name: f.value for f in to_fields(settings)}  # type: ignore[arg-type]


def test_fields_come_in_radarrs_order_with_nested_settings_flattened() -> None:
    names = [f.name for f in to_fields(TorznabSettings())]
    assert names == [
        "baseUrl",
        "apiPath",
        "apiKey",
        "categories",
        "additionalParameters",
        "multiLanguages",
        "failDownloads",
        "removeYear",
        "minimumSeeders",
        "seedCriteria.seedRatio",
        "seedCriteria.seedTime",
        "rejectBlocklistedTorrentHashesWhileGrabbing",
        "requiredFlags",
    ]
    assert [f.order for f in to_fields(TorznabSettings())] == list(range(13))


def test_each_field_carries_label_type_help_advanced_and_privacy() -> None:
    fields = {f.name: f for f in to_fields(TorznabSettings())}
    assert fields["apiKey"].spec.label == "API Key"
    assert fields["apiKey"].spec.privacy == "apiKey"
    assert fields["apiPath"].spec.advanced is True
    assert fields["apiPath"].spec.help_text == "Path to the api, usually /api"
    assert fields["categories"].spec.type == "select"
    assert fields["categories"].spec.options_action == "newznabCategories"
    assert fields["removeYear"].spec.type == "checkbox"
    assert fields["seedCriteria.seedTime"].spec.unit == "minutes"
    assert fields["seedCriteria.seedRatio"].is_float is True
    assert fields["minimumSeeders"].is_float is False


def test_a_set_secret_reads_as_the_mask_and_an_empty_one_as_empty() -> None:
    assert _values(NewznabSettings(api_key="s3cret-key"))["apiKey"] == MASK
    assert _values(NewznabSettings(api_key=""))["apiKey"] == ""


def test_secrets_stay_out_of_the_settings_repr() -> None:
    assert "s3cret-key" not in repr(NewznabSettings(api_key="s3cret-key"))


def test_the_mask_sent_back_keeps_the_stored_secret() -> None:
    stored = NewznabSettings(base_url="https://a.example", api_key="s3cret-key")
    read = read_fields(NewznabSettings, {"baseUrl": "https://a.example", "apiKey": MASK}, stored)
    assert isinstance(read, NewznabSettings)
    assert read.api_key == "s3cret-key"


def test_a_new_secret_replaces_the_stored_one() -> None:
    stored = NewznabSettings(api_key="old-key")
    read = read_fields(NewznabSettings, {"apiKey": "new-key"}, stored)
    assert isinstance(read, NewznabSettings)
    assert read.api_key == "new-key"


def test_missing_fields_take_their_defaults_as_radarr_reads_them() -> None:
    read = read_fields(TorznabSettings, {"baseUrl": "https://a.example"}, None)
    assert isinstance(read, TorznabSettings)
    assert read.api_path == "/api"
    assert read.categories == [2000, 2010, 2020, 2030, 2040, 2045, 2050, 2060]
    assert read.minimum_seeders == 1


def test_lists_may_come_as_comma_strings_and_nulls_as_empty_values() -> None:
    read = read_fields(
        TorznabSettings, {"categories": "2000, 2040", "apiKey": None, "minimumSeeders": None}, None
    )
    assert isinstance(read, TorznabSettings)
    assert read.categories == [2000, 2040]
    assert read.api_key == ""
    assert read.minimum_seeders == 0


def test_nested_fields_are_read_by_their_dotted_names() -> None:
    read = read_fields(TorznabSettings, {"seedCriteria.seedRatio": "1.5", "seedCriteria.seedTime": 60}, None)
    assert isinstance(read, TorznabSettings)
    assert read.seed_criteria.seed_ratio == 1.5
    assert read.seed_criteria.seed_time == 60


def test_a_value_of_the_wrong_type_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationFailed) as caught:
        read_fields(TorznabSettings, {"minimumSeeders": "many"}, None)
    assert [f.property_name for f in caught.value.failures] == ["minimumSeeders"]
    assert caught.value.failures[0].attempted_value == "many"


def test_a_refused_secret_is_never_echoed_back() -> None:
    with pytest.raises(ValidationFailed) as caught:
        read_fields(NewznabSettings, {"apiKey": ["s3cret-key"]}, None)
    assert caught.value.failures[0].property_name == "apiKey"
    assert "s3cret-key" not in repr(caught.value.failures)


@pytest.mark.parametrize(
    ("values", "property_name"),
    [
        ({"base_url": ""}, "baseUrl"),
        ({"base_url": "ftp://a.example"}, "baseUrl"),
        ({"base_url": "https://a.example", "api_path": "https://b.example/api"}, "apiPath"),
        ({"base_url": "https://a.example", "categories": []}, "categories"),
        ({"base_url": "https://api.nzb.su"}, "apiKey"),
        ({"base_url": "https://a.example", "additional_parameters": "nope"}, "additionalParameters"),
    ],
)
def test_newznab_settings_break_radarrs_rules(values: dict[str, object], property_name: str) -> None:
    failures = NewznabSettings(**values).check()  # type: ignore[arg-type]
    assert property_name in [f.property_name for f in failures]


def test_valid_newznab_settings_pass() -> None:
    settings = NewznabSettings(base_url="https://a.example", api_key="k", additional_parameters="&maxage=30")
    assert settings.check() == []


def test_a_seed_ratio_not_above_zero_is_a_warning_not_an_error() -> None:
    settings = TorznabSettings(base_url="https://a.example")
    settings.seed_criteria.seed_ratio = 0
    failures = settings.check()
    assert [(f.property_name, f.severity) for f in failures] == [("seedCriteria.seedRatio", "warning")]
