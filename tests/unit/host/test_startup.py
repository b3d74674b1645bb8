"""The start-up options in config.toml: written as TOML that reads back, other keys kept, rules checked."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from reelarr.host.startup import StartupConfig, StartupFile, dump_toml

RUNNING = StartupConfig(
    bind="127.0.0.1",
    port=7878,
    url_base="",
    enable_ssl=False,
    ssl_port=9898,
    ssl_cert_path="",
    ssl_cert_password="",
)


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BIND", "PORT", "URL_BASE", "ENABLE_SSL", "SSL_PORT", "SSL_CERT_PATH", "SSL_CERT_PASSWORD"):
        monkeypatch.delenv(f"REELARR_{name}", raising=False)


def test_toml_reads_back_what_was_written() -> None:
    values = {"url_base": '/a "quoted" \\ path', "port": 8000, "enable_ssl": True, "plugins": ["a", "b"]}
    assert tomllib.loads(dump_toml(values)) == values


def test_a_saved_port_waits_for_the_next_start_and_other_keys_stay(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('tmdb_api_key = "abc"\n')
    startup = StartupFile(tmp_path, RUNNING)
    startup.save(replace(RUNNING, port=8000))
    stored = tomllib.loads((tmp_path / "config.toml").read_text())
    assert stored == {"tmdb_api_key": "abc", "port": 8000}
    assert startup.next_start().port == 8000
    assert startup.pending() == ["port"]
    assert (tmp_path / "config.toml").stat().st_mode & 0o077 == 0


def test_saving_what_runs_writes_nothing(tmp_path: Path) -> None:
    StartupFile(tmp_path, RUNNING).save(RUNNING)
    assert not (tmp_path / "config.toml").exists()


@pytest.mark.parametrize(
    ("change", "property_name"),
    [
        ({"port": 0}, "port"),
        ({"bind": "example.com"}, "bindAddress"),
        ({"url_base": "/has space"}, "urlBase"),
        ({"enable_ssl": True, "ssl_cert_path": ""}, "sslCertPath"),
        ({"enable_ssl": True, "ssl_port": 7878, "ssl_cert_path": "/x"}, "sslPort"),
    ],
)
def test_broken_rules_are_named(tmp_path: Path, change: dict[str, object], property_name: str) -> None:
    failures = StartupFile(tmp_path, RUNNING).check(replace(RUNNING, **change))  # type: ignore[arg-type]
    assert property_name in [f.property_name for f in failures]


def test_a_value_the_environment_sets_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REELARR_URL_BASE", "")
    (failure,) = StartupFile(tmp_path, RUNNING).check(replace(RUNNING, url_base="/films"))
    assert (failure.property_name, failure.error_message) == (
        "urlBase",
        "Set by REELARR_URL_BASE; change it there instead",
    )
