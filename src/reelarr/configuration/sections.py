"""A settings page kept in the configuration store: a frozen dataclass of bool, int and str fields,
each stored under `<prefix><field name>`, with defaults for what was never saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any, Generic, TypeVar

from reelarr.configuration.store import ConfigStore
from reelarr.errors import ValidationFailed, ValidationFailure
from reelarr.events import Event, EventBus

T = TypeVar("T")


def _parse(kind: Any, stored: str) -> object:
    if kind in ("bool", bool):
        return stored == "true"
    if kind in ("int", int):
        return int(stored)
    return stored


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class ConfigSection(Generic[T]):
    """Reads and saves one settings page; `check` names the broken rules of a page to be saved."""

    def __init__(
        self,
        store: ConfigStore,
        bus: EventBus,
        kind: type[T],
        prefix: str,
        check: Callable[[T], list[ValidationFailure]],
        changed: Callable[[], Event] | None = None,
    ) -> None:
        self._store = store
        self._bus = bus
        self._kind = kind
        self._prefix = prefix
        self._check = check
        self._changed = changed

    async def get(self) -> T:
        """The page in force (defaults for fields never saved)."""
        page = fields(self._kind)  # type: ignore[arg-type]
        stored = await self._store.get_many([self._prefix + field.name for field in page])
        values = {
            field.name: _parse(field.type, stored[self._prefix + field.name])
            for field in page
            if self._prefix + field.name in stored
        }
        return self._kind(**values)

    async def save(self, config: T) -> T:
        """Keep a page; a 400 naming each broken rule, and nothing saved, when one is broken."""
        failures = self._check(config)
        if failures:
            raise ValidationFailed(failures)
        items = asdict(config).items()  # type: ignore[call-overload]
        await self._store.set_many({self._prefix + name: _text(value) for name, value in items})
        if self._changed is not None:
            await self._bus.publish(self._changed())
        return config
