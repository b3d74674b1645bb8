"""The plex.tv keep-alive: which tokens it pings, and what its task reports."""

from __future__ import annotations

from reelarr.importlists.apps import PlexApp
from reelarr.importlists.http import list_policy
from reelarr.importlists.plex_keepalive import PingReport, PlexKeepAlive, PlexToken
from reelarr.remote import RemoteRegistry


async def test_each_distinct_token_is_pinged_once_blank_ones_never() -> None:
    async def lists() -> list[PlexToken]:
        return [PlexToken("tok-a", "import list A"), PlexToken(" ", "import list Blank")]

    async def notifications() -> list[PlexToken]:
        return [PlexToken("tok-a ", "notification Plex"), PlexToken("tok-b", "notification Other")]

    remote = RemoteRegistry()
    keepalive = PlexKeepAlive(remote, PlexApp("client"), list_policy(1.0), (lists, notifications))
    assert await keepalive.tokens() == [
        PlexToken("tok-a", "import list A"),
        PlexToken("tok-b", "notification Other"),
    ]
    await remote.aclose()


def test_the_report_names_the_holders_whose_token_plex_tv_did_not_take() -> None:
    assert PingReport(0, ()).summary() == "No plex.tv token to keep alive"
    assert PingReport(2, ()).summary() == "Pinged plex.tv for 2 token(s)"
    assert PingReport(2, ("notification Plex",)).summary() == (
        "Pinged plex.tv for 2 token(s), not taken for: notification Plex"
    )
