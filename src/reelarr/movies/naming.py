"""Names derived from a movie's title: the sort title (folder names come from the naming settings)."""

from __future__ import annotations

import re

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def sort_title(title: str) -> str:
    """Lower-cased title without a leading article, for sorting ("The Matrix" sorts as "matrix")."""
    return _LEADING_ARTICLE.sub("", title.strip()).lower()
