"""Keeps the plex.tv tokens Reelarr holds alive, as Radarr's PlexTvService.Ping does: plex.tv expires a
token its application has not been seen with for a while, so each token is shown to `/api/v2/ping` once
a day (the PlexTokenKeepAlive task). A refused or failed ping is only logged: the list or notification
that uses the token reports its own failure when it next uses it."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

from reelarr.errors import RemoteError
from reelarr.importlists.apps import PlexApp
from reelarr.importlists.plex import plex_identity
from reelarr.jobs.model import CommandBody, CommandContext, CommandSpec
from reelarr.remote import RemoteRegistry, ServicePolicy

log = logging.getLogger(__name__)
PING_EVERY_MINUTES = 24 * 60  # Radarr pings a token at most once in 24 hours
SERVICE_NAME = "plex.tv keep-alive"


@dataclass(frozen=True, slots=True)
class PlexToken:
    """A token and who holds it (for the log: the token itself never is)."""

    token: str
    holder: str


TokenSource = Callable[[], Awaitable[Iterable[PlexToken]]]


@dataclass(frozen=True, slots=True)
class PingReport:
    """How many distinct tokens were pinged, and the holders of those plex.tv did not take."""

    pinged: int
    refused: tuple[str, ...]

    def summary(self) -> str:
        """The task's completion message."""
        if not self.pinged:
            return "No plex.tv token to keep alive"
        failed = f", not taken for: {', '.join(self.refused)}" if self.refused else ""
        return f"Pinged plex.tv for {self.pinged} token(s){failed}"


class PlexKeepAlive:
    """Pings plex.tv once for each distinct token the sources hold."""

    def __init__(
        self, remote: RemoteRegistry, app: PlexApp, policy: ServicePolicy, sources: Sequence[TokenSource]
    ) -> None:
        self._remote = remote
        self._app = app
        self._policy = policy
        self._sources = sources

    async def tokens(self) -> list[PlexToken]:
        """Every distinct, non-blank token, with the first holder found."""
        found: dict[str, PlexToken] = {}
        for source in self._sources:
            for held in await source():
                token = held.token.strip()
                if token and token not in found:
                    found[token] = PlexToken(token, held.holder)
        return list(found.values())

    async def run(self) -> PingReport:
        """Ping plex.tv with each token."""
        tokens = await self.tokens()
        refused = [held.holder for held in tokens if not await self.ping(held)]
        return PingReport(len(tokens), tuple(refused))

    async def ping(self, held: PlexToken) -> bool:
        """Radarr's PlexTvProxy.Ping; the token goes in the X-Plex-Token header, which no log shows."""
        service = self._remote.service(SERVICE_NAME, self._policy)
        try:
            response = await service.exchange(
                "GET",
                f"{self._app.tv_url}/api/v2/ping",
                max_bytes=64 * 1024,
                params=plex_identity(self._app.client_identifier),
                headers={"Accept": "application/json", "X-Plex-Token": held.token},
            )
        except RemoteError as error:
            log.warning("Unable to ping plex.tv for %s: %s", held.holder, error.message)
            return False
        if response.status_code != 200:
            log.warning("plex.tv did not take the token of %s [%d]", held.holder, response.status_code)
            return False
        return True


def plex_keepalive_command(keepalive: PlexKeepAlive) -> CommandSpec:
    """PlexTokenKeepAlive: ping plex.tv with every Plex token held, daily."""

    async def run(_body: CommandBody, _ctx: CommandContext) -> str:
        return (await keepalive.run()).summary()

    return CommandSpec("PlexTokenKeepAlive", run)
