"""Webhook addresses out of httpx's log lines: a webhook's path or query is often its secret (a token
in the path, as chat services give them), which the general log filter cannot recognise."""

from __future__ import annotations

import logging
import threading

import httpx


def origin_of(url: str) -> str:
    """The scheme, host and port of a URL ("<webhook>" when it does not parse)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return "<webhook>"
    return f"{parsed.scheme}://{parsed.host}" + (f":{parsed.port}" if parsed.port else "")


def url_forms(url: str) -> set[str]:
    """The ways a URL may be written in a message (as given, as httpx writes it, without its query)."""
    forms = {url}
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return forms
    forms |= {str(parsed), str(parsed.copy_with(query=None))}
    if parsed.userinfo:
        plain = parsed.copy_with(username=None, password=None)
        forms |= {str(plain), str(plain.copy_with(query=None))}
    return {form for form in forms if form}


def redact(message: str, url: str) -> str:
    """The message with every form of the URL cut to its origin."""
    if not url:
        return message
    origin = origin_of(url)
    for form in sorted(url_forms(url), key=len, reverse=True):
        message = message.replace(form, origin)
    return message


class WebhookUrlFilter(logging.Filter):
    """Cuts the webhook URLs it was shown to their origins in the records of the logger it is on."""

    def __init__(self) -> None:
        super().__init__()
        self._urls: set[str] = set()
        self._lock = threading.Lock()

    def remember(self, url: str) -> None:
        """Hide this URL from now on."""
        with self._lock:
            self._urls.add(url)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record when it names a remembered URL; never drops one."""
        with self._lock:
            urls = sorted(self._urls, key=len, reverse=True)
        if not urls:
            return True
        try:
            message = record.getMessage()
        except Exception:
            return True
        cleaned = message
        for url in urls:
            cleaned = redact(cleaned, url)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
