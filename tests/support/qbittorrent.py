"""A real qBittorrent (qbittorrent-nox) on 127.0.0.1, locked down so nothing leaves loopback."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import qbittorrentapi

from tests.support.net import free_port

USERNAME = "reelarr"
PASSWORD = "qbittorrent-test-password"


def _password_hash(password: str) -> str:
    """qBittorrent's stored form of a Web UI password (PBKDF2-SHA512, 100,000 rounds)."""
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 100_000, dklen=64)
    return f"@ByteArray({base64.b64encode(salt).decode()}:{base64.b64encode(key).decode()})"


def _config(web_port: int, torrent_port: int, save_path: Path) -> str:
    # DHT, LSD, PeX, UPnP and the GeoIP download are on by default and would leave loopback.
    return f"""[LegalNotice]
Accepted=true

[BitTorrent]
Session\\DHTEnabled=false
Session\\LSDEnabled=false
Session\\PeXEnabled=false
Session\\Port={torrent_port}
Session\\Interface=lo
Session\\InterfaceName=lo
Session\\InterfaceAddress=127.0.0.1
Session\\MultiConnectionsPerIp=true
Session\\DefaultSavePath={save_path}
Session\\TempPathEnabled=false
Session\\QueueingSystemEnabled=false
Session\\AddTrackersEnabled=false
Session\\BTProtocol=1

[Network]
PortForwardingEnabled=false

[Preferences]
Connection\\ResolvePeerCountries=false
WebUI\\Address=127.0.0.1
WebUI\\Port={web_port}
WebUI\\Username={USERNAME}
WebUI\\Password_PBKDF2="{_password_hash(PASSWORD)}"
WebUI\\LocalHostAuth=true
WebUI\\MaxAuthenticationFailCount=0
WebUI\\CSRFProtection=true
WebUI\\HostHeaderValidation=true
WebUI\\UseUPnP=false
"""


@dataclass(frozen=True)
class QBittorrentServer:
    """Where a running qBittorrent answers and who may log in."""

    host: str
    port: int
    username: str
    password: str
    save_path: Path
    torrent_port: int = 0  # where it talks BitTorrent (to peers on 127.0.0.1)

    def settings(self, **overrides: object) -> dict[str, object]:
        """Reelarr's QBittorrentSettings fields for this server, by camelCase name."""
        return {
            "host": self.host,
            "port": self.port,
            "username": self.username,
            "password": self.password,
            **overrides,
        }


def _wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"qbittorrent-nox exited with {process.returncode}")
        try:
            httpx.get(f"{url}/api/v2/app/version", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("qbittorrent-nox did not answer in time")


@contextmanager
def running_qbittorrent(directory: Path) -> Iterator[QBittorrentServer]:
    """Start qbittorrent-nox with a profile in `directory`; stop it on exit."""
    executable = shutil.which("qbittorrent-nox")
    if executable is None:
        raise RuntimeError("qbittorrent-nox is not installed: `make test-deps` installs it")
    profile = directory.resolve() / "profile"
    save_path = directory.resolve() / "downloads"
    config = profile / "qBittorrent" / "config"
    config.mkdir(parents=True)
    save_path.mkdir()
    web_port, torrent_port = free_port(), free_port()
    (config / "qBittorrent.conf").write_text(_config(web_port, torrent_port, save_path))
    log = (directory / "qbittorrent.out").open("wb")
    process = subprocess.Popen(
        [executable, f"--profile={profile}"], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        _wait_ready(f"http://127.0.0.1:{web_port}", process)
        yield QBittorrentServer("127.0.0.1", web_port, USERNAME, PASSWORD, save_path, torrent_port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def qbittorrent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[QBittorrentServer]:
    """A running qBittorrent on 127.0.0.1, one per test session (per worker)."""
    with running_qbittorrent(tmp_path_factory.mktemp("qbittorrent")) as server:
        yield server


def qbittorrent_api(server: QBittorrentServer) -> qbittorrentapi.Client:
    """A logged-in client of the Web API, for arranging and inspecting the server."""
    client = qbittorrentapi.Client(
        host=f"http://{server.host}:{server.port}", username=server.username, password=server.password
    )
    client.auth_log_in()
    return client


def _delete(client: qbittorrentapi.Client, hashes: list[str]) -> None:
    if hashes:
        client.torrents_delete(delete_files=True, torrent_hashes=hashes)
        # Removal finishes in the background; the same torrent added before then is refused.
        deadline = time.monotonic() + 10
        while client.torrents_info(torrent_hashes=hashes) and time.monotonic() < deadline:
            time.sleep(0.05)


def forget_category(server: QBittorrentServer, category: str) -> None:
    """Delete a category's torrents, with their files, and the category."""
    client = qbittorrent_api(server)
    _delete(client, [t.hash for t in client.torrents_info(category=category)])
    client.torrents_remove_categories(categories=category)


def forget_leftovers(server: QBittorrentServer) -> list[str]:
    """Delete every torrent, for a test that starts where none should be left; each one's name and
    category (a module that ran before left it: the same release grabbed again would be refused)."""
    client = qbittorrent_api(server)
    torrents = client.torrents_info()
    _delete(client, [t.hash for t in torrents])
    return [f"{t.name} [{t.category or 'no category'}]" for t in torrents]
