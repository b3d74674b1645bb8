"""Real `reelarr serve` processes on loopback, for tests across process boundaries."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.live import API_KEY
from tests.support.net import free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
# The developer's own settings must not leak into a server under test.
_FOREIGN = ("REELARR_URL_BASE", "REELARR_ADMIN_USER", "REELARR_ADMIN_PASSWORD", "REELARR_PLUGINS")


class ReelarrProcess:
    """One `python -m reelarr serve` with its own port; stopped with SIGTERM, or killed outright."""

    def __init__(self, data_dir: Path, database_url: str, **settings: str) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir / f"serve-{self.port}.out"
        env = {k: v for k, v in os.environ.items() if k not in _FOREIGN}
        env.update(
            {
                "REELARR_DATA_DIR": str(data_dir),
                "REELARR_DATABASE_URL": database_url,
                "REELARR_PORT": str(self.port),
                "REELARR_BIND": "127.0.0.1",
                "REELARR_API_KEY": API_KEY,
                "REELARR_COMMAND_POLL_SECONDS": "0.1",
                "REELARR_WORKER_HEARTBEAT_SECONDS": "0.5",
                "REELARR_WORKER_STALE_SECONDS": "5",
                "REELARR_LOG_FILE": str(data_dir / f"reelarr-{self.port}.log"),
                "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")])),
            }
        )
        env.update({f"REELARR_{k.upper()}": v for k, v in settings.items()})
        data_dir.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reelarr", "serve"],
            env=env,
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        """The server's process id."""
        return self.process.pid

    def wait_ready(self, timeout: float = 60) -> None:
        """Block until /ping answers; fail with the server's output if it exits or takes too long."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"reelarr serve exited with {self.process.returncode}:\n{self.output()}")
            try:
                if httpx.get(f"{self.url}/ping", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"reelarr serve did not answer in {timeout}s:\n{self.output()}")

    def client(self) -> httpx.AsyncClient:
        """An async client for this server that sends the API key."""
        return httpx.AsyncClient(base_url=self.url, headers={"X-Api-Key": API_KEY}, timeout=30)

    def output(self) -> str:
        """What the server printed so far."""
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-6000:]

    def stop(self, timeout: float = 20) -> None:
        """Ask the server to stop, and kill it if it does not."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()

    def kill(self) -> None:
        """Kill the server at once, as a crash or power cut would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def __enter__(self) -> ReelarrProcess:
        self.wait_ready()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()
