"""Settings → General options that apply at once, kept in the configuration store (every process)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from reelarr.errors import ValidationFailure
from reelarr.events import Event, shared

LOG_LEVELS = ("trace", "debug", "info", "warn", "error", "fatal")
# Reelarr always asks who is calling: Radarr's "disabledForLocalAddresses" is refused, not stored.
AUTHENTICATION_REQUIRED = ("enabled",)
# Radarr's level names onto Python's (trace is Python's debug; fatal is critical).
_PYTHON_LEVELS = {
    "trace": logging.DEBUG,
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "error": logging.ERROR,
    "fatal": logging.CRITICAL,
}


@dataclass(frozen=True, slots=True)
class HostConfig:
    """The options a save changes at once; an empty instance name means the process setting's."""

    instance_name: str = ""
    application_url: str = ""
    log_level: str = ""
    console_log_level: str = ""
    authentication_required: str = "enabled"


@shared("hostconfig.changed")
@dataclass(frozen=True, slots=True, kw_only=True)
class HostConfigChanged(Event):
    """Settings → General was saved; every process reads it again."""


def python_level(name: str) -> int:
    """The logging level for one of Radarr's level names."""
    return _PYTHON_LEVELS[name]


def check(config: HostConfig) -> list[ValidationFailure]:
    """Radarr's HostConfigController rules for the options that apply at once."""
    found: list[ValidationFailure] = []
    if len(config.instance_name) > 100:
        found.append(ValidationFailure("instanceName", "Instance Name must be at most 100 characters"))
    if config.application_url:
        parts = urlsplit(config.application_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            found.append(
                ValidationFailure(
                    "applicationUrl",
                    "Must be a full address such as https://films.example",
                    config.application_url,
                )
            )
    for name, value in (("logLevel", config.log_level), ("consoleLogLevel", config.console_log_level)):
        if value and value not in LOG_LEVELS:
            found.append(ValidationFailure(name, f"Must be one of: {', '.join(LOG_LEVELS)}", value))
    if config.authentication_required not in AUTHENTICATION_REQUIRED:
        found.append(
            ValidationFailure(
                "authenticationRequired",
                "Reelarr always requires authentication (no exception for local addresses)",
                config.authentication_required,
            )
        )
    return found
