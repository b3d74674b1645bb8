"""Radarr's CouchPotatoImport: the films a CouchPotato instance wants (its API key is in the path)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any, ClassVar

from reelarr.errors import ValidationFailure
from reelarr.importlists.base import ImportList, ImportListFailed
from reelarr.importlists.http import get_json
from reelarr.importlists.model import ListFetch, ListItem, ListType
from reelarr.providers.fields import FieldType, Privacy, setting
from reelarr.providers.settings import ProviderSettings, not_empty, valid_port, valid_root_url

_DONE = ("done", "seeding")


class CouchPotatoSettings(ProviderSettings):
    """Where CouchPotato is, its key, and whether only its wanted films count."""

    link: str = setting(
        "http://localhost", label="CouchPotato URL", help="URL to access your CouchPotato instance."
    )
    port: int = setting(5050, label="CouchPotato Port", help="Port your CouchPotato instance uses.")
    url_base: str = setting(
        "",
        label="CouchPotato Url Base",
        help=(
            "If you have CouchPotato configured via reverse proxy put the base path here. e.g. couchpotato. "
            "Leave blank if not using a proxy."
        ),
    )
    api_key: str = setting(
        "",
        label="CouchPotato API Key",
        privacy=Privacy.API_KEY,
        help="CouchPotato API Key. This can found within Settings > General",
    )
    only_active: bool = setting(
        True, label="Only Wanted", type=FieldType.CHECKBOX, help="Only add wanted movies."
    )

    def check(self) -> list[ValidationFailure]:
        """Radarr's CouchPotatoSettingsValidator."""
        return (
            valid_root_url("link", self.link, "CouchPotato URL")
            + valid_port("port", self.port)
            + not_empty("apiKey", self.api_key, "CouchPotato API Key")
        )

    def movie_list_url(self) -> str:
        """Radarr's request: `{link}:{port}{urlBase}/api/{apiKey}/movie.list/`."""
        base = self.url_base.strip()
        base = base if not base or base.startswith("/") else f"/{base}"
        return f"{self.link.strip()}:{self.port}{base}/api/{self.api_key.strip()}/movie.list/"


def _wanted(movie: Mapping[str, Any]) -> ListItem | None:
    """Radarr's rule: a film CouchPotato could not find, or one none of whose releases is done."""
    info = movie.get("info") if isinstance(movie.get("info"), Mapping) else {}
    releases = movie.get("releases")
    if movie.get("type") is None or not isinstance(releases, list):
        return None
    if releases and any(isinstance(r, Mapping) and r.get("status") in _DONE for r in releases):
        return None
    if not releases and movie.get("type") != "movie":
        return None
    tmdb_id = info.get("tmdb_id") if isinstance(info, Mapping) else None
    return ListItem(
        title=str(movie.get("title") or ""),
        tmdb_id=tmdb_id if isinstance(tmdb_id, int) and 0 < tmdb_id < 2**31 else 0,
        imdb_id=str(info.get("imdb") or "") if isinstance(info, Mapping) else "",
    )


def parse_movie_list(doc: Any) -> list[ListItem]:
    """The wanted films of CouchPotato's movie.list answer."""
    movies = doc.get("movies") or [] if isinstance(doc, Mapping) else None
    if not isinstance(movies, list):
        raise ImportListFailed("CouchPotato did not answer with a movie list")
    if doc.get("total") == 0:
        return []
    found = [_wanted(m) for m in movies if isinstance(m, Mapping)]
    return [item for item in found if item is not None and item.usable]


class CouchPotatoImport(ImportList):
    """A CouchPotato's wanted films."""

    implementation: ClassVar[str] = "CouchPotatoImport"
    implementation_name: ClassVar[str] = "CouchPotato"
    settings_model: ClassVar[type[ProviderSettings]] = CouchPotatoSettings
    list_type: ClassVar[ListType] = ListType.PROGRAM
    min_refresh_interval: ClassVar[timedelta] = timedelta(hours=12)

    async def fetch(self) -> ListFetch:
        """movie.list (`status=active` for only the wanted ones)."""
        settings = self.definition.settings
        assert isinstance(settings, CouchPotatoSettings)
        url = settings.movie_list_url()
        self.context.hide_url(url)
        params = {"status": "active"} if settings.only_active else None
        doc = await get_json(self.service(), url, params=params, headers={"Accept": "application/json"})
        return ListFetch(tuple(parse_movie_list(doc)))
