"""Start-up time of the `reelarr` command: each quick command, run whole many times, beside the target."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REELARR = str(Path(sys.executable).with_name("reelarr"))
TARGET_S = 0.3  # issue 9, item 8: --version, parse, api-key and user start in under 0.3 s
BEFORE_S = "1.2-2"  # the same commands when the CLI imported the whole server


def time_command(args: list[str], runs: int, env: dict[str, str]) -> list[float]:
    """Wall-clock seconds of RUNS complete runs of `reelarr ARGS`."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([REELARR, *args], env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    """Time each command and print median and best beside the target."""
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--runs", type=int, default=20)
    runs = options.parse_args().runs
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "REELARR_DATA_DIR": data_dir}
        env.pop("REELARR_DATABASE_URL", None)
        subprocess.run([REELARR, "migrate"], env=env, check=True, capture_output=True)
        commands = {
            "--version": ["--version"],
            "parse TITLE": ["parse", "The.Movie.2015.1080p.BluRay.x264-GROUP"],
            "api-key": ["api-key"],
            "user list": ["user", "list"],
            "(python -c pass)": None,
        }
        print(f"{runs} runs each; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(f"{'command':<20} {'median s':>9} {'best s':>7}  target s  before s")
        for name, args in commands.items():
            if args is None:
                seconds = []
                for _ in range(runs):
                    started = time.perf_counter()
                    subprocess.run([sys.executable, "-c", "pass"], check=True)
                    seconds.append(time.perf_counter() - started)
            else:
                seconds = time_command(args, runs, env)
            print(
                f"{name:<20} {statistics.median(seconds):>9.3f} {min(seconds):>7.3f}"
                f"  {TARGET_S:>8}  {BEFORE_S if args else '':>8}"
            )


if __name__ == "__main__":
    main()
