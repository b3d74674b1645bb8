"""The one error hierarchy of Reelarr; the API layer maps each class to an HTTP answer once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError as PydanticValidationError


class ReelarrError(Exception):
    """Base of every error Reelarr raises on purpose."""


class NotFound(ReelarrError):
    """A thing asked for by id or name does not exist (HTTP 404)."""


class Conflict(ReelarrError):
    """The request clashes with the current state, e.g. a tag still in use (HTTP 409)."""


class NotAllowed(ReelarrError):
    """The thing exists but this cannot be done to it, e.g. deleting the global delay profile (HTTP 405)."""


@dataclass(frozen=True, slots=True)
class ValidationFailure:
    """One failed rule, shaped like Radarr's validation failure."""

    property_name: str
    error_message: str
    attempted_value: Any = None
    severity: str = "error"
    error_code: str = "PredicateValidator"
    placeholders: dict[str, Any] = field(default_factory=dict)


class ValidationFailed(ReelarrError):
    """Input broke one or more rules (HTTP 400 with Radarr's validation array)."""

    def __init__(self, failures: list[ValidationFailure]) -> None:
        super().__init__("; ".join(f"{f.property_name}: {f.error_message}" for f in failures))
        self.failures = failures

    @classmethod
    def from_pydantic(cls, error: PydanticValidationError) -> ValidationFailed:
        """Translate a pydantic validation error, one failure per problem."""
        return cls(
            [
                ValidationFailure(".".join(str(p) for p in e["loc"]), e["msg"], None, "error", e["type"])
                for e in error.errors()
            ]
        )

    @classmethod
    def single(cls, property_name: str, message: str, attempted_value: Any = None) -> ValidationFailed:
        """Build the error for one failed rule."""
        return cls([ValidationFailure(property_name, message, attempted_value)])


class RemoteError(ReelarrError):
    """A remote service (TMDB, an indexer, a download client) did not do what was asked."""

    def __init__(self, service: str, message: str) -> None:
        super().__init__(f"{service}: {message}")
        self.service = service
        self.message = message


class RemoteUnavailable(RemoteError):
    """The service could not be reached, timed out, failed on its side or is backed off."""


class RemoteRejected(RemoteError):
    """The service answered and refused the request (bad key, unknown id, invalid input)."""

    def __init__(self, service: str, message: str, status_code: int | None = None) -> None:
        super().__init__(service, message)
        self.status_code = status_code
