"""The implementations of one provider family, by Radarr's names; plugins add theirs here."""

from __future__ import annotations

from typing import Generic, TypeVar

from reelarr.providers.base import Provider

P = TypeVar("P", bound=Provider)


class ProviderRegistry(Generic[P]):
    """Implementations of one family, found by `implementation` ignoring case (as Radarr finds them)."""

    def __init__(self, family: str, base: type[P]) -> None:
        self.family = family
        self._base = base
        self._by_key: dict[str, type[P]] = {}

    def register(self, implementation: type[P]) -> type[P]:
        """Add an implementation (usable as a class decorator); a second one with its name is a bug."""
        if not issubclass(implementation, self._base):
            raise TypeError(f"{implementation.__name__} is not a {self._base.__name__}")
        key = implementation.implementation.lower()
        if key in self._by_key and self._by_key[key] is not implementation:
            raise ValueError(
                f"The {self.family} implementation {implementation.implementation} exists already"
            )
        self._by_key[key] = implementation
        return implementation

    def find(self, name: str) -> type[P] | None:
        """The implementation called `name`, ignoring case, or None."""
        return self._by_key.get(name.lower())

    def all(self) -> list[type[P]]:
        """Every implementation, by the name shown."""
        return sorted(self._by_key.values(), key=lambda cls: cls.implementation_name.lower())
