"""Names derived from a movie's title: the sort title and the folder name on disk."""

from __future__ import annotations

import re

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Characters no folder name may hold on any of the filesystems users keep films on.
_REPLACEMENTS = {"\\": "+", "/": "+", "<": "", ">": "", "?": "!", "*": "-", "|": "", '"': ""}
_CONTROL = re.compile(r"[\x00-\x1f]")
_SPACES = re.compile(r"\s{2,}")


def sort_title(title: str) -> str:
    """Lower-cased title without a leading article, for sorting ("The Matrix" sorts as "matrix")."""
    return _LEADING_ARTICLE.sub("", title.strip()).lower()


def clean_file_name(name: str) -> str:
    """A name safe as a file or folder name: colons become dashes, forbidden characters go."""
    text = name.replace(": ", " - ").replace(":", "-")
    text = "".join(_REPLACEMENTS.get(ch, ch) for ch in text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text).strip().rstrip(".").strip()


def movie_folder_name(title: str, year: int) -> str:
    """Radarr's default folder format, `{Movie Title} ({Release Year})`."""
    return clean_file_name(f"{title} ({year})" if year else title)
