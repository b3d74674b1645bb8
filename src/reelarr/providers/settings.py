"""The base of every provider's settings, and the checks Radarr's validators make on them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reelarr.camel import CamelModel
from reelarr.errors import ValidationFailure

_URL_BASE = re.compile(r"^(?!/?https?://[-_a-z0-9.]+)", re.IGNORECASE)
# A host name or address, without a scheme or a path (Radarr's ValidHost).
_HOST = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[^\s/:\\]+|[0-9a-fA-F:]+)$")


class ProviderSettings(CamelModel):
    """A provider's settings: each attribute made with `setting()` is a form field, nested settings
    models are flattened ("seedCriteria.seedRatio"), and `check` says what Radarr's validator would."""

    def check(self) -> list[ValidationFailure]:
        """Every rule these settings break, errors and warnings (severity "warning") alike."""
        return []


def warning(property_name: str, message: str, attempted: object = None) -> ValidationFailure:
    """A failure that blocks a save only when the client did not ask to skip warnings."""
    return ValidationFailure(property_name, message, attempted, severity="warning")


def not_empty(property_name: str, value: object, label: str) -> list[ValidationFailure]:
    """FluentValidation's NotEmpty, worded as Radarr words it."""
    if value is None or (isinstance(value, str | list | tuple | set | frozenset) and not value):
        return [
            ValidationFailure(
                property_name, f"'{label}' must not be empty.", value, error_code="NotEmptyValidator"
            )
        ]
    return []


def is_root_url(value: str) -> bool:
    """An absolute http(s) URL with a host."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def valid_root_url(property_name: str, value: str | None, label: str) -> list[ValidationFailure]:
    """Radarr's ValidRootUrl: present, and an URL that starts with http(s)://."""
    empty = not_empty(property_name, value, label)
    if empty:
        return empty
    assert value is not None
    if not is_root_url(value):
        return [ValidationFailure(property_name, "must be valid URL that starts with http(s)://", value)]
    return []


def valid_url_base(property_name: str, value: str | None, example: str) -> list[ValidationFailure]:
    """Radarr's ValidUrlBase: a path, not a whole address."""
    if value and not _URL_BASE.match(value):
        return [ValidationFailure(property_name, f"Must be a valid URL path (ie: '{example}')", value)]
    return []


def valid_host(property_name: str, value: str) -> list[ValidationFailure]:
    """Radarr's ValidHost: present, and a name or an address without a scheme or a path."""
    found = not_empty(property_name, value.strip(), "Host")
    if not found and not _HOST.match(value.strip()):
        found.append(ValidationFailure(property_name, "Must be a valid Host without http://", value))
    return found


def valid_port(property_name: str, value: int) -> list[ValidationFailure]:
    """FluentValidation's InclusiveBetween(1, 65535), worded as Radarr words it."""
    if 1 <= value <= 65535:
        return []
    return [
        ValidationFailure(
            property_name,
            f"'Port' must be between 1 and 65535. You entered {value}.",
            value,
            error_code="InclusiveBetweenValidator",
        )
    ]


def base_url(*, use_ssl: bool, host: str, port: int, url_base: str) -> str:
    """Radarr's BuildBaseUrl: scheme, host (an IPv6 address in brackets), port and URL base."""
    scheme = "https" if use_ssl else "http"
    host = host.strip()
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    base = "/" + url_base.strip().strip("/") if url_base.strip().strip("/") else ""
    return f"{scheme}://{host}:{port}{base}"
