"""A real rTorrent on 127.0.0.1, locked down so nothing leaves loopback, behind a tiny HTTP-to-SCGI
bridge (with Basic authentication) so Reelarr speaks XML-RPC over HTTP as users' set-ups have it."""

from __future__ import annotations

import base64
import shutil
import socket
import subprocess
import threading
import time
import xmlrpc.client
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.net import free_port

USERNAME = "reelarr"
PASSWORD = "rtorrent-test-password"
URL_PATH = "/RPC2"
MAX_REQUEST = 64 * 1024 * 1024


def _rc(scgi_port: int, peer_port: int, directory: Path) -> str:
    # DHT, PeX and UDP trackers would leave loopback; the daemon mode needs no terminal.
    return "\n".join(
        [
            f"directory.default.set = {directory / 'downloads'}",
            f"session.path.set = {directory / 'session'}",
            f"network.scgi.open_port = 127.0.0.1:{scgi_port}",
            "network.bind_address.set = 127.0.0.1",
            f"network.port_range.set = {peer_port}-{peer_port}",
            "network.port_random.set = no",
            "dht.mode.set = disable",
            "protocol.pex.set = no",
            "trackers.use_udp.set = no",
            "system.daemon.set = true",
            "",
        ]
    )


def scgi_call(port: int, body: bytes, timeout: float = 10) -> tuple[int, bytes]:
    """Send one XML-RPC body to rTorrent's SCGI port; the HTTP status and body it answers with."""
    headers = b"CONTENT_LENGTH\0%d\0SCGI\x001\0REQUEST_METHOD\0POST\0REQUEST_URI\0%s\0" % (
        len(body),
        URL_PATH.encode(),
    )
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(b"%d:%s,%s" % (len(headers), headers, body))
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    head, _, answer = b"".join(chunks).partition(b"\r\n\r\n")
    status = 200
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"status:"):
            status = int(line.split()[1])
    return status, answer


class _Bridge(BaseHTTPRequestHandler):
    scgi_port = 0

    def do_POST(self) -> None:
        expected = "Basic " + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self._answer(401, b"Unauthorized", {"WWW-Authenticate": 'Basic realm="rtorrent"'})
            return
        if self.path != URL_PATH:
            self._answer(404, b"Not Found")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_REQUEST:
            self._answer(413, b"Too Large")
            return
        status, body = scgi_call(self.scgi_port, self.rfile.read(length))
        self._answer(status, body, {"Content-Type": "text/xml"})

    def _answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return


@dataclass(frozen=True)
class RTorrentServer:
    """Where a running rTorrent's bridge answers, who may use it, and its own SCGI port."""

    host: str
    port: int
    username: str
    password: str
    scgi_port: int
    peer_port: int
    download_dir: Path

    def settings(self, **overrides: object) -> dict[str, object]:
        """Reelarr's RTorrentSettings fields for this server, by camelCase name."""
        return {
            "host": self.host,
            "port": self.port,
            "username": self.username,
            "password": self.password,
            **overrides,
        }

    def call(self, method: str, *params: Any) -> Any:
        """Call rTorrent directly over SCGI (arranging and inspecting it); its result."""
        status, body = scgi_call(self.scgi_port, xmlrpc.client.dumps(params, methodname=method).encode())
        assert status == 200, body
        return xmlrpc.client.loads(body)[0][0]

    def hashes(self) -> list[str]:
        """The info hashes rTorrent holds, upper case."""
        return [str(h).upper() for h in self.call("download_list", "")]

    def torrent(self, info_hash: str) -> dict[str, Any] | None:
        """A torrent's label, completion and activity, or None when rTorrent does not hold it."""
        if info_hash.upper() not in self.hashes():
            return None
        return {
            "label": self.call("d.custom1", info_hash),
            "complete": self.call("d.complete", info_hash),
            "active": self.call("d.is_active", info_hash),
            "base_path": self.call("d.base_path", info_hash),
        }

    def remove(self, info_hash: str) -> None:
        """Erase a torrent and delete its content (rTorrent deletes no files itself)."""
        found = self.torrent(info_hash)
        if found is None:
            return
        self.call("d.erase", info_hash)
        path = Path(found["base_path"])
        if found["base_path"] and path.is_relative_to(self.download_dir):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)


def _wait_ready(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    body = xmlrpc.client.dumps((), methodname="system.client_version").encode()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"rtorrent exited with {process.returncode}")
        try:
            scgi_call(port, body, timeout=1)
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("rtorrent did not answer in time")


@contextmanager
def running_rtorrent(directory: Path) -> Iterator[RTorrentServer]:
    """Start rtorrent with its session in `directory` and the bridge before it; stop both on exit."""
    executable = shutil.which("rtorrent")
    if executable is None:
        raise RuntimeError("rtorrent is not installed: `make test-deps` installs it")
    directory = directory.resolve()
    for name in ("downloads", "session"):
        (directory / name).mkdir(parents=True)
    scgi_port, peer_port = free_port(), free_port()
    (directory / "rtorrent.rc").write_text(_rc(scgi_port, peer_port, directory))
    log = (directory / "rtorrent.out").open("wb")
    process = subprocess.Popen(
        [executable, "-n", "-o", f"import={directory / 'rtorrent.rc'}"],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=directory,
    )
    bridge: ThreadingHTTPServer | None = None
    try:
        _wait_ready(scgi_port, process)
        handler = type("Bridge", (_Bridge,), {"scgi_port": scgi_port})
        bridge = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        bridge.daemon_threads = True
        threading.Thread(
            target=bridge.serve_forever, args=(0.05,), name="rtorrent-bridge", daemon=True
        ).start()
        port = bridge.server_address[1]
        downloads = directory / "downloads"
        yield RTorrentServer("127.0.0.1", port, USERNAME, PASSWORD, scgi_port, peer_port, downloads)
    finally:
        if bridge is not None:
            bridge.shutdown()
            bridge.server_close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def rtorrent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RTorrentServer]:
    """A running rTorrent behind its HTTP bridge on 127.0.0.1, one per test session (per worker)."""
    with running_rtorrent(tmp_path_factory.mktemp("rtorrent")) as server:
        yield server
