"""Secrets never reach a log line: keys, tokens and passwords in URLs, headers, pairs and tracebacks."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelarr.observability.logs import configure_logging
from reelarr.observability.redact import redact

KEY = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (f'127.0.0.1:5 - "GET /feed/v3/calendar/radarr.ics?apikey={KEY} HTTP/1.1" 200', "radarr.ics?apikey="),
        (f'"GET /api/v3/movie?pageSize=5&ApiKey={KEY}&page=2 HTTP/1.1"', "&page=2"),
        (f'"WebSocket /ws?access_token={KEY}" [accepted]', "/ws?access_token="),
        (
            f"HTTP Request: GET https://api.themoviedb.org/3/movie/603?api_key={KEY}&language=en",
            "language=en",
        ),
        (f"GET /x?token={KEY}", "/x?token="),
        (f"X-Api-Key: {KEY}", "X-Api-Key: "),
        (f"Authorization: Bearer {KEY}", "Bearer "),
        (f"{{'apiKey': '{KEY}', 'title': 'Heat'}}", "'title': 'Heat'"),
        (f'{{"password": "{KEY}"}}', '"password": "'),
        (f"api_key={KEY}", "api_key="),
        (f"GET /login?returnUrl=%2Fcalendar%3Fapikey%3D{KEY}%26view%3Dweek", "%26view%3Dweek"),
        (
            f"HTTP Request: GET http://sab:8080/api?mode=queue&ma_username=u&ma_password={KEY}&output=json",
            "output=json",
        ),
    ],
)
def test_a_secret_is_removed_and_the_rest_kept(line: str, kept: str) -> None:
    cleaned = redact(line)
    assert KEY not in cleaned
    assert "(removed)" in cleaned
    assert kept in cleaned


@pytest.mark.parametrize(
    "line",
    [
        '"GET /api/v3/movie?page=2&pageSize=50&sortKey=title HTTP/1.1" 200',
        "Reelarr 0.1.0 ready on / (sqlite)",
        "Refreshing The Matrix (1999), tmdb 603",
        "monkey=1&turkey=2",
    ],
)
def test_text_without_secrets_is_unchanged(line: str) -> None:
    assert redact(line) == line


@pytest.fixture
def configured(tmp_path: Path) -> Iterator[tuple[io.StringIO, Path]]:
    """Reelarr's logging set up on a console stream and a file; the test run's own restored after."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    console = io.StringIO()
    log_file = tmp_path / "reelarr.log"
    try:
        configure_logging("info", log_file)
        for handler in root.handlers:
            if type(handler) is logging.StreamHandler:
                handler.setStream(console)
        yield console, log_file
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in saved_handlers:
            root.addHandler(handler)
        root.setLevel(saved_level)


def test_console_and_file_get_no_secret_from_messages_or_tracebacks(
    configured: tuple[io.StringIO, Path],
) -> None:
    console, log_file = configured
    log = logging.getLogger(
        "tests.observability.access"
    )  # uvicorn.access's line, on a logger no test touched
    log.info(
        '%s - "%s %s HTTP/%s" %d',
        "127.0.0.1:1",
        "GET",
        f"/feed/v3/calendar/radarr.ics?apikey={KEY}",
        "1.1",
        200,
    )
    try:
        raise RuntimeError(f"fetching https://api.themoviedb.org/3/configuration?api_key={KEY} failed")
    except RuntimeError:
        logging.getLogger("reelarr.metadata").exception("TMDB check failed for token %s", f"Bearer {KEY}")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = log_file.read_text()
    assert KEY not in console.getvalue()
    assert KEY not in written
    assert "radarr.ics?apikey=(removed)" in console.getvalue()
    entries = [json.loads(line) for line in written.splitlines()]
    assert "api_key=(removed)" in entries[1]["exception"]
