"""qBittorrent's test and reachability against a real qbittorrent-nox, as Radarr's checks word them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from reelarr.downloadclients.base import DownloadClientUnavailable
from reelarr.downloadclients.qbittorrent.client import QBittorrent
from reelarr.downloadclients.qbittorrent.settings import QBittorrentSettings
from reelarr.downloadclients.settings import DownloadClientOptions
from reelarr.errors import ValidationFailure
from reelarr.providers.model import ProviderDefinition
from tests.support.net import free_port
from tests.support.qbittorrent import QBittorrentServer, qbittorrent, qbittorrent_api

__all__ = ["qbittorrent"]


def client(server: QBittorrentServer, **overrides: Any) -> QBittorrent:
    settings = QBittorrentSettings.model_validate(server.settings(**overrides))
    return QBittorrent(
        ProviderDefinition(
            0, "qBittorrent", "QBittorrent", "QBittorrentSettings", settings, DownloadClientOptions()
        )
    )


def where(failures: list[ValidationFailure]) -> list[tuple[str, str]]:
    return [(f.property_name, f.severity) for f in failures]


@pytest.fixture
def preferences(qbittorrent: QBittorrentServer) -> Iterator[dict[str, Any]]:
    """qBittorrent's preferences; whatever a test changes is put back after it."""
    api = qbittorrent_api(qbittorrent)
    before = dict(api.app_preferences())
    yield before
    api.app_set_preferences(
        {k: before[k] for k in ("queueing_enabled", "max_ratio_enabled", "max_ratio", "max_ratio_act")}
    )


async def test_good_settings_pass_and_the_categories_are_made(qbittorrent: QBittorrentServer) -> None:
    found = await client(
        qbittorrent, movieCategory="reelarr-movies", movieImportedCategory="reelarr-done"
    ).test()
    assert found == []
    assert {"reelarr-movies", "reelarr-done"} <= set(qbittorrent_api(qbittorrent).torrents_categories())


async def test_a_wrong_password_is_an_authentication_failure(qbittorrent: QBittorrentServer) -> None:
    found = await client(qbittorrent, password="not the password").test()
    assert where(found) == [("username", "error")]
    assert found[0].error_message.startswith("Authentication Failure")


async def test_nothing_listening_is_unable_to_connect(qbittorrent: QBittorrentServer) -> None:
    found = await client(qbittorrent, port=free_port()).test()
    assert where(found) == [("host", "error")]
    assert found[0].error_message.startswith("Unable to connect to qBittorrent")


async def test_no_category_is_a_warning(qbittorrent: QBittorrentServer) -> None:
    found = await client(qbittorrent, movieCategory="").test()
    assert where(found) == [("movieCategory", "warning")]


async def test_a_priority_needs_queueing(qbittorrent: QBittorrentServer, preferences: dict[str, Any]) -> None:
    api = qbittorrent_api(qbittorrent)
    api.app_set_preferences({"queueing_enabled": False})
    found = await client(qbittorrent, recentMoviePriority=1).test()
    assert where(found) == [("recentMoviePriority", "error")]
    assert found[0].error_message.startswith("Queueing Not Enabled")
    api.app_set_preferences({"queueing_enabled": True})
    assert await client(qbittorrent, recentMoviePriority=1, olderMoviePriority=1).test() == []


async def test_removing_torrents_at_the_ratio_limit_is_refused(
    qbittorrent: QBittorrentServer, preferences: dict[str, Any]
) -> None:
    qbittorrent_api(qbittorrent).app_set_preferences(
        {"max_ratio_enabled": True, "max_ratio": 2, "max_ratio_act": 1}
    )
    found = await client(qbittorrent).test()
    assert where(found) == [("", "error")]
    assert "Share Ratio Limit" in found[0].error_message


async def test_reaching_the_client(qbittorrent: QBittorrentServer) -> None:
    await client(qbittorrent).check_connection()
    with pytest.raises(DownloadClientUnavailable, match="Authentication failure"):
        await client(qbittorrent, password="wrong password").check_connection()
    with pytest.raises(DownloadClientUnavailable, match="Unable to connect"):
        await client(qbittorrent, port=free_port()).check_connection()


async def test_status_is_the_categorys_save_path_else_the_default_one(qbittorrent: QBittorrentServer) -> None:
    category = f"status-{uuid.uuid4().hex[:8]}"
    api = qbittorrent_api(qbittorrent)
    default = str(api.app_preferences()["save_path"]).rstrip("/")
    try:
        api.torrents_create_category(name=category)
        assert (await client(qbittorrent, movieCategory=category).status()).output_folders == (
            api.app_preferences()["save_path"],
        )
        api.torrents_edit_category(name=category, save_path="films")
        assert (await client(qbittorrent, movieCategory=category).status()).output_folders == (
            f"{default}/films",
        )
        api.torrents_edit_category(name=category, save_path="/srv/films")
        assert (await client(qbittorrent, movieCategory=category).status()).output_folders == ("/srv/films",)
    finally:
        api.torrents_remove_categories(categories=category)
