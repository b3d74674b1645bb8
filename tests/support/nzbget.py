"""A real NZBGet (`nzbget -s`, server mode in the foreground) on 127.0.0.1, reading from the session's
private INN. Its JSON-RPC answers on a free port with its own control credentials."""

from __future__ import annotations

import base64
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

from tests.support.inn import InnServer
from tests.support.net import free_port

USERNAME = "reelarr"
PASSWORD = "nzbget-test-password"
CATEGORY = "Movies"


def _overrides(main_dir: Path, port: int, news: InnServer) -> dict[str, str]:
    return {
        "MainDir": str(main_dir),
        "LogFile": "${MainDir}/nzbget.log",
        "LockFile": "${MainDir}/nzbget.lock",
        "WriteLog": "append",
        "OutputMode": "loggable",
        "ControlIP": "127.0.0.1",
        "ControlPort": str(port),
        "ControlUsername": USERNAME,
        "ControlPassword": PASSWORD,
        "SecureControl": "no",
        "UpdateCheck": "none",
        "Server1.Active": "yes",
        "Server1.Host": news.host,
        "Server1.Port": str(news.reader_port),
        "Server1.Username": "",
        "Server1.Password": "",
        "Server1.Encryption": "no",
        "Server1.Connections": "2",
        "Category1.Name": CATEGORY,
        "DiskSpace": "0",
        "NzbDirInterval": "0",  # NZBs come only through the API
        # A missing article is missing: do not wait ten seconds three times before saying so.
        "ArticleRetries": "0",
        "ArticleInterval": "1",
        "ArticleTimeout": "10",
        "HealthCheck": "delete",
        "ParCheck": "auto",
        "KeepHistory": "7",
    }


def _config(main_dir: Path, port: int, news: InnServer) -> str:
    # In place: NZBGet expands ${MainDir} in the lines after it as it reads them.
    overrides = _overrides(main_dir, port, news)
    lines = []
    for line in Path("/etc/nzbget.conf").read_text().splitlines():
        key = line.split("=", 1)[0].strip() if "=" in line and not line.startswith("#") else None
        if key in overrides:
            line = f"{key}={overrides.pop(key)}"
        lines.append(line)
    lines += [f"{key}={value}" for key, value in overrides.items()]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class NzbgetServer:
    """Where a running NZBGet answers, who may use its API, and where it puts finished downloads."""

    host: str
    port: int
    username: str
    password: str
    main_dir: Path

    @property
    def complete_dir(self) -> Path:
        """The category's destination (DestDir/Movies)."""
        return self.main_dir / "dst" / CATEGORY

    def settings(self, **overrides: object) -> dict[str, object]:
        """Reelarr's NzbgetSettings fields for this server, by camelCase name."""
        return {
            "host": self.host,
            "port": self.port,
            "username": self.username,
            "password": self.password,
            "movieCategory": CATEGORY,
            **overrides,
        }

    def rpc(self, method: str, *params: Any) -> Any:
        """Call the JSON-RPC directly (arranging and inspecting the server); its result."""
        url = f"http://{self.host}:{self.port}/jsonrpc"
        body = {"method": method, "params": list(params), "id": 1}
        response = httpx.post(url, json=body, auth=(self.username, self.password), timeout=10)
        answer = response.raise_for_status().json()
        assert not answer.get("error"), answer
        return answer["result"]

    def append(self, name: str, nzb: bytes, category: str = CATEGORY) -> int:
        """Add an NZB as a user would, without Reelarr's id; NZBGet's id."""
        content = base64.b64encode(nzb).decode()
        result = self.rpc("append", f"{name}.nzb", content, category, 0, False, False, "", 0, "all", [])
        assert isinstance(result, int), result
        assert result > 0, result
        return result

    def history(self) -> list[dict[str, Any]]:
        """NZBGet's history, hidden entries left out."""
        found: list[dict[str, Any]] = self.rpc("history", False)
        return found

    def queue(self) -> list[dict[str, Any]]:
        """NZBGet's download queue."""
        found: list[dict[str, Any]] = self.rpc("listgroups", 0)
        return found

    def forget_everything(self) -> None:
        """Empty the queue, the history (hidden entries too) and the finished folders: the session's
        NZBGet is shared, and a download another test left in the category would be tracked by its
        title as a download of the same film."""
        queued = [int(g["NZBID"]) for g in self.queue()]
        if queued:
            self.rpc("editqueue", "GroupFinalDelete", 0, "", queued)
        finished = [int(h["NZBID"]) for h in self.rpc("history", True)]
        if finished:
            self.rpc("editqueue", "HistoryFinalDelete", 0, "", finished)
        shutil.rmtree(self.complete_dir, ignore_errors=True)


def _wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nzbget exited with {process.returncode}")
        try:
            httpx.get(url, timeout=1)  # 401 without credentials: it answers
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("nzbget did not answer in time")


@contextmanager
def running_nzbget(directory: Path, news: InnServer) -> Iterator[NzbgetServer]:
    """Start NZBGet with its configuration and downloads in `directory`; stop it on exit."""
    executable = shutil.which("nzbget")
    if executable is None:
        raise RuntimeError("nzbget is not installed: `make test-deps` installs it")
    main_dir = directory.resolve()
    main_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = main_dir / "nzbget.conf"
    config.write_text(_config(main_dir, port, news))
    log = (main_dir / "nzbget.out").open("wb")
    process = subprocess.Popen(
        [executable, "-s", "-c", str(config)],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_ready(f"http://127.0.0.1:{port}/jsonrpc", process)
        yield NzbgetServer("127.0.0.1", port, USERNAME, PASSWORD, main_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def nzbget(tmp_path_factory: pytest.TempPathFactory, inn: InnServer) -> Iterator[NzbgetServer]:
    """A running NZBGet on 127.0.0.1 reading from the session's INN, one per test session (per worker)."""
    with running_nzbget(tmp_path_factory.mktemp("nzbget"), inn) as server:
        yield server
