"""Settings come from REELARR_* variables, then config.toml in the data dir, then defaults."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from reelarr.settings import Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "REELARR_DATA_DIR",
        "REELARR_PORT",
        "REELARR_DATABASE_URL",
        "REELARR_API_KEY",
        "REELARR_URL_BASE",
        "REELARR_TRUSTED_PROXIES",
    ):
        monkeypatch.delenv(name, raising=False)


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.port == 7878
    assert settings.bind == "127.0.0.1"
    assert settings.data_dir == Path("data")
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'reelarr.db'}"
    assert settings.api_key is None
    assert settings.trusted_proxies == ["127.0.0.1", "::1"]


def test_environment_overrides_the_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.toml").write_text('port = 9000\nurl_base = "films"\ninstance_name = "Den"\n')
    monkeypatch.setenv("REELARR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REELARR_PORT", "9100")
    settings = Settings()
    assert settings.port == 9100
    assert settings.url_base == "/films"
    assert settings.instance_name == "Den"


def test_postgres_url_is_taken_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REELARR_DATABASE_URL", "postgresql://reelarr@db/reelarr")
    assert Settings().resolved_database_url == "postgresql://reelarr@db/reelarr"


def test_plugins_are_a_comma_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REELARR_PLUGINS", "a.b, c")
    assert Settings().plugins == ["a.b", "c"]


def test_trusted_proxies_are_a_comma_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REELARR_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.2,")
    assert Settings().trusted_proxies == ["10.0.0.0/8", "192.168.1.2"]


@pytest.mark.parametrize("key", ["short", "has spaces in it at all", "x" * 65])
def test_malformed_api_key_is_refused(key: str) -> None:
    with pytest.raises(ValidationError):
        Settings(api_key=key)


def test_url_base_is_normalised() -> None:
    assert Settings(url_base="/radarr/").url_base == "/radarr"
    assert Settings(url_base="/").url_base == ""
