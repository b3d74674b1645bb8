"""Start-up time of the `reelarr` command: each quick command, run whole many times, beside the target."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REELARR = str(Path(sys.executable).with_name("reelarr"))
TARGET_S = 0.3  # issue 9, item 8: --version, parse, api-key and user start in under 0.3 s
BEFORE_S = "1.2-2"  # the same commands when the CLI imported the whole server
POSTGRES = "postgresql://postgres@127.0.0.1:5432"


def time_command(args: list[str], runs: int, env: dict[str, str], stdin: str = "") -> list[float]:
    """Wall-clock seconds of RUNS runs of `reelarr ARGS`; `{n}` in an argument becomes the run's number."""
    seconds = []
    for n in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [REELARR, *(a.format(n=n) for a in args)],
            env=env,
            check=True,
            capture_output=True,
            input=stdin,
            text=True,
        )
        seconds.append(time.perf_counter() - started)
    return seconds


def python_floor(runs: int) -> list[float]:
    """Wall-clock seconds of `python -c pass`, the floor of any Python command."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        seconds.append(time.perf_counter() - started)
    return seconds


@contextmanager
def database(postgres: bool) -> Iterator[dict[str, str]]:
    """The environment of a migrated database: SQLite in a temporary dir, or a PostgreSQL one of its own."""
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "REELARR_DATA_DIR": data_dir}
        env.pop("REELARR_DATABASE_URL", None)
        env.pop("REELARR_API_KEY", None)
        name = f"reelarr_bench_cli_{os.getpid()}"
        if postgres:
            subprocess.run(
                ["psql", "-qh", "127.0.0.1", "-U", "postgres", "-c", f"create database {name}"], check=True
            )
            env["REELARR_DATABASE_URL"] = f"{POSTGRES}/{name}"
        try:
            subprocess.run([REELARR, "migrate"], env=env, check=True, capture_output=True)
            # The first api-key generates and stores the key; the timed runs read it, as every later one does.
            subprocess.run([REELARR, "api-key"], env=env, check=True, capture_output=True)
            yield env
        finally:
            if postgres:
                subprocess.run(
                    ["psql", "-qh", "127.0.0.1", "-U", "postgres", "-c", f"drop database {name}"], check=True
                )


def main() -> None:
    """Time each command and print median and best beside the target."""
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=20)
    options.add_argument("--postgres", action="store_true", help="use the local PostgreSQL instead of SQLite")
    chosen = options.parse_args()
    runs = chosen.runs
    commands: dict[str, tuple[list[str], str]] = {
        "--version": (["--version"], ""),
        "parse TITLE": (["parse", "The.Movie.2015.1080p.BluRay.x264-GROUP"], ""),
        "api-key": (["api-key"], ""),
        "user list": (["user", "list"], ""),
        "user create": (["user", "create", "user{n}", "--password-stdin"], "a good password\n"),
        "user passwd": (["user", "passwd", "user{n}", "--password-stdin"], "another password\n"),
    }
    with database(chosen.postgres) as env:
        print(
            f"{runs} runs each; {'PostgreSQL' if chosen.postgres else 'SQLite'}; "
            f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
        )
        print(f"{'command':<20} {'median s':>9} {'best s':>7}  target s  before s")
        for name, (args, stdin) in commands.items():
            seconds = time_command(args, runs, env, stdin)
            figures = f"{statistics.median(seconds):>9.3f} {min(seconds):>7.3f}"
            print(f"{name:<20} {figures}  {TARGET_S:>8}  {BEFORE_S:>8}")
        floor = python_floor(runs)
        print(f"{'(python -c pass)':<20} {statistics.median(floor):>9.3f} {min(floor):>7.3f}")


if __name__ == "__main__":
    main()
