"""A private INN (innd for posting, nnrpd for reading) on 127.0.0.1, in its own directory tree.

INN's Debian package keeps its state system-wide (/etc/news, /var/spool/news); here every path of
inn.conf points into a fresh directory owned by `news` (INNCONF tells INN's programs where it is), so a
test session never touches the system's news server and picks its own free ports. nnrpd is run beside
innd because innd serves 127.0.0.1 in transit mode (it is a feed peer) and NZBGet sends no MODE READER.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.net import free_port
from tests.support.usenet import GROUP, NntpPoster, PostedFile, Segment, articles, nzb

BIN = Path("/usr/lib/news/bin")
PART_SIZE = 256 * 1024  # well under inn.conf's maxartsize (1,000,000 bytes)
_PATHS = {
    "patharchive": "spool/archive",
    "patharticles": "spool/articles",
    "pathdb": "db",
    "pathetc": "etc",
    "pathfilter": "etc/filter",
    "pathhttp": "http",
    "pathincoming": "spool/incoming",
    "pathlog": "log",
    "pathoutgoing": "spool/outgoing",
    "pathoverview": "spool/overview",
    "pathrun": "run",
    "pathspool": "spool",
    "pathtmp": "spool/incoming/tmp",
}
_ACTIVE = (
    "control 0000000000 0000000001 n\n"
    "control.cancel 0000000000 0000000001 n\n"
    "junk 0000000000 0000000001 n\n"
    f"{GROUP} 0000000000 0000000001 y\n"
)


@dataclass(frozen=True)
class InnServer:
    """Where the private INN takes posts and serves readers."""

    host: str
    post_port: int
    reader_port: int

    def post_file(self, name: str, data: bytes, *, part_size: int = PART_SIZE) -> PostedFile:
        """Post `data` as yEnc articles; the posted file, every article checked to be there."""
        planned = articles(name, data, part_size)
        poster = NntpPoster(self.host, self.reader_port)
        try:
            for _, article in planned:
                poster.post(article)
            missing = [m for m, _ in planned if not poster.has(m)]
        finally:
            poster.close()
        if missing:
            raise RuntimeError(f"INN does not hold {missing}")
        return _posted(name, data, planned, part_size)

    def post_nzb(self, files: dict[str, bytes], *, part_size: int = PART_SIZE) -> bytes:
        """Post each file; the NZB that fetches them all."""
        return nzb([self.post_file(name, data, part_size=part_size) for name, data in files.items()])


def unposted_nzb(name: str, data: bytes, *, part_size: int = PART_SIZE) -> bytes:
    """An NZB for `data` whose articles were never posted: every download of it fails."""
    return nzb([_posted(name, data, articles(name, data, part_size), part_size)])


def _posted(name: str, data: bytes, planned: list[tuple[str, bytes]], part_size: int) -> PostedFile:
    sizes = [min(part_size, len(data) - i * part_size) for i in range(len(planned))]
    segments = tuple(Segment(m, max(size, 1)) for (m, _), size in zip(planned, sizes, strict=True))
    return PostedFile(name, len(data), segments)


def _inn_conf(root: Path, port: int) -> str:
    values = {key: str(root / sub) for key, sub in _PATHS.items()}
    values.update(
        {
            "port": str(port),
            "nnrpdpostport": str(port),
            "bindaddress": "127.0.0.1",
            "bindaddress6": "none",
            "domain": "reelarr.test",
            "pathhost": "reelarr.test",
            "doinnwatch": "false",
            "pgpverify": "false",
            "docnfsstat": "false",
            "nnrpdloadlimit": "0",  # nnrpd turns readers away above a load average of 16 otherwise
        }
    )
    lines = []
    for line in Path("/etc/news/inn.conf").read_text().splitlines():
        match = re.match(r"^#?\s*(\w+):", line)
        if match and match.group(1) in values:
            continue
        lines.append(line)
    lines += [f"{key}: {value}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def _prepare(root: Path, port: int) -> dict[str, str]:
    shutil.copytree("/etc/news", root / "etc")
    for sub in _PATHS.values():
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "etc" / "inn.conf").write_text(_inn_conf(root, port))
    (root / "db" / "active").write_text(_ACTIVE)
    for name in ("active.times", "newsgroups", "history"):
        (root / "db" / name).write_text("")
    news = pwd.getpwnam("news")
    for path in (root, *root.rglob("*")):
        os.chown(path, news.pw_uid, news.pw_gid)
    env = {**os.environ, "INNCONF": str(root / "etc" / "inn.conf")}
    subprocess.run(
        ["runuser", "-u", "news", "--", str(BIN / "makedbz"), "-i", "-o"],
        cwd=root / "db",
        env=env,
        check=True,
        capture_output=True,
        timeout=30,
    )
    return env


def _wait_listening(port: int, processes: list[subprocess.Popen[bytes]], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if sock.recv(64).startswith(b"20"):
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"INN did not answer on port {port} in time")


def _logs(root: Path) -> str:
    """What INN said while starting (its daemons' output and its own logs), for a failure's message."""
    parts = []
    for path in (root / "daemons.out", *sorted((root / "log").glob("*"))):
        if path.is_file() and path.stat().st_size:
            parts.append(f"--- {path.name}\n{path.read_text(errors='replace')[-2000:]}")
    return "\n".join(parts)


def _stop(process: subprocess.Popen[bytes]) -> None:
    # innd takes SIGTERM as "shut down when idle": kill what does not leave at once.
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextmanager
def running_inn() -> Iterator[InnServer]:
    """Start a private innd and nnrpd on free loopback ports; stop them and remove their tree on exit."""
    if not (BIN / "innd").exists():
        raise RuntimeError("INN is not installed: `make test-deps` installs the inn2 package")
    # pytest's temporary directories are private to root; `news` must be able to reach this one.
    root = Path(tempfile.mkdtemp(prefix="reelarr-inn-"))
    root.chmod(0o755)
    post_port, reader_port = free_port(), free_port()
    env = _prepare(root, post_port)
    log = (root / "daemons.out").open("wb")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        reader = ["runuser", "-u", "news", "--", str(BIN / "nnrpd"), "-D", "-f", "-b", "127.0.0.1"]
        for command, port in (
            ([str(BIN / "innd"), "-f"], post_port),
            ([*reader, "-p", str(reader_port)], reader_port),
        ):
            processes.append(
                subprocess.Popen(
                    command,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
            try:
                _wait_listening(port, processes)
            except RuntimeError as error:
                raise RuntimeError(f"{error}\n{_logs(root)}") from None
        yield InnServer("127.0.0.1", post_port, reader_port)
    finally:
        for process in reversed(processes):
            _stop(process)
        log.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def inn() -> Iterator[InnServer]:
    """A private INN on 127.0.0.1, one per test session (per worker)."""
    with running_inn() as server:
        yield server
