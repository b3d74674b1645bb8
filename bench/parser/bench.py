"""Parser throughput: Reelarr's parse_title over the conformance inputs, beside guessit, in one process.

Run: uv run --group bench python bench/parser/bench.py [--parses 100000] [--guessit-seconds 20]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from pathlib import Path

from reelarr.parsing import parse_title
from reelarr.parsing.movie import forget_parses

REPO_ROOT = Path(__file__).resolve().parents[2]


def conformance_inputs() -> list[str]:
    """Every input string of the conformance file (variants included), in file order."""
    default = REPO_ROOT / "tests" / "fixtures" / "conformance"
    folder = Path(os.environ.get("REELARR_CONFORMANCE_DIR", default))
    inputs: list[str] = []
    for line in (folder / "radarr-parser.dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            for item in case.get("variants", [case]):
                inputs.append(item.get("input_posix", item["input"]))
    return inputs


def measure_reelarr(titles: list[str], parses: int) -> tuple[int, float]:
    """Parse the titles round-robin until `parses` calls were made; returns (calls, seconds)."""
    rounds = -(-parses // len(titles))
    gc.collect()
    start = time.perf_counter()
    for _ in range(rounds):
        forget_parses()  # every round parses anew: parse_title keeps its last 8,192 answers
        for title in titles:
            parse_title(title)
    return rounds * len(titles), time.perf_counter() - start


def measure_guessit(titles: list[str], seconds: float) -> tuple[int, float] | None:
    """Parse with guessit (type=movie) for about `seconds`; returns (calls, seconds) or None if absent."""
    try:
        from guessit import guessit
    except ImportError:
        return None
    guessit(titles[0], {"type": "movie"})  # first call builds guessit's rules; not part of the figure
    calls = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        guessit(titles[calls % len(titles)], {"type": "movie"})
        calls += 1
    return calls, time.perf_counter() - start


def main() -> None:
    """Print titles per second for Reelarr and for guessit on the same inputs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--parses", type=int, default=100_000, help="Reelarr parses to time (default 100000)")
    parser.add_argument("--guessit-seconds", type=float, default=20.0, help="how long to time guessit")
    args = parser.parse_args()

    titles = conformance_inputs()
    for title in titles:  # warm-up: imports and first-use costs are not throughput
        parse_title(title)
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus, one process")
    print(f"inputs: {len(titles)} conformance strings")

    calls, elapsed = measure_reelarr(titles, args.parses)
    print(f"reelarr: {calls} parses in {elapsed:.2f} s = {calls / elapsed:,.0f} titles/s")

    peer = measure_guessit(titles, args.guessit_seconds)
    if peer is None:
        print("guessit: not installed (uv sync --group bench)", file=sys.stderr)
        return
    peer_calls, peer_elapsed = peer
    rate, peer_rate = calls / elapsed, peer_calls / peer_elapsed
    print(f"guessit: {peer_calls} parses in {peer_elapsed:.2f} s = {peer_rate:,.0f} titles/s")
    print(f"reelarr is {rate / peer_rate:,.0f}x guessit")


if __name__ == "__main__":
    main()
