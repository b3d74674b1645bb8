"""/api/v3/log and /api/v3/log/file on a running server writing its real JSON-lines log."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from reelarr.observability.logs import configure_logging
from tests.conftest import make_settings
from tests.support.live import API_KEY, LiveServer, live_server

PASSWORD = "hunter2-correct-horse"
TOKEN = "tok-8f3a9c1d2e7b"


@pytest.fixture
async def logging_server(database_url: str, tmp_path: Path) -> AsyncIterator[LiveServer]:
    """A server whose process logs to its settings' rotating JSON-lines file, as `reelarr serve` does."""
    settings = make_settings(database_url, tmp_path / "data")
    configure_logging("info", settings.resolved_log_file)
    try:
        async with live_server(settings) as server:
            yield server
    finally:
        configure_logging("warning", None)


def flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


async def test_the_log_lists_records_newest_first_with_radarrs_levels(logging_server: LiveServer) -> None:
    logging.getLogger("reelarr.test").warning("first a warning")
    try:
        raise ValueError("the disk is gone")
    except ValueError:
        logging.getLogger("reelarr.test").exception("then an error")
    flush()
    body = (await logging_server.client.get("/api/v3/log", params={"pageSize": 2})).json()
    assert {k: body[k] for k in ("page", "pageSize", "sortKey", "sortDirection")} == {
        "page": 1,
        "pageSize": 2,
        "sortKey": "time",
        "sortDirection": "descending",
    }
    error, warning = body["records"]
    assert (error["level"], error["message"], error["logger"]) == ("error", "then an error", "reelarr.test")
    assert error["exceptionType"] == "ValueError"
    assert "the disk is gone" in error["exception"]
    assert error["method"] == "test_the_log_lists_records_newest_first_with_radarrs_levels"
    assert error["time"].endswith("Z")
    assert (warning["level"], warning["message"]) == ("warn", "first a warning")
    assert "exception" not in warning
    assert body["totalRecords"] > 2, "the server's own start-up lines are there too"


async def test_the_level_filter_keeps_that_level_and_above(logging_server: LiveServer) -> None:
    logging.getLogger("reelarr.test").warning("a warning")
    logging.getLogger("reelarr.test").error("an error")
    flush()
    # The log is the process's: only this test's logger is counted (a server of another test ending
    # in this process may log errors of its own meanwhile).
    errors = (await logging_server.client.get("/api/v3/log", params={"level": "error"})).json()
    assert [r["message"] for r in errors["records"] if r["logger"] == "reelarr.test"] == ["an error"]
    assert {r["level"] for r in errors["records"]} <= {"error", "fatal"}
    warnings = (await logging_server.client.get("/api/v3/log", params={"level": "warn"})).json()
    ours = [r["message"] for r in warnings["records"] if r["logger"] == "reelarr.test"]
    assert ours == ["an error", "a warning"]
    assert {r["level"] for r in warnings["records"]} <= {"warn", "error", "fatal"}
    oldest = (await logging_server.client.get("/api/v3/log", params={"sortDirection": "ascending"})).json()
    assert oldest["sortDirection"] == "ascending"
    assert oldest["records"][0]["time"] <= oldest["records"][-1]["time"]


async def test_secrets_logged_come_back_removed_from_the_log_and_the_files(
    logging_server: LiveServer,
) -> None:
    logging.getLogger("reelarr.test").error(
        "Indexer failed: http://127.0.0.1:9/api?t=search&apikey=%s&token=%s; login with password=%s",
        API_KEY,
        TOKEN,
        PASSWORD,
    )
    try:
        raise ConnectionError(f"GET https://tracker.example/announce?passkey=1&token={TOKEN} failed")
    except ConnectionError:
        logging.getLogger("reelarr.test").exception("Announce failed")
    # The access log writes the query strings of requests too.
    await logging_server.anonymous().get(f"/api/v3/system/status?apikey={API_KEY}&access_token={TOKEN}")
    flush()
    client = logging_server.client
    records = (await client.get("/api/v3/log", params={"pageSize": 100})).json()["records"]
    logged = next(r for r in records if r["message"].startswith("Indexer failed"))
    assert logged["message"] == (
        "Indexer failed: http://127.0.0.1:9/api?t=search&apikey=(removed)&token=(removed); "
        "login with password=(removed)"
    )
    assert any(
        "/api/v3/system/status?apikey=(removed)&access_token=(removed)" in r["message"] for r in records
    )
    files = (await client.get("/api/v3/log/file")).json()
    texts = [(await client.get(f["contentsUrl"])).text for f in files]
    texts += [(await client.get(f["downloadUrl"])).text for f in files]
    assert any("Indexer failed" in text for text in texts)
    for text in [*texts, str(records)]:
        for secret in (API_KEY, PASSWORD, TOKEN):
            assert secret not in text


async def test_log_files_are_listed_with_radarrs_fields_and_served(logging_server: LiveServer) -> None:
    logging.getLogger("reelarr.test").info("into the file")
    flush()
    client = logging_server.client
    (listed,) = (await client.get("/api/v3/log/file")).json()
    assert listed["id"] == 1
    assert listed["filename"] == "reelarr.log"
    assert listed["lastWriteTime"].endswith("Z")
    assert listed["contentsUrl"] == "/api/v3/log/file/reelarr.log"
    assert listed["downloadUrl"] == "/logfile/reelarr.log"
    contents = await client.get("/api/v3/log/file/reelarr.log")
    assert contents.status_code == 200
    assert contents.headers["content-type"].startswith("text/plain")
    assert '"message":"into the file"' in contents.text
    download = await client.get("/logfile/reelarr.log")
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    assert '"message":"into the file"' in download.text
    assert (await client.get("/api/v3/log/file/update")).json() == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/log/file/missing.log",
        "/api/v3/log/file/..%2F..%2Freelarr.db",
        "/api/v3/log/file/..%2Flogs%2Freelarr.log",
        "/api/v3/log/file/%2Fetc%2Fpasswd",
        "/logfile/..%2F..%2Fetc%2Fpasswd",
        "/logfile/missing.log",
    ],
)
async def test_a_name_outside_the_listing_is_not_found(logging_server: LiveServer, path: str) -> None:
    response = await logging_server.client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text


async def test_logs_need_the_api_key(logging_server: LiveServer) -> None:
    async with logging_server.anonymous() as anonymous:
        for path in ("/api/v3/log", "/api/v3/log/file", "/api/v3/log/file/reelarr.log"):
            assert (await anonymous.get(path)).status_code == 401, path
        download = await anonymous.get("/logfile/reelarr.log")
        assert download.status_code in (302, 303, 307, 401)
        assert "into the file" not in download.text


async def test_bad_paging_is_radarrs_400(logging_server: LiveServer) -> None:
    response = await logging_server.client.get("/api/v3/log", params={"page": 0, "sortDirection": "up"})
    assert response.status_code == 400
    assert {f["propertyName"] for f in response.json()} == {"page", "sortDirection"}
    unknown = await logging_server.client.get("/api/v3/log", params={"level": "x" * 500})
    assert unknown.status_code == 200, "an unknown level filters nothing, as in Radarr"
