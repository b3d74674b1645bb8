"""What a stored provider is, and what a client asks to change about one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, TypeVar

from reelarr.camel import CamelModel
from reelarr.errors import ValidationFailure
from reelarr.providers.settings import ProviderSettings


class ProviderOptions(CamelModel):
    """A family's own properties of a provider beside its settings (an indexer's enable flags and
    priority, a download client's enable flag...); their camelCase names are the resource's."""

    def enabled(self) -> bool:
        """Whether the provider is in use (Radarr's `Enable`)."""
        return True


OptionsT = TypeVar("OptionsT", bound=ProviderOptions)


@dataclass(frozen=True, slots=True)
class ProviderDefinition(Generic[OptionsT]):
    """One stored provider: which implementation, its settings, its family's options and its tags."""

    id: int
    name: str
    implementation: str
    config_contract: str
    settings: ProviderSettings
    options: OptionsT
    tags: tuple[int, ...] = ()

    @property
    def enabled(self) -> bool:
        """Whether the provider is in use."""
        return self.options.enabled()


@dataclass(frozen=True, slots=True)
class ProviderInput:
    """A provider as a client sent it; None (and absent options) mean "not sent"."""

    id: int = 0
    name: str | None = None
    implementation: str | None = None
    config_contract: str | None = None
    fields: Mapping[str, Any] | None = None  # values by field name
    tags: tuple[int, ...] | None = None
    options: Mapping[str, Any] = field(default_factory=dict)  # by camelCase name


class ApplyTags(StrEnum):
    """How a bulk edit applies its tags."""

    ADD = "add"
    REMOVE = "remove"
    REPLACE = "replace"


@dataclass(frozen=True, slots=True)
class BulkEdit:
    """The same change to several providers: tags and any of the family's options."""

    ids: tuple[int, ...]
    tags: tuple[int, ...] | None = None
    apply_tags: ApplyTags = ApplyTags.ADD
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TestResult:
    """What testing one stored provider found."""

    id: int
    failures: tuple[ValidationFailure, ...]

    @property
    def is_valid(self) -> bool:
        """Whether the test found nothing wrong (warnings included, as Radarr counts them)."""
        return not self.failures


@dataclass(frozen=True, slots=True)
class Preset:
    """A ready-made definition shown in the schema (e.g. a known Newznab site)."""

    name: str
    settings: ProviderSettings
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProviderMessage:
    """A note the UI shows on an implementation's form."""

    message: str
    type: str = "info"  # info | warning | error
