"""POST /api/v3/system/restart and /shutdown end a real `reelarr serve` with its documented exit code,
and the next start finds the database whole and the saved settings in force; SSL settings serve HTTPS."""

from __future__ import annotations

from pathlib import Path

import httpx

from reelarr.host.lifecycle import RESTART_EXIT_CODE, SHUTDOWN_EXIT_CODE
from tests.support.certificates import write_certificate
from tests.support.live import API_KEY
from tests.support.net import free_port
from tests.support.processes import ReelarrProcess

HEADERS = {"X-Api-Key": API_KEY}


def _save_instance_name(process: ReelarrProcess, name: str) -> None:
    host = httpx.get(f"{process.url}/api/v3/config/host", headers=HEADERS).json()
    host["instanceName"] = name
    assert httpx.put(f"{process.url}/api/v3/config/host", headers=HEADERS, json=host).status_code == 202


def test_restart_exits_with_the_restart_code(database_url: str, tmp_path: Path) -> None:
    process = ReelarrProcess(tmp_path / "data", database_url)
    with process:
        _save_instance_name(process, "Before Restart")
        response = httpx.post(f"{process.url}/api/v3/system/restart", headers=HEADERS)
        assert response.status_code == 200
        assert response.json() == {"restarting": True}
        assert process.process.wait(30) == RESTART_EXIT_CODE
    assert "Traceback" not in process.log_path.read_text(errors="replace")
    # What a service manager does next: start it again on the same data.
    again = ReelarrProcess(tmp_path / "data", database_url)
    with again:
        status = httpx.get(f"{again.url}/api/v3/system/status", headers=HEADERS).json()
        assert status["instanceName"] == "Before Restart"


def test_shutdown_exits_with_zero(database_url: str, tmp_path: Path) -> None:
    process = ReelarrProcess(tmp_path / "data", database_url)
    with process:
        response = httpx.post(f"{process.url}/api/v3/system/shutdown", headers=HEADERS)
        assert response.json() == {"shuttingDown": True}
        assert process.process.wait(30) == SHUTDOWN_EXIT_CODE
    assert "Traceback" not in process.log_path.read_text(errors="replace")


def test_restart_needs_credentials(database_url: str, tmp_path: Path) -> None:
    with ReelarrProcess(tmp_path / "data", database_url) as process:
        assert httpx.post(f"{process.url}/api/v3/system/restart").status_code == 401
        assert process.process.poll() is None


def test_ssl_settings_serve_https_beside_http(database_url: str, tmp_path: Path) -> None:
    cert = tmp_path / "reelarr.pem"
    write_certificate(cert, "cert-secret")
    ssl_port = free_port()
    settings = {
        "enable_ssl": "true",
        "ssl_port": str(ssl_port),
        "ssl_cert_path": str(cert),
        "ssl_cert_password": "cert-secret",
    }
    with ReelarrProcess(tmp_path / "data", database_url, **settings) as process:
        secure = httpx.get(
            f"https://127.0.0.1:{ssl_port}/api/v3/system/status", headers=HEADERS, verify=False
        )
        assert secure.status_code == 200
        assert httpx.get(f"{process.url}/ping").status_code == 200
    assert "cert-secret" not in process.log_path.read_text(errors="replace")
