"""Untrusted XML from indexers, read safely: no DTD entities (XML bombs), no external references,
HTML entities and stray control characters tolerated as Radarr tolerates them."""

from __future__ import annotations

import codecs
import html.entities
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException

from reelarr.indexers.errors import IndexerError, UnsafeFeed

# Named entities other than XML's own (matched case-sensitively, as _html_entity keeps them): a feed's
# many "&amp;" then cost the scan nothing.
_ENTITY = re.compile(r"&(?!(?-i:amp|lt|gt|quot|apos);)([a-z]+);", re.IGNORECASE)
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
# Characters XML 1.0 does not allow, which some indexers send anyway.
_INVALID_CHARS = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_DECLARATION_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)


def _html_entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    codepoint = html.entities.name2codepoint.get(name) or html.entities.name2codepoint.get(name.lower())
    return f"&#{codepoint};" if codepoint is not None else match.group(0)


def _decode(body: bytes, charset: str | None) -> str:
    if body.startswith(codecs.BOM_UTF8):
        return body[3:].decode("utf-8", "replace")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16", "replace")
    declared = _DECLARATION.match(body[:200])
    for encoding in (declared.group(1).decode() if declared else None, charset, "utf-8"):
        if not encoding:
            continue
        try:
            return body.decode(encoding, "replace")
        except LookupError:
            continue
    return body.decode("utf-8", "replace")


def parse_xml(body: bytes, charset: str | None = None) -> ET.Element:
    """The document's root element; UnsafeFeed for entity declarations, IndexerError for bad XML.

    Entities can only be declared in a DTD: a document with a DOCTYPE goes through defusedxml,
    which refuses entity declarations and external references; one without (every normal feed) is
    read by the C parser, which then has nothing to expand.
    """
    text = _decode(body, charset)
    text = _DECLARATION_TEXT.sub("", text, count=1)
    text = _INVALID_CHARS.sub("", _ENTITY.sub(_html_entity, text))
    try:
        if _DOCTYPE.search(text):
            root: ET.Element = SafeElementTree.fromstring(
                text, forbid_dtd=False, forbid_entities=True, forbid_external=True
            )
        else:
            root = ET.fromstring(text)  # noqa: S314 - without a DTD no entity can be declared
    except DefusedXmlException as error:
        raise UnsafeFeed(
            f"Refused an unsafe XML answer ({type(error).__name__}: entities or external references)"
        ) from error
    except ET.ParseError as error:
        raise IndexerError(f"The indexer answered with invalid XML: {error}") from error
    return root


def local_name(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rpartition("}")[2]


def child(element: ET.Element, name: str) -> ET.Element | None:
    """The first child without a namespace called `name`."""
    return element.find(name)


def text_of(element: ET.Element, name: str, default: str = "") -> str:
    """The text of the first child called `name` ("" when absent or empty)."""
    found = element.find(name)
    if found is None:
        return default
    return "".join(found.itertext())


def descendants(element: ET.Element, name: str) -> Iterator[ET.Element]:
    """Every descendant whose local name is `name`, ignoring case and namespace (Radarr's FindDecendants)."""
    wanted = name.lower()
    for found in element.iter():
        if found is not element and local_name(found.tag).lower() == wanted:
            yield found
