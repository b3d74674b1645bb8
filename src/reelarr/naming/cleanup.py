"""Making a built name safe and tidy: illegal characters, colons, separators, device names (pure)."""

from __future__ import annotations

import re

from reelarr.naming.config import ColonReplacement, NamingConfig
from reelarr.naming.tokens import ELLIPSIS

# Characters no file name may hold on Windows or in an SMB share, and what each becomes.
_ILLEGAL = {"\\": "+", "/": "+", "<": "", ">": "", "?": "!", "*": "-", "|": "", '"': ""}
_COLONS = {
    ColonReplacement.DELETE: "",
    ColonReplacement.DASH: "-",
    ColonReplacement.SPACE_DASH: " -",
    ColonReplacement.SPACE_DASH_SPACE: " - ",
}
# Control characters are no part of a name anyone typed; Windows refuses them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_REPEATED_SEPARATOR = re.compile(r"([- ._])\1+")
_TRAILING_SEPARATORS = re.compile(r"[- ._]+$")
# Windows refuses these names whatever their extension ("con.mkv"); Radarr escapes the dot.
_DEVICE_NAME = re.compile(r"^(aux|com[1-9]|con|lpt[1-9]|nul|prn)\.", re.IGNORECASE)
_DEFAULT = NamingConfig()


def clean_file_name(name: str, config: NamingConfig = _DEFAULT) -> str:
    """A value without the characters file names cannot hold, colons as the config says."""
    if not config.replace_illegal_characters:
        text = name.replace(":", "")
    elif config.colon_replacement_format is ColonReplacement.SMART:
        text = name.replace(": ", " - ").replace(":", "-")
    else:
        text = name.replace(":", _COLONS[config.colon_replacement_format])
    for bad, good in _ILLEGAL.items():
        text = text.replace(bad, good if config.replace_illegal_characters else "")
    return _CONTROL.sub("", text).lstrip(" .").rstrip(" ")


def collapse_separators(name: str) -> str:
    """Runs of one separator ("..", "  ", "--") become one."""
    return _REPEATED_SEPARATOR.sub(r"\1", name)


def tidy_file_component(component: str) -> str:
    """One folder or file part of a built file name, tidied."""
    text = collapse_separators(component.strip())
    # Radarr trims only the end; a leading dot (a format starting ".{Release Year}" for a title that
    # cleans to nothing) would hide the file on Linux.
    text = _TRAILING_SEPARATORS.sub("", text).lstrip(" .")
    return _escape_device_name(text.replace(ELLIPSIS, "..."))


def tidy_folder_component(component: str) -> str:
    """One part of a built folder name, tidied."""
    text = collapse_separators(component).strip(" .")
    return _escape_device_name(text.replace(ELLIPSIS, "..."))


def _escape_device_name(name: str) -> str:
    return _DEVICE_NAME.sub(lambda m: m.group(1) + "_", name)
