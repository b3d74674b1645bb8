"""Where TMDB's key and address come from: REELARR_TMDB_* when set, else what the user saved; and
the certification country of Settings → Metadata and the film information language of Settings →
UI, which shape what the client reads."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reelarr.configuration.store import ConfigStore
from reelarr.errors import RemoteRejected, RemoteUnavailable, ValidationFailed
from reelarr.events import Event, EventBus, EventsMissed, shared
from reelarr.languages import language_by_id, tmdb_language
from reelarr.metadata.options import MetadataOptionsChanged, metadata_options_section
from reelarr.metadata.tmdb import DEFAULT_API_URL, TmdbClient
from reelarr.uiconfig.config import UiConfigChanged, ui_section

_KEY = "tmdb.api_key"
_URL = "tmdb.api_url"


@shared("tmdb.settings.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class TmdbSettingsChanged(Event):
    """The saved TMDB key or address changed; every process reloads them."""


@dataclass(frozen=True, slots=True)
class TmdbSettingsView:
    """The TMDB settings as the API shows them (the key itself is never shown)."""

    api_url: str
    configured: bool
    from_environment: bool


class TmdbSettings:
    """Loads the TMDB client's key and address, and saves new ones entered in the UI."""

    def __init__(
        self,
        store: ConfigStore,
        bus: EventBus,
        client: TmdbClient,
        *,
        env_key: str | None,
        env_url: str | None,
        env_image_url: str | None = None,
    ) -> None:
        self._store = store
        self._bus = bus
        self._client = client
        self._env_key = env_key or None
        self._env_url = env_url or None
        self._env_image_url = env_image_url or None
        bus.subscribe(TmdbSettingsChanged, self._on_changed, remote=True)
        bus.subscribe(MetadataOptionsChanged, self._on_changed, remote=True)
        bus.subscribe(UiConfigChanged, self._on_changed, remote=True)
        bus.subscribe(EventsMissed, self._on_changed)

    async def load(self) -> None:
        """Configure the client from the environment or the saved settings."""
        key = self._env_key or await self._store.get(_KEY) or ""
        url = self._env_url or await self._store.get(_URL) or DEFAULT_API_URL
        options = await metadata_options_section(self._store, self._bus).get()
        info_language = language_by_id((await ui_section(self._store, self._bus).get()).movie_info_language)
        config = replace(
            self._client.config,
            api_key=key,
            api_url=url.rstrip("/"),
            certification_country=options.certification_country.upper(),
            language=(tmdb_language(info_language) if info_language else None) or "en-US",
        )
        if self._env_image_url:
            config = replace(config, image_url=self._env_image_url.rstrip("/"))
        if config != self._client.config:  # a new configuration drops the cached answers
            self._client.reconfigure(config)

    def view(self) -> TmdbSettingsView:
        """What is in force."""
        return TmdbSettingsView(
            api_url=self._client.config.api_url,
            configured=self._client.configured,
            from_environment=self._env_key is not None,
        )

    async def save(self, *, api_key: str | None, api_url: str | None) -> TmdbSettingsView:
        """Save a key and/or address entered by the user, after TMDB accepts them."""
        if self._env_key is not None and api_key is not None:
            raise ValidationFailed.single(
                "apiKey", "The TMDB key is set by REELARR_TMDB_API_KEY; change it there"
            )
        if self._env_url is not None and api_url is not None:
            raise ValidationFailed.single(
                "apiUrl", "The TMDB address is set by REELARR_TMDB_API_URL; change it there", api_url
            )
        if api_url is not None and not api_url.startswith(("http://", "https://")):
            raise ValidationFailed.single("apiUrl", "Must be an http:// or https:// address", api_url)
        previous = self._client.config
        trial = replace(
            previous,
            api_key=(api_key if api_key is not None else previous.api_key).strip(),
            api_url=(api_url or previous.api_url).rstrip("/"),
        )
        self._client.reconfigure(trial)
        try:
            await self._client.check()
        except (RemoteUnavailable, RemoteRejected) as error:
            # A test of what the user typed, answered as a form answers: which field, and why.
            self._client.reconfigure(previous)
            key_refused = isinstance(error, RemoteRejected) and error.status_code in (None, 401)
            field = "apiKey" if key_refused else "apiUrl"
            raise ValidationFailed.single(
                field, f"TMDB did not accept these settings: {error.message}"
            ) from error
        except Exception:
            self._client.reconfigure(previous)
            raise
        if api_key is not None:
            await self._store.set(_KEY, trial.api_key)
        if api_url is not None:
            await self._store.set(_URL, trial.api_url)
        await self._bus.publish(TmdbSettingsChanged())
        return self.view()

    async def _on_changed(self, _event: Event) -> None:
        await self.load()
