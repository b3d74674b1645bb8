"""The token syntax of naming formats: `{prefix Token Name:format suffix}` and its rules (pure)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# {[Quality Proper]}, {Movie.Title}, {Movie Title:30}, {Custom Formats:-x264}, and the Plex wrappers
# {imdb-{ImdbId}} and {edition-{Edition Tags}}, whose outer part is kept whole around the value.
TOKEN_RE = re.compile(
    r"(?P<tag>\{[-{ ._\[(]*(?:imdb(?:id)?-|edition-))?"
    r"\{(?P<prefix>[-{ ._\[(]*)"
    r"(?P<token>[a-z0-9]+(?:(?P<separator>[- ._]+)[a-z0-9]+)?)"
    r"(?::(?P<format>[ ,a-z0-9|+-]+(?<![- ])))?"
    r"(?P<suffix>[-} ._)\]]*)\}",
    re.IGNORECASE | re.ASCII,
)
_NOT_WORD = re.compile(r"[\W_]+")
# Stands for "..." until the name is tidied, so tidying (which collapses repeated dots) keeps it.
ELLIPSIS = "\ue000"


def token_key(name: str) -> str:
    """A token's name as looked up: case, spaces, dots, dashes and underscores ignored."""
    return _NOT_WORD.sub("", name).lower()


@dataclass(frozen=True, slots=True)
class TokenMatch:
    """One token found in a format."""

    tag: str
    prefix: str
    token: str
    separator: str
    format: str | None
    suffix: str

    def default(self, value: str) -> str:
        """`value` when the token stands alone (no prefix or suffix), else nothing."""
        return value if not self.prefix and not self.suffix else ""


Handler = Callable[[TokenMatch], str]
Handlers = Mapping[str, Handler]
Clean = Callable[[str], str]


def _case_of_token(token: str, value: str) -> str:
    letters = [c for c in token if c.isalpha()]
    if all(c.islower() for c in letters):
        return value.lower()
    if all(c.isupper() for c in letters):
        return value.upper()
    return value


def replace_tokens(pattern: str, handlers: Handlers, clean: Clean) -> str:
    """Every token of `pattern` replaced by its value; an unknown token by nothing."""

    def replace(match: re.Match[str]) -> str:
        found = TokenMatch(
            tag=match.group("tag") or "",
            prefix=match.group("prefix"),
            token=match.group("token"),
            separator=match.group("separator") or "",
            format=match.group("format") or None,
            suffix=match.group("suffix"),
        )
        handler = handlers.get(token_key(found.token))
        value = handler(found).strip() if handler is not None else ""
        value = _case_of_token(found.token, value)
        if found.separator.strip():
            value = value.replace(" ", found.separator)
        value = clean(value)
        if not value.strip():
            return value
        return found.tag + found.prefix + value + found.suffix

    return TOKEN_RE.sub(replace, pattern)


def token_count(pattern: str) -> int:
    """How many tokens a format holds."""
    return sum(1 for _ in TOKEN_RE.finditer(pattern))


def truncate(value: str | None, format: str | None) -> str:
    """`value` cut to the length a numeric format asks for: `:30` keeps the start, `:-30` the end."""
    if value is None or not value.strip():
        return ""
    try:
        limit = int(format or "")
    except ValueError:
        limit = 0
    if limit == 0 or len(value) <= abs(limit):
        return value
    keep = max(abs(limit) - 3, 0)
    if limit < 0:
        return ELLIPSIS + value[len(value) - keep :].lstrip(" .")
    return value[:keep].rstrip(" .") + ELLIPSIS
