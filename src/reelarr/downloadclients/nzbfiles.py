"""Radarr's NzbValidationService: an NZB is checked before it is handed to a usenet client."""

from __future__ import annotations

from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from reelarr.downloadclients.base import DownloadRejected


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def validate_nzb(filename: str, content: bytes) -> None:
    """DownloadRejected ("Invalid NZB: ...") unless `content` is an NZB with at least one file."""
    try:
        root = SafeTree.fromstring(content)
    except (ParseError, DefusedXmlException, ValueError):
        raise DownloadRejected(f"Invalid NZB: Unable to parse [{filename}]") from None
    name = _local(root.tag)
    if name == "error" and root.get("code") is not None and root.get("description") is not None:
        raise DownloadRejected(
            f"Invalid NZB: Contains indexer error: {root.get('code')} - {root.get('description')}"
        )
    if name != "nzb":
        raise DownloadRejected(
            f"Invalid NZB: Unexpected root element. Expected 'nzb' found '{name}' [{filename}]"
        )
    if not any(_local(child.tag) == "file" for child in root):
        raise DownloadRejected(f"Invalid NZB: No files [{filename}]")
