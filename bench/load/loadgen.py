"""The load generator of bench/load, run in a process of its own: asks a server for what clients ask most.

Closed loop (`--clients N`): N clients, each on its own keep-alive connection, sending its next request
when the last one answered. Open loop (`--rate R`): requests arrive at R a second on average
(exponential gaps, seeded), whatever the answers do; each is timed from the moment it was due, so a
server that falls behind is charged for the wait (no coordinated omission). Prints one JSON object:
per endpoint, every latency in seconds and the errors; and the generator's own CPU time.

The HTTP/1.1 client is a few lines over asyncio streams: httpx spent ~6 ms of CPU a request, as much as
the server, on a machine of two cores the two share.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

PAGE_SIZE = 50
KEEP_ALIVE_SECONDS = 4.0


@dataclass(frozen=True)
class Endpoint:
    """A kind of request, how often clients send it, and how to build one."""

    name: str
    weight: int
    path: Callable[[random.Random], str]


def endpoints(movies: int, today: date) -> list[Endpoint]:
    """The mix: a movie by id (detail pages, Overseerr), a page of the list (the UI, in both directions),
    status and health (every client polls them), the calendar as the UI's month view asks for it."""
    pages = max(1, movies // PAGE_SIZE)
    first, last = today - timedelta(days=7), today + timedelta(days=28)

    def movie(rng: random.Random) -> str:
        return f"/api/v3/movie/{rng.randint(1, movies)}"

    def page(rng: random.Random) -> str:
        direction = rng.choice(("ascending", "descending"))
        return (
            f"/api/v3/movie?page={rng.randint(1, pages)}&pageSize={PAGE_SIZE}"
            f"&sortKey=title&sortDirection={direction}"
        )

    return [
        Endpoint("movie/{id}", 35, movie),
        Endpoint("movie?page", 20, page),
        Endpoint("system/status", 15, lambda _rng: "/api/v3/system/status"),
        Endpoint("calendar", 15, lambda _rng: f"/api/v3/calendar?start={first}&end={last}"),
        Endpoint("health", 15, lambda _rng: "/api/v3/health"),
    ]


class Connection:
    """One keep-alive HTTP/1.1 connection to the server."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        return cls(*await asyncio.open_connection(host, port))

    async def get(self, request_head: bytes) -> int:
        """Send a GET, read the whole answer (body as sent: gzip stays compressed); its status."""
        self.writer.write(request_head)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {
            k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)
        }
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        return status

    def close(self) -> None:
        self.writer.close()


class Client:
    """Requests with the API key, on connections kept for reuse."""

    def __init__(self, url: str, api_key: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self._head = (
            f"Host: {parts.netloc}\r\nX-Api-Key: {api_key}\r\nAccept: application/json\r\n"
            "Accept-Encoding: gzip\r\nUser-Agent: reelarr-bench-load\r\n\r\n"
        ).encode()
        self._idle: list[tuple[Connection, float]] = []

    def request(self, path: str) -> bytes:
        return f"GET {path} HTTP/1.1\r\n".encode() + self._head

    async def _connection(self) -> Connection:
        """The most recently used idle connection, or a new one; ones idle too long are closed (uvicorn
        closes a keep-alive connection after 5 s, and a request sent as it does would fail)."""
        while self._idle:
            connection, since = self._idle.pop()
            if time.monotonic() - since < KEEP_ALIVE_SECONDS:
                return connection
            connection.close()
        return await Connection.open(self.host, self.port)

    async def get(self, path: str) -> int:
        """One GET on an idle connection (or a new one); a connection that failed is dropped."""
        connection = await self._connection()
        try:
            status = await connection.get(self.request(path))
        except BaseException:
            connection.close()
            raise
        self._idle.append((connection, time.monotonic()))
        return status

    def close(self) -> None:
        for connection, _since in self._idle:
            connection.close()


class Recorder:
    """Latencies and errors by endpoint."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.error_kinds: dict[str, int] = defaultdict(int)

    async def send(self, client: Client, endpoint: Endpoint, path: str, due: float) -> None:
        """One request, timed from `due` until its body was read."""
        try:
            status = await client.get(path)
            failure = None if status == 200 else f"HTTP {status}"
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            failure = type(error).__name__
        if failure is None:
            self.latencies[endpoint.name].append(time.perf_counter() - due)
        else:
            self.errors[endpoint.name] += 1
            self.error_kinds[failure] += 1


def _pick(rng: random.Random, mix: list[Endpoint]) -> Endpoint:
    return rng.choices(mix, weights=[e.weight for e in mix])[0]


async def closed_loop(
    client: Client, mix: list[Endpoint], clients: int, until: float, rec: Recorder, seed: int
) -> None:
    """`clients` loops that each wait for an answer before asking again."""

    async def one(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        while time.perf_counter() < until:
            endpoint = _pick(rng, mix)
            await rec.send(client, endpoint, endpoint.path(rng), time.perf_counter())

    await asyncio.gather(*(one(n) for n in range(clients)))


async def open_loop(
    client: Client, mix: list[Endpoint], rate: float, until: float, rec: Recorder, seed: int
) -> None:
    """Requests due at `rate` a second (Poisson arrivals), each sent when due whatever is in flight."""
    rng = random.Random(seed)
    due = time.perf_counter()
    tasks = set()
    while True:
        due += rng.expovariate(rate)
        if due >= until:
            break
        endpoint = _pick(rng, mix)
        path = endpoint.path(rng)
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        task = asyncio.create_task(rec.send(client, endpoint, path, due))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    await asyncio.gather(*tasks)


async def run(args: argparse.Namespace) -> dict[str, object]:
    mix = endpoints(args.movies, date.fromisoformat(args.today))
    client = Client(args.url, args.api_key)
    try:
        warm = Recorder()
        warm_until = time.perf_counter() + args.warmup
        if args.rate:
            await open_loop(client, mix, args.rate, warm_until, warm, args.seed + 1)
        else:
            await closed_loop(client, mix, args.clients, warm_until, warm, args.seed + 1)
        rec = Recorder()
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        until = started + args.duration
        if args.rate:
            await open_loop(client, mix, args.rate, until, rec, args.seed)
        else:
            await closed_loop(client, mix, args.clients, until, rec, args.seed)
        elapsed = time.perf_counter() - started
        cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        client.close()
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {
        "elapsed": elapsed,
        "cpu": cpu,
        "latencies": rec.latencies,
        "errors": rec.errors,
        "error_kinds": rec.error_kinds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--movies", type=int, required=True)
    parser.add_argument("--today", default=date.today().isoformat())
    parser.add_argument("--clients", type=int, default=0, help="closed loop with this many clients")
    parser.add_argument("--rate", type=float, default=0.0, help="open loop at this many requests a second")
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    if bool(args.clients) == bool(args.rate):
        parser.error("give either --clients or --rate")
    json.dump(asyncio.run(run(args)), sys.stdout)


if __name__ == "__main__":
    main()
