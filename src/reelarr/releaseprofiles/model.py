"""Release profiles as plain data, and the check a release title must pass (pure)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from reelarr.releaseprofiles.terms import compile_term


@dataclass(frozen=True, slots=True)
class ReleaseProfile:
    """Terms that must and must not appear in a title; for some tags (or all) and one indexer (or all)."""

    id: int = 0
    name: str | None = None
    enabled: bool = True
    required: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    indexer_id: int = 0
    tags: frozenset[int] = field(default_factory=frozenset)

    def applies_to(self, movie_tags: Collection[int], indexer_id: int) -> bool:
        """Whether the profile counts for a film with these tags and a release from this indexer."""
        if not self.enabled:
            return False
        if self.tags and not self.tags & set(movie_tags):
            return False
        return self.indexer_id in (0, indexer_id)


@dataclass(frozen=True, slots=True)
class Broken:
    """How a title breaks a release profile: a required term missing, or ignored terms present."""

    required_missing: bool
    message: str


def restriction_rejection(
    profiles: Sequence[ReleaseProfile], title: str, movie_tags: Collection[int], indexer_id: int
) -> Broken | None:
    """How a title breaks the release profiles that apply, or None when it passes them all."""
    applying = [p for p in profiles if p.applies_to(movie_tags, indexer_id)]
    for profile in applying:
        if profile.required and not any(compile_term(t).found_in(title) for t in profile.required):
            return Broken(True, f"Does not contain one of the required terms: {', '.join(profile.required)}")
    for profile in applying:
        found = [t for t in profile.ignored if compile_term(t).found_in(title)]
        if found:
            return Broken(False, f"Contains these ignored terms: {', '.join(found)}")
    return None
