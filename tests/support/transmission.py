"""A real Transmission (transmission-daemon) on 127.0.0.1, locked down so nothing leaves loopback."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.net import free_port

USERNAME = "reelarr"
PASSWORD = "transmission-test-password"
URL_BASE = "/transmission/"


def _config(rpc_port: int, peer_port: int, download_dir: Path) -> dict[str, Any]:
    # DHT, local peer discovery, PeX and port forwarding are on by default and would leave loopback.
    return {
        "dht-enabled": False,
        "lpd-enabled": False,
        "pex-enabled": False,
        "utp-enabled": False,
        "port-forwarding-enabled": False,
        "blocklist-enabled": False,
        "bind-address-ipv4": "127.0.0.1",
        "bind-address-ipv6": "::1",
        "peer-port": peer_port,
        "peer-port-random-on-start": False,
        "rpc-enabled": True,
        "rpc-bind-address": "127.0.0.1",
        "rpc-port": rpc_port,
        "rpc-url": URL_BASE,
        "rpc-authentication-required": True,
        "rpc-username": USERNAME,
        "rpc-password": PASSWORD,  # hashed by Transmission when it starts
        "rpc-whitelist-enabled": True,
        "rpc-whitelist": "127.0.0.1,::1",
        "rpc-host-whitelist-enabled": False,
        "download-dir": str(download_dir),
        "incomplete-dir-enabled": False,
        "watch-dir-enabled": False,
        "start-added-torrents": True,
        # Torrents that never finish pile up over a session: a download queue would hold later ones back.
        "download-queue-enabled": False,
        "seed-queue-enabled": False,
        "encryption": 1,
        "message-level": 1,
    }


@dataclass(frozen=True)
class TransmissionServer:
    """Where a running Transmission answers and who may use its RPC."""

    host: str
    port: int
    username: str
    password: str
    download_dir: Path

    def settings(self, **overrides: object) -> dict[str, object]:
        """Reelarr's TransmissionSettings fields for this server, by camelCase name."""
        return {
            "host": self.host,
            "port": self.port,
            "username": self.username,
            "password": self.password,
            **overrides,
        }

    def rpc(self, method: str, **arguments: Any) -> dict[str, Any]:
        """Call the RPC directly (arranging and inspecting the server); its `arguments`."""
        url = f"http://{self.host}:{self.port}{URL_BASE}rpc"
        auth = (self.username, self.password)
        body = {"method": method, "arguments": arguments}
        with httpx.Client(auth=auth, timeout=10) as client:
            response = client.post(url, json=body)
            if response.status_code == 409:
                headers = {"X-Transmission-Session-Id": response.headers["X-Transmission-Session-Id"]}
                response = client.post(url, json=body, headers=headers)
        answer = response.raise_for_status().json()
        assert answer["result"] == "success", answer
        result: dict[str, Any] = answer.get("arguments", {})
        return result

    def torrent(self, info_hash: str, *fields: str) -> dict[str, Any] | None:
        """One torrent's fields, or None when Transmission does not hold it."""
        found = self.rpc("torrent-get", ids=[info_hash.lower()], fields=["hashString", *fields])["torrents"]
        return dict(found[0]) if found else None


def _wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"transmission-daemon exited with {process.returncode}")
        try:
            httpx.get(url, timeout=1)  # 401 without credentials: it answers
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("transmission-daemon did not answer in time")


@contextmanager
def running_transmission(directory: Path) -> Iterator[TransmissionServer]:
    """Start transmission-daemon with its configuration in `directory`; stop it on exit."""
    executable = shutil.which("transmission-daemon")
    if executable is None:
        raise RuntimeError("transmission-daemon is not installed: `make test-deps` installs it")
    config = directory.resolve() / "config"
    download_dir = directory.resolve() / "downloads"
    config.mkdir(parents=True)
    download_dir.mkdir()
    rpc_port = free_port()
    settings = _config(rpc_port, free_port(), download_dir)
    (config / "settings.json").write_text(json.dumps(settings, indent=2))
    log = (directory / "transmission.out").open("wb")
    process = subprocess.Popen(
        [executable, "--foreground", "--config-dir", str(config), "--no-portmap", "--no-dht"],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_ready(f"http://127.0.0.1:{rpc_port}{URL_BASE}rpc", process)
        yield TransmissionServer("127.0.0.1", rpc_port, USERNAME, PASSWORD, download_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def transmission(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TransmissionServer]:
    """A running Transmission on 127.0.0.1, one per test session (per worker)."""
    with running_transmission(tmp_path_factory.mktemp("transmission")) as server:
        yield server
