"""What credentials look like: an account's name and password rules, and the API key's form and place.

Shared by the services and the command line, which reads them without the server's imports.
"""

from __future__ import annotations

import re
import secrets

from reelarr.errors import ValidationFailed, ValidationFailure

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
_USERNAME = re.compile(r"^[^\s/\\:]{1,64}$")
# The configuration key the generated API key is stored under.
API_KEY_CONFIG_KEY = "api_key"


def validate_credentials(username: str, password: str) -> None:
    """Raise ValidationFailed unless the username and password are acceptable for a new account."""
    failures = []
    if not _USERNAME.match(username):
        failures.append(
            ValidationFailure(
                "username", "Username must be 1 to 64 characters without spaces, / \\ or :", username
            )
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        failures.append(
            ValidationFailure("password", f"Password must be at least {MIN_PASSWORD_LENGTH} characters long")
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        failures.append(
            ValidationFailure("password", f"Password must be at most {MAX_PASSWORD_LENGTH} characters long")
        )
    if failures:
        raise ValidationFailed(failures)


def valid_username(username: str) -> bool:
    """True when the name is acceptable for an account."""
    return bool(_USERNAME.match(username))


def new_api_key() -> str:
    """A key in Radarr's format: 32 lower-case hex characters."""
    return secrets.token_hex(16)
