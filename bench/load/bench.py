"""Concurrent readers on a real `reelarr serve` with a 10,000-film library: latency and throughput.

1. Builds the library bench/movies builds (fresh SQLite, or PostgreSQL with --postgres) and starts the
   server (bench/movies/serving.py: one process, loopback port, scheduled commands off).
2. Runs the load generator (loadgen.py) in a process of its own, three times, each for --duration
   seconds after a few seconds of warm-up: a closed loop of 1 client, a closed loop of 50 clients
   (the issue's measurement) and an open loop of 50 requests a second (the seed's "50 concurrent
   users"). The mix is what clients ask most: a movie by id, a page of the list, system status,
   the calendar, health.
3. Prints p50/p95/p99 and throughput per phase and per endpoint, the CPU used by the server, the load
   generator and everything else on the machine during each phase (it is shared), and beside ours the
   issue's target (p95 < 100 ms in the open loop) and its measured 'before' (50 clients:
   p50 310 ms, p95 963 ms).

Radarr cannot run here (no .NET runtime, no network), so no peer runs beside ours.

Run: make bench-load [BENCH_ARGS="--postgres --duration 30"]; it puts bench/movies on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from movie_library import LibraryShape, build
from serving import API_KEY, Server, create_postgres_database, drop_postgres_database

LOADGEN = Path(__file__).with_name("loadgen.py")
TARGET_P95 = 0.100
BEFORE_50 = {"p50": 0.310, "p95": 0.963}


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values` (sorted here)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, round(fraction * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine (every process, every core) has been busy so far, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


@dataclass
class Phase:
    """One run of the load generator and what the machine did meanwhile."""

    name: str
    result: dict[str, Any]
    server_cpu: float
    machine_busy: float

    @property
    def all_latencies(self) -> list[float]:
        return [v for values in self.result["latencies"].values() for v in values]

    @property
    def elapsed(self) -> float:
        return float(self.result["elapsed"])


def run_phase(server: Server, args: argparse.Namespace, name: str, loop: list[str]) -> Phase:
    """The load generator for one phase, in its own process; its JSON answer and the CPU used meanwhile."""
    command = [
        sys.executable,
        str(LOADGEN),
        f"--url={server.url}",
        f"--api-key={API_KEY}",
        f"--movies={args.movies}",
        f"--today={date.today()}",
        f"--duration={args.duration}",
        f"--warmup={args.warmup}",
        *loop,
    ]
    # Measured over the whole run (warm-up included) and scaled to the timed part below.
    cpu_before, busy_before = server.cpu_seconds(), busy_cpu_seconds()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    cpu_after, busy_after = server.cpu_seconds(), busy_cpu_seconds()
    result = json.loads(done.stdout)
    share = args.duration / (args.duration + args.warmup)
    return Phase(
        name,
        result,
        server_cpu=(cpu_after - cpu_before) * share,
        machine_busy=(busy_after - busy_before) * share,
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def report(phase: Phase, args: argparse.Namespace) -> None:
    """Percentiles and throughput of a phase, overall and per endpoint, and the machine's CPU meanwhile."""
    values = phase.all_latencies
    errors = sum(phase.result["errors"].values())
    elapsed = phase.elapsed
    loadgen_cpu = float(phase.result["cpu"])
    others = max(0.0, phase.machine_busy - phase.server_cpu - loadgen_cpu)
    print(
        f"\n  {phase.name}: {len(values)} requests in {elapsed:.1f} s, {len(values) / elapsed:.1f} req/s,"
        f" {errors} errors" + (f" ({dict(phase.result['error_kinds'])})" if errors else "")
    )
    print(
        f"    CPU over the phase (of {os.cpu_count()} cores): server {phase.server_cpu / elapsed:.2f},"
        f" load generator {loadgen_cpu / elapsed:.2f}, everything else {others / elapsed:.2f}"
    )
    heads = ("count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms")
    print(f"    {'endpoint':<15} {heads[0]:>6} " + " ".join(f"{h:>7}" for h in heads[1:]))
    rows = [*sorted(phase.result["latencies"].items()), ("all", values)]
    for name, lat in rows:
        print(
            f"    {name:<15} {len(lat):>6} {len(lat) / elapsed:>7.1f} {ms(percentile(lat, 0.5))}"
            f" {ms(percentile(lat, 0.95))} {ms(percentile(lat, 0.99))} {ms(max(lat))}"
        )


def verdicts(closed_phase: Phase, open_phase: Phase) -> None:
    """Ours beside the issue's target and its 'before'."""
    print("\n  Beside the issue (Radarr cannot run here: no .NET runtime, no network; no peer runs):")
    closed = closed_phase.all_latencies
    print(
        f"    {closed_phase.name} closed loop: p50 {percentile(closed, 0.5) * 1000:.0f} ms,"
        f" p95 {percentile(closed, 0.95) * 1000:.0f} ms;"
        f" the issue's before: p50 {BEFORE_50['p50'] * 1000:.0f} ms, p95 {BEFORE_50['p95'] * 1000:.0f} ms"
    )
    opened = open_phase.all_latencies
    p95 = percentile(opened, 0.95)
    verdict = "meets" if p95 < TARGET_P95 else "misses"
    print(
        f"    {open_phase.name}: p95 {p95 * 1000:.0f} ms; target p95 < {TARGET_P95 * 1000:.0f} ms: {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--movies", type=int, default=10_000)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds timed per phase")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds untimed before each phase")
    parser.add_argument("--rate", type=float, default=50.0, help="requests a second of the open loop")
    parser.add_argument("--clients", type=int, default=50, help="clients of the concurrent closed loop")
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="reelarr-bench-load-"))
    pg_name = None
    try:
        if args.postgres:
            pg_name, database_url = create_postgres_database()
        else:
            database_url = f"sqlite:///{workdir / 'reelarr.db'}"
        built = asyncio.run(build(database_url, LibraryShape(movies=args.movies)))
        load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
        kind = "PostgreSQL" if args.postgres else "SQLite"
        print(
            f"Load bench: {built.movies} films, {built.files} files ({kind});"
            f" {args.duration:.0f} s per phase; load average before: {load}"
        )
        server = Server(workdir, database_url)
        try:
            server.wait_ready()
            phases = {}
            for name, loop in (
                ("1 client", ["--clients=1"]),
                (f"{args.clients} clients", [f"--clients={args.clients}"]),
                (f"open {args.rate:.0f} req/s", [f"--rate={args.rate}"]),
            ):
                phases[name] = run_phase(server, args, name, loop)
                report(phases[name], args)
            verdicts(phases[f"{args.clients} clients"], phases[f"open {args.rate:.0f} req/s"])
        finally:
            server.stop()
    finally:
        if pg_name:
            drop_postgres_database(pg_name)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
