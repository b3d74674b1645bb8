"""The API key: fixed by the operator, or generated once, stored in the database, and regenerable."""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass

from reelarr.auth.credentials import API_KEY_CONFIG_KEY, new_api_key
from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailed
from reelarr.events import Event, EventBus, EventsMissed, shared

API_KEY_FORM = re.compile(r"^[A-Za-z0-9]{20,64}$")


@shared("apikey.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class ApiKeyChanged(Event):
    """The API key was regenerated; every process must drop the old one."""


class ApiKeys:
    """Knows the current key; checks presented keys in constant time."""

    def __init__(self, store: ConfigStore, bus: EventBus, fixed_key: str | None) -> None:
        self._store = store
        self._bus = bus
        self._fixed = fixed_key
        self._current: str | None = fixed_key
        bus.subscribe(ApiKeyChanged, self._on_changed, remote=True)
        bus.subscribe(EventsMissed, self._on_changed)

    @property
    def is_fixed(self) -> bool:
        """True when REELARR_API_KEY sets the key."""
        return self._fixed is not None

    async def current(self) -> str:
        """The key clients must present."""
        if self._current is None:
            self._current = await self._store.get_or_create(API_KEY_CONFIG_KEY, new_api_key())
        return self._current

    async def matches(self, presented: str | None) -> bool:
        """True when `presented` is the current key."""
        if not presented:
            return False
        return hmac.compare_digest(presented.encode(), (await self.current()).encode())

    async def regenerate(self) -> str:
        """Replace the key with a new random one and tell every process."""
        if self._fixed is not None:
            raise ValidationFailed.single(
                "apiKey", "The API key is set by REELARR_API_KEY; change it there instead"
            )
        key = new_api_key()
        await self._store.set(API_KEY_CONFIG_KEY, key)
        self._current = key
        await self._bus.publish(ApiKeyChanged())
        return key

    async def replace(self, key: str) -> None:
        """Use a key the user chose (Settings → General) and tell every process."""
        if self._fixed is not None:
            raise ValidationFailed.single(
                "apiKey", "The API key is set by REELARR_API_KEY; change it there instead"
            )
        if not API_KEY_FORM.match(key):
            raise ValidationFailed.single("apiKey", "The API key must be 20 to 64 letters or digits")
        await self._store.set(API_KEY_CONFIG_KEY, key)
        self._current = key
        await self._bus.publish(ApiKeyChanged())

    async def _on_changed(self, _event: Event) -> None:
        if self._fixed is None:
            self._current = None
