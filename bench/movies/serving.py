"""A real `reelarr serve` for the benchmarks: its own database (SQLite or PostgreSQL), a loopback port.

Shared by bench/movies, bench/load and bench/decisions; run from those scripts (their folder or this one is on
sys.path).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
POSTGRES_ADMIN_URL = os.environ.get(
    "REELARR_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
API_KEY = secrets.token_hex(16)


# ---------------------------------------------------------------- the database


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _postgres_admin(statement: str) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    conn = await asyncpg.connect(
        make_url(POSTGRES_ADMIN_URL).set(drivername="postgresql").render_as_string(False)
    )
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def create_postgres_database() -> tuple[str, str]:
    """A new, empty database on the local server: (name, URL)."""
    from sqlalchemy.engine import make_url

    name = f"reelarr_bench_{os.getpid()}_{secrets.token_hex(3)}"
    asyncio.run(_postgres_admin(f'CREATE DATABASE "{name}"'))
    return name, make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(name: str) -> None:
    """Drop the benchmark's database, whoever is still connected."""
    asyncio.run(_postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


# ---------------------------------------------------------------- the server


def _process_tree(pid: int) -> list[int]:
    """The process and its descendants (the server's feed reading worker)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                pending.extend(int(child) for child in (task / "children").read_text().split())
            except OSError:
                continue
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0  # it ended in between
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    """One `python -m reelarr serve` on a loopback port, as tests/support/processes.py runs it."""

    def __init__(self, data_dir: Path, database_url: str, settings: dict[str, str] | None = None) -> None:
        """Start it; `settings` are more REELARR_* variables (they win over the defaults here)."""
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir / "serve.out"
        env = {k: v for k, v in os.environ.items() if not k.startswith("REELARR_")}
        env.update(
            {
                "REELARR_DATA_DIR": str(data_dir),
                "REELARR_DATABASE_URL": database_url,
                "REELARR_PORT": str(self.port),
                "REELARR_BIND": "127.0.0.1",
                "REELARR_API_KEY": API_KEY,
                "REELARR_LOG_LEVEL": "warning",
                # Scheduled refreshes and cover re-checks would reach for TMDB in the middle of the runs.
                "REELARR_RUN_COMMANDS": "false",
                "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT / "src"), env.get("PYTHONPATH")])),
            }
        )
        env.update(settings or {})
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reelarr", "serve"],
            env=env,
            cwd=data_dir,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 120) -> None:
        """Block until /ping answers."""
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

    def memory_mb(self) -> tuple[float, float]:
        """Resident memory now and at its peak (VmRSS, VmHWM), in MB."""
        fields: dict[str, float] = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
        return fields["VmRSS"], fields["VmHWM"]

    def cpu_seconds(self, *, workers: bool = True) -> float:
        """CPU time the server has used so far, all its threads and (unless told) its worker processes."""
        pids = _process_tree(self.process.pid) if workers else [self.process.pid]
        return sum(_cpu_seconds(pid) for pid in pids)

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it does not go."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self._log.close()
