"""The contract every provider implementation fulfils, whatever its family."""

from __future__ import annotations

from abc import ABC
from collections.abc import Mapping
from typing import Any, ClassVar

from reelarr.errors import NotFound, ValidationFailure
from reelarr.providers.model import Preset, ProviderDefinition, ProviderMessage
from reelarr.providers.settings import ProviderSettings


class Provider(ABC):
    """One implementation: a name (Radarr's `implementation`), a settings model (its form), a test and
    optional actions. A family's base class adds what the family does (an indexer's search...)."""

    implementation: ClassVar[str]  # Radarr's class name, e.g. "Newznab"; the registry's key
    implementation_name: ClassVar[str]  # the name shown, e.g. "FileList.io"
    settings_model: ClassVar[type[ProviderSettings]]
    message: ClassVar[ProviderMessage | None] = None

    def __init__(self, definition: ProviderDefinition[Any]) -> None:
        self.definition = definition

    @classmethod
    def config_contract(cls) -> str:
        """Radarr's `configContract`: the settings class's name (e.g. "NewznabSettings")."""
        return cls.settings_model.__name__

    @classmethod
    def info_link(cls) -> str:
        """Where the wiki describes this implementation."""
        return f"https://wiki.servarr.com/radarr/supported#{cls.implementation.lower()}"

    @classmethod
    def presets(cls) -> list[Preset]:
        """Ready-made definitions offered beside the blank one."""
        return []

    async def test(self) -> list[ValidationFailure]:
        """Try the provider for real; what is wrong, errors and warnings (empty when all is well)."""
        return []

    async def action(self, name: str, query: Mapping[str, str]) -> Any:
        """Answer a named request from the provider's form (e.g. the categories a site offers)."""
        raise NotFound(f"{self.implementation} has no action '{name}'")
