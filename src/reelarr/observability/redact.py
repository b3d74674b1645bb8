"""Secrets out of text bound for a log: API keys, tokens and passwords in URLs, headers and pairs.

Every log handler runs its records through `SecretsFilter`, so the access log's query strings
(`?apikey=` from iCal feeds, Overseerr, Homepage, the WebSocket), TMDB's `api_key` in the URLs
httpx logs, and the same in exception messages and tracebacks reach neither the console nor the
log file. Whatever later shows log lines (the log API) reads them already cleaned; `redact` is the
one function for any other text that leaves the process.
"""

from __future__ import annotations

import logging
import re

REMOVED = "(removed)"  # Radarr's word for what its log cleanser takes out

# Query parameters whose value is a secret (matched whole, any case).
_QUERY_NAMES = (
    "apikey|api_key|api-key|x-api-key|x-plex-token|key|access_token|refresh_token|id_token|token|auth|"
    "password|passwd|pass|ma_password|secret|client_secret|signature|sig|session|sessionid|csrf_token"
)
_QUERY = re.compile(rf"(?i)([?&;](?:{_QUERY_NAMES})=)[^&;#\s\"'<>]+")
# The same inside a URL-encoded URL, as in a login page's returnUrl (`%3Fapikey%3D...`).
_ENCODED_QUERY = re.compile(rf"(?i)((?:%3F|%26)(?:{_QUERY_NAMES})%3D)(?:(?!%26)[^&;#\s\"'<>])+")
# `name: value`, `name=value`, `"name": "value"` for names that only ever hold secrets.
_PAIR_NAMES = (
    r"api[_-]?key|x-api-key|access[_-]?token|refresh[_-]?token|(?:ma_)?password|passwd|client[_-]?secret|"
    r"secret|csrf[_-]?token|session[_-]?token"
)
_PAIR = re.compile(rf"(?i)(\b(?:{_PAIR_NAMES})[\"']?\s*[:=]\s*[\"']?)(?!\(removed\))[^\s\"',;&}})\]]+")
# `Authorization: Bearer xyz`, `Basic xyz`, `Bearer xyz` alone.
_SCHEME = re.compile(r"(?i)(\b(?:bearer|basic)\s+)(?!\(removed\))[A-Za-z0-9._~+/=-]{8,}")


def redact(text: str) -> str:
    """The text with the values of secret-looking parameters, pairs and credentials replaced."""
    if not text:
        return text
    text = _QUERY.sub(rf"\1{REMOVED}", text)
    text = _ENCODED_QUERY.sub(rf"\1{REMOVED}", text)
    text = _PAIR.sub(rf"\1{REMOVED}", text)
    return _SCHEME.sub(rf"\1{REMOVED}", text)


class SecretsFilter(logging.Filter):
    """Cleans a record's message, exception and stack before any handler formats it."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact in place; never drops a record."""
        try:
            message = record.getMessage()
            cleaned = redact(message)
            if cleaned != message or record.args:
                record.msg, record.args = cleaned, None
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = redact(record.exc_text)
            if record.stack_info:
                record.stack_info = redact(record.stack_info)
        except Exception:  # noqa: S110 - a record that cannot be cleaned is still logged by its handler
            pass
        return True
