"""The third-party applications Reelarr reads lists as: where each service's API is and who we are
to it (from the server's settings, never from a list's form)."""

from __future__ import annotations

from dataclasses import dataclass

TRAKT_API_URL = "https://api.trakt.tv"
IMDB_URL = "https://www.imdb.com"
SIMKL_API_URL = "https://api.simkl.com"
PLEX_TV_URL = "https://plex.tv"
PLEX_DISCOVER_URL = "https://discover.provider.plex.tv"


@dataclass(frozen=True, slots=True)
class TraktApp:
    """A Trakt API application (trakt.tv/oauth/applications): its client id and secret, and the API's
    address (settings.trakt_api_url, REELARR_TRAKT_API_URL, for a fixture server)."""

    api_url: str = TRAKT_API_URL
    client_id: str = ""
    client_secret: str = ""

    @property
    def configured(self) -> bool:
        """Whether Reelarr has a Trakt application to sign in and read lists with."""
        return bool(self.client_id and self.client_secret)


@dataclass(frozen=True, slots=True)
class SimklApp:
    """A Simkl API application (simkl.com/settings/developer): its client id (the PIN sign-in needs no
    secret), and the API's address (settings.simkl_api_url, REELARR_SIMKL_API_URL, for a fixture)."""

    api_url: str = SIMKL_API_URL
    client_id: str = ""

    @property
    def configured(self) -> bool:
        """Whether Reelarr has a Simkl application to sign in and read lists with."""
        return bool(self.client_id)


@dataclass(frozen=True, slots=True)
class PlexApp:
    """Who Reelarr is to plex.tv (its X-Plex-Client-Identifier, which a PIN is bound to) and where
    plex.tv and its discover provider are (REELARR_PLEX_TV_URL, REELARR_PLEX_DISCOVER_URL)."""

    client_identifier: str = ""
    tv_url: str = PLEX_TV_URL
    discover_url: str = PLEX_DISCOVER_URL
