"""The contract of an import list implementation, and what every list needs from the installation."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from reelarr.errors import ValidationFailure
from reelarr.importlists.apps import IMDB_URL, PlexApp, SimklApp, TraktApp
from reelarr.importlists.model import ListFetch, ListType
from reelarr.metadata.tmdb import TmdbClient
from reelarr.providers.base import Provider
from reelarr.providers.model import ProviderDefinition
from reelarr.providers.settings import ProviderSettings
from reelarr.remote import RemoteRegistry, RemoteService, ServicePolicy


async def _nothing() -> None:
    return None


@dataclass(frozen=True, slots=True)
class ImportListContext:
    """The way out (every list's HTTP goes through the remote registry) and the TMDB client."""

    remote: RemoteRegistry
    tmdb: TmdbClient
    policy: ServicePolicy
    clock: Callable[[], datetime]
    # Keeps an address out of httpx's log lines (a feed whose path or query is its key).
    hide_url: Callable[[str], None] = lambda _url: None
    trakt: TraktApp = field(default_factory=TraktApp)
    imdb_url: str = IMDB_URL  # settings.imdb_url (REELARR_IMDB_URL) overrides
    simkl: SimklApp = field(default_factory=SimklApp)
    plex: PlexApp = field(default_factory=PlexApp)
    # Stores a list's settings that the list changed itself (a refreshed token), by list id.
    save_settings: Callable[[int, ProviderSettings], Awaitable[None]] = lambda _id, _settings: _nothing()

    def today(self) -> date:
        """Today's date (UTC), for lists that ask about release dates."""
        return self.clock().date()


class ImportListFailed(Exception):
    """Fetching a list failed; the message is safe to show (no secret in it)."""


class SignInRefused(ImportListFailed):
    """The service no longer takes the list's sign-in (revoked, not expired): only signing in again
    mends it, so it is told apart from a list that is merely down."""


def service_name_of(list_id: int) -> str:
    """The name of an import list's remote service (its breaker and connections)."""
    return f"ImportList {list_id}"


class ImportList(Provider):
    """One list: its films, fetched whole; `min_refresh_interval` is Radarr's floor between syncs."""

    list_type: ClassVar[ListType] = ListType.OTHER
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=12)
    adds_on_its_own: ClassVar[bool] = True  # a new list's enableAuto (Radarr's EnableAuto)

    def __init__(self, definition: ProviderDefinition[Any], context: ImportListContext) -> None:
        super().__init__(definition)
        self.context = context

    @classmethod
    def info_link(cls) -> str:
        """Where the wiki describes this list."""
        return f"https://wiki.servarr.com/radarr/supported#{cls.implementation.lower()}"

    @property
    def service_name(self) -> str:
        """This list's remote service name."""
        return service_name_of(self.definition.id)

    def service(self) -> RemoteService:
        """This list's remote service, under the lists' policy."""
        return self.context.remote.service(self.service_name, self.context.policy)

    @abstractmethod
    async def fetch(self) -> ListFetch:
        """Every film the list offers now; ImportListFailed when it could not be read whole."""

    async def test(self) -> list[ValidationFailure]:
        """Fetch the list for real: an error when it fails, a warning when it is empty (as Radarr)."""
        try:
            found = await self.fetch()
        except ImportListFailed as error:
            return [ValidationFailure("", f"Unable to connect to import list: {error}")]
        if not found.items:
            return [
                ValidationFailure(
                    "",
                    "No results were returned from your import list, please check your settings.",
                    severity="warning",
                )
            ]
        return []
