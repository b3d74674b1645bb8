"""Whole-server browser tests: a real Reelarr process on 127.0.0.1 and Debian Chromium via Playwright."""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
from tests.fixtures.tmdb.server import TmdbFixtureServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
START_TIMEOUT = 60.0
# Playwright's 5 s default for assertions is too short on a loaded 2-core CI box (a POST answered
# after 5 s failed a test once); actions already wait 10 s, assertions now wait as long.
expect.set_options(timeout=10_000)
STOP_TIMEOUT = 10.0
# Settings from the developer's shell must not leak into the server under test.
FOREIGN_SETTINGS = (
    "REELARR_DATABASE_URL",
    "REELARR_URL_BASE",
    "REELARR_API_KEY",
    "REELARR_ADMIN_USER",
    "REELARR_ADMIN_PASSWORD",
    "REELARR_TMDB_API_URL",
    "REELARR_TMDB_API_KEY",
    "REELARR_TMDB_IMAGE_URL",
)


def _serve_command() -> list[str]:
    """`python -m reelarr serve` from this interpreter, or the console script installed beside it."""
    if importlib.util.find_spec("reelarr.__main__") is not None:
        return [sys.executable, "-m", "reelarr", "serve"]
    return [str(Path(sys.executable).with_name("reelarr")), "serve"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ReelarrServer:
    """`reelarr serve` in its own session on a free loopback port, with SQLite in a temporary data dir.

    It can be stopped and started again on the same port and data (sessions survive). `env` adds
    settings (the fixture TMDB's address, an admin account, ...) after the foreign ones are dropped."""

    def __init__(self, tmp_path: Path, url_base: str = "", env: Mapping[str, str] | None = None) -> None:
        self.data_dir = tmp_path / "data"
        self.data_dir.mkdir()
        self.log_path = tmp_path / "server.log"
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}{url_base}"  # no trailing slash
        settings = {key: value for key, value in os.environ.items() if key not in FOREIGN_SETTINGS}
        settings["REELARR_DATA_DIR"] = str(self.data_dir)
        settings["REELARR_PORT"] = str(port)
        settings["REELARR_BIND"] = "127.0.0.1"
        if url_base:
            settings["REELARR_URL_BASE"] = url_base
        settings.update(env or {})
        self._env = settings
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                _serve_command(),
                env=self._env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_until_serving(self._process)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_TIMEOUT)

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def _wait_until_serving(self, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"reelarr serve exited with {process.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/ping", timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        pytest.fail(f"reelarr serve did not answer /ping within {START_TIMEOUT:.0f} s:\n{self.log_tail()}")


@contextmanager
def running_reelarr(
    tmp_path: Path, url_base: str = "", env: Mapping[str, str] | None = None
) -> Iterator[ReelarrServer]:
    """A fresh Reelarr (no user yet), stopped at the end; its log tail is printed for failing tests."""
    server = ReelarrServer(tmp_path, url_base, env)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        print(f"--- reelarr server log (tail) ---\n{server.log_tail()}")


@pytest.fixture
def reelarr_server(tmp_path: Path) -> Iterator[ReelarrServer]:
    with running_reelarr(tmp_path) as server:
        yield server


@pytest.fixture
def reelarr_behind_proxy(tmp_path: Path) -> Iterator[ReelarrServer]:
    """Reelarr under the URL base /reelarr, as behind a reverse proxy: `url` ends with it."""
    with running_reelarr(tmp_path, url_base="/reelarr") as server:
        yield server


@pytest.fixture(scope="module")
def tmdb_fixture() -> Iterator[TmdbFixtureServer]:
    """The fixture TMDB (API and image CDN) on a loopback port, for the servers of one test module."""
    with TmdbFixtureServer() as tmdb:
        yield tmdb


USERNAME = "admin"
PASSWORD = "correct horse battery staple"
ACCOUNT = {"REELARR_ADMIN_USER": USERNAME, "REELARR_ADMIN_PASSWORD": PASSWORD}
API_KEY = "e2e0123456789abcdef0123456789abc"


@pytest.fixture(scope="module")
def server(
    tmdb_fixture: TmdbFixtureServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReelarrServer]:
    """One Reelarr for the module, with an account, the API key API_KEY and the fixture TMDB."""
    data = tmp_path_factory.mktemp("reelarr")
    env = ACCOUNT | tmdb_env(tmdb_fixture) | {"REELARR_API_KEY": API_KEY}
    with running_reelarr(data, env=env) as reelarr:
        yield reelarr


@contextmanager
def api_client(server: ReelarrServer) -> Iterator[httpx.Client]:
    """An HTTP client for the server's API with API_KEY, for setting up what a test needs."""
    with httpx.Client(base_url=f"{server.url}/api/v3", headers={"X-Api-Key": API_KEY}, timeout=30) as client:
        yield client


def matrix_with_a_file(api: httpx.Client, root: Path, file_name: str) -> dict[str, object]:
    """The Matrix added under `root` with one file called `file_name`, rescanned until it is seen."""
    folder = root / "The Matrix (1999)"
    folder.mkdir()
    (folder / file_name).write_bytes(b"\0" * 4096)
    api.post("/rootfolder", json={"path": str(root)}).raise_for_status()
    body = {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(root)}
    movie = api.post("/movie", json=body).raise_for_status().json()
    api.post("/command", json={"name": "RescanMovie", "movieId": movie["id"]}).raise_for_status()
    deadline = time.monotonic() + 30
    while not (found := api.get(f"/movie/{movie['id']}").json())["hasFile"]:
        assert time.monotonic() < deadline, "the film's file was not found"
        time.sleep(0.2)
    return dict(found)


def tmdb_env(tmdb: TmdbFixtureServer, *, with_key: bool = True) -> dict[str, str]:
    """Settings pointing a Reelarr at the fixture TMDB (with its v3 key unless told otherwise)."""
    env = {"REELARR_TMDB_API_URL": tmdb.api_url, "REELARR_TMDB_IMAGE_URL": tmdb.image_url}
    if with_key:
        env["REELARR_TMDB_API_KEY"] = tmdb.api_key
    return env


# Module scope, not session: the sync API keeps its own event loop running while it is open, and
# pytest-asyncio cannot run async tests of other modules during that time.
@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (make test-deps does it)")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def page(browser: Browser, tmp_path: Path) -> Iterator[Page]:
    """A page in a fresh browser context (no cookies); its last screen is kept as tmp_path/last-page.png."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        yield page
    finally:
        page.screenshot(path=str(tmp_path / "last-page.png"))
        context.close()
