"""What makes a provider family: its key, its options, its implementations and how to build one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from reelarr.errors import ValidationFailure
from reelarr.providers.base import Provider
from reelarr.providers.model import OptionsT, ProviderDefinition
from reelarr.providers.registry import ProviderRegistry
from reelarr.providers.settings import ProviderSettings

P = TypeVar("P", bound=Provider)


@dataclass(frozen=True)
class Family(Generic[OptionsT, P]):
    """One provider family (Radarr's `ProviderFactory` for it)."""

    key: str  # "indexer": the resource path and the `family` column
    title: str  # "Indexer", for messages
    options_type: type[OptionsT]
    registry: ProviderRegistry[P]
    build: Callable[[type[P], ProviderDefinition[OptionsT]], P]
    # The options of an implementation's blank definition in the schema (e.g. enable flags).
    template_options: Callable[[type[P], ProviderSettings], OptionsT]
    # Rules on the options that need a look elsewhere (e.g. that a download client exists).
    check_options: Callable[[OptionsT], Awaitable[list[ValidationFailure]]] | None = None
