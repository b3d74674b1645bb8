"""A real Deluge (deluged and deluge-web) on 127.0.0.1, locked down so nothing leaves loopback.

Debian's deluge 2.0.3 logs through a call Python 3.11 refuses: every log line at info level prints a
traceback. Both programs run at `-L error`, their output kept in files beside their configuration.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.net import free_port

PASSWORD = "deluge-web-test-password"
DAEMON_USER = "reelarr"
HOST_ID = "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5"


def _write(path: Path, version: int, values: dict[str, Any]) -> None:
    """Deluge's format: a version object, then the values, back to back."""
    path.write_text(json.dumps({"file": version, "format": 1}) + json.dumps(values, indent=2))


def _configure(config: Path, daemon_port: int, peer_port: int, web_port: int, downloads: Path) -> None:
    daemon_password = secrets.token_hex(16)
    # localclient must be there: deluge-web's default host list reads it even when one is written.
    (config / "auth").write_text(
        f"localclient:{secrets.token_hex(16)}:10\n{DAEMON_USER}:{daemon_password}:10\n"
    )
    (config / "auth").chmod(0o600)
    # DHT, LSD, UPnP, NAT-PMP, peer exchange and the release check would all leave loopback.
    _write(
        config / "core.conf",
        1,
        {
            "dht": False,
            "lsd": False,
            "upnp": False,
            "natpmp": False,
            "utpex": False,
            "new_release_check": False,
            "send_info": False,
            "random_port": False,
            "listen_ports": [peer_port, peer_port],
            "listen_interface": "127.0.0.1",
            "outgoing_interface": "lo",
            "allow_remote": False,
            "daemon_port": daemon_port,
            "download_location": str(downloads),
            "move_completed": False,
            "copy_torrent_file": False,
            "enabled_plugins": ["Label"],
            # Torrents that never finish pile up over a session: a queue would hold later ones back.
            "max_active_downloading": -1,
            "max_active_seeding": -1,
            "max_active_limit": -1,
            "dont_count_slow_torrents": True,
        },
    )
    salt = secrets.token_hex(20)
    _write(
        config / "web.conf",
        2,
        {
            "pwd_salt": salt,
            "pwd_sha1": hashlib.sha1((salt + PASSWORD).encode()).hexdigest(),
            "interface": "127.0.0.1",
            "port": web_port,
            "https": False,
            "first_login": False,
            "default_daemon": "",  # Reelarr connects the Web UI to its daemon, as Radarr does
        },
    )
    _write(
        config / "hostlist.conf",
        3,
        {"hosts": [[HOST_ID, "127.0.0.1", daemon_port, DAEMON_USER, daemon_password]]},
    )


@dataclass(frozen=True)
class DelugeServer:
    """Where a running deluge-web answers, its password, and where the daemon downloads to."""

    host: str
    port: int
    password: str
    download_dir: Path
    peer_port: int

    def settings(self, **overrides: object) -> dict[str, object]:
        """Reelarr's DelugeSettings fields for this server, by camelCase name."""
        return {"host": self.host, "port": self.port, "password": self.password, **overrides}

    def call(self, method: str, *params: Any) -> Any:
        """Call deluge-web's JSON-RPC directly (arranging and inspecting the daemon); its result."""
        with httpx.Client(base_url=f"http://{self.host}:{self.port}", timeout=10) as client:

            def post(name: str, *values: Any) -> dict[str, Any]:
                body = {"method": name, "params": list(values), "id": 1}
                found: dict[str, Any] = client.post("/json", json=body).raise_for_status().json()
                return found

            post("auth.login", self.password)
            if not post("web.connected")["result"]:
                post("web.connect", HOST_ID)
            answer = post(method, *params)
        assert answer["error"] is None, answer
        return answer["result"]

    def torrent(self, info_hash: str, *fields: str) -> dict[str, Any] | None:
        """One torrent's fields, or None when Deluge does not hold it."""
        found = self.call("core.get_torrent_status", info_hash.lower(), ["hash", *fields])
        return dict(found) if found else None


def _wait_listening(port: int, process: subprocess.Popen[bytes], name: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{name} did not listen in time")


@contextmanager
def _process(command: list[str], log_path: Path, port: int) -> Iterator[None]:
    log = log_path.open("wb")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_listening(port, process, Path(command[0]).name)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextmanager
def running_deluge(directory: Path) -> Iterator[DelugeServer]:
    """Start deluged and deluge-web with their configuration in `directory`; stop both on exit."""
    daemon, web = shutil.which("deluged"), shutil.which("deluge-web")
    if daemon is None or web is None:
        raise RuntimeError("deluged and deluge-web are not installed: `make test-deps` installs them")
    config = directory.resolve() / "config"
    downloads = directory.resolve() / "downloads"
    config.mkdir(parents=True)
    downloads.mkdir()
    daemon_port, peer_port, web_port = free_port(), free_port(), free_port()
    _configure(config, daemon_port, peer_port, web_port, downloads)
    local = ["-c", str(config), "-L", "error", "-d"]
    with ExitStack() as stack:
        stack.enter_context(
            _process(
                [daemon, *local, "-u", "127.0.0.1", "-p", str(daemon_port), "-i", "127.0.0.1", "-o", "lo"],
                directory / "deluged.out",
                daemon_port,
            )
        )
        stack.enter_context(
            _process([web, *local, "-i", "127.0.0.1", "-p", str(web_port)], directory / "web.out", web_port)
        )
        yield DelugeServer("127.0.0.1", web_port, PASSWORD, downloads, peer_port)


@contextmanager
def running_deluge_web_alone(directory: Path) -> Iterator[DelugeServer]:
    """Start deluge-web only, its host list naming a daemon that is not there; stop it on exit."""
    web = shutil.which("deluge-web")
    if web is None:
        raise RuntimeError("deluge-web is not installed: `make test-deps` installs it")
    config = directory.resolve() / "config"
    downloads = directory.resolve() / "downloads"
    config.mkdir(parents=True)
    downloads.mkdir()
    web_port = free_port()
    _configure(config, free_port(), free_port(), web_port, downloads)
    command = [web, "-c", str(config), "-L", "error", "-d", "-i", "127.0.0.1", "-p", str(web_port)]
    with _process(command, directory / "web.out", web_port):
        yield DelugeServer("127.0.0.1", web_port, PASSWORD, downloads, 0)


@pytest.fixture(scope="session")
def deluge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DelugeServer]:
    """A running Deluge on 127.0.0.1, one per test session (per worker)."""
    with running_deluge(tmp_path_factory.mktemp("deluge")) as server:
        yield server
