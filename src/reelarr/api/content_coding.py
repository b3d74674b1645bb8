"""Which content coding to answer with, from the client's Accept-Encoding (RFC 9110, section 12.5.3)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, TypeVar

IDENTITY: Final = "identity"
Coding = TypeVar("Coding", bound=str)
_ALIASES = {"x-gzip": "gzip"}


def _weights(header: str) -> dict[str, float]:
    """Each coding the header names, with its q-value (a q that is not a number counts as 0)."""
    weights: dict[str, float] = {}
    for item in header.split(","):
        name, *params = (part.strip() for part in item.split(";"))
        name = _ALIASES.get(name.lower(), name.lower())
        if not name:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        weights[name] = max(q, weights.get(name, 0.0))
    return weights


def preferred_coding(accept_encoding: str | None, offered: Sequence[Coding]) -> Coding | Literal["identity"]:
    """The client's most wanted of the `offered` codings (the server's order on ties), or identity.

    No header, an empty one, or only codings refused (q=0) or not offered: identity, which is
    also the answer when the client refuses identity too (the body then goes out as it is rather
    than as a 406). A coding the client weighs below identity is not used.
    """
    if not accept_encoding:
        return IDENTITY
    weights = _weights(accept_encoding)
    wildcard = weights.get("*")
    best: Coding | None = None
    best_q = 0.0
    for coding in offered:
        q = weights.get(coding, wildcard if wildcard is not None else 0.0)
        if q > best_q:
            best, best_q = coding, q
    if best is None or best_q < weights.get(IDENTITY, 0.0):
        return IDENTITY
    return best
