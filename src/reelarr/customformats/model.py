"""Custom formats as plain data: a name and conditions, each condition one of Radarr's ten types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from reelarr.releases.model import INDEXER_FLAG_NAMES, IndexerFlags

# The flags live with releases; they are re-exported here for the conditions that test them.
__all__ = ["INDEXER_FLAG_NAMES", "IndexerFlags"]


@dataclass(frozen=True, slots=True)
class ReleaseTitle:
    """The release title (or the file name) matches a pattern."""

    implementation: ClassVar[str] = "ReleaseTitleSpecification"
    pattern: str


@dataclass(frozen=True, slots=True)
class Edition:
    """The parsed edition ("Director's Cut") matches a pattern."""

    implementation: ClassVar[str] = "EditionSpecification"
    pattern: str


@dataclass(frozen=True, slots=True)
class LanguageIs:
    """The release has this language (-2: the movie's original language); with `except_language`,
    it has any other language."""

    implementation: ClassVar[str] = "LanguageSpecification"
    language_id: int
    except_language: bool = False


@dataclass(frozen=True, slots=True)
class IndexerFlagSet:
    """The indexer set this flag on the release."""

    implementation: ClassVar[str] = "IndexerFlagSpecification"
    flag: int


@dataclass(frozen=True, slots=True)
class SourceIs:
    """The quality's source (a QualitySource value) is this one."""

    implementation: ClassVar[str] = "SourceSpecification"
    source: int


@dataclass(frozen=True, slots=True)
class ResolutionIs:
    """The quality's resolution (pixel height) is this one."""

    implementation: ClassVar[str] = "ResolutionSpecification"
    resolution: int


@dataclass(frozen=True, slots=True)
class ModifierIs:
    """The quality's modifier (a Modifier value) is this one."""

    implementation: ClassVar[str] = "QualityModifierSpecification"
    modifier: int


@dataclass(frozen=True, slots=True)
class SizeBetween:
    """The size is above `min_gb` and at most `max_gb` (GiB, as Radarr counts them)."""

    implementation: ClassVar[str] = "SizeSpecification"
    min_gb: float
    max_gb: float


@dataclass(frozen=True, slots=True)
class YearBetween:
    """The year is between `min_year` and `max_year`, both included."""

    implementation: ClassVar[str] = "YearSpecification"
    min_year: int
    max_year: int


@dataclass(frozen=True, slots=True)
class ReleaseGroup:
    """The parsed release group matches a pattern."""

    implementation: ClassVar[str] = "ReleaseGroupSpecification"
    pattern: str


Condition = (
    ReleaseTitle
    | Edition
    | LanguageIs
    | IndexerFlagSet
    | SourceIs
    | ResolutionIs
    | ModifierIs
    | SizeBetween
    | YearBetween
    | ReleaseGroup
)
PatternCondition = ReleaseTitle | Edition | ReleaseGroup


@dataclass(frozen=True, slots=True)
class Specification:
    """One named condition of a format; `negate` inverts it, `required` makes its group need it."""

    name: str
    condition: Condition
    negate: bool = False
    required: bool = False

    @property
    def implementation(self) -> str:
        """Radarr's name of the condition's type (e.g. "ReleaseTitleSpecification")."""
        return self.condition.implementation


@dataclass(frozen=True, slots=True)
class CustomFormat:
    """A custom format: matched by a release when every type of its conditions matches."""

    name: str
    specifications: tuple[Specification, ...]
    include_when_renaming: bool = False
    id: int = 0
