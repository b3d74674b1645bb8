"""A small XML tree written as .NET's XmlWriter writes an XDocument (two-space indent, `<e />` when
empty), so a written file reads byte for byte as Radarr's."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

DECLARATION = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>'


@dataclass(slots=True)
class Element:
    """One element: a name, attributes in order, and either text or children."""

    name: str
    text: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    children: list[Element] = field(default_factory=list)

    def add(self, tag: str, text: object = None, /, **attributes: str) -> Element:
        """Append a child element (text None writes it empty) and return it."""
        child = Element(tag, None if text is None else str(text), dict(attributes))
        self.children.append(child)
        return child


def element_lines(element: Element, depth: int = 0) -> list[str]:
    """The element's lines, indented two spaces a level from `depth`."""
    indent = "  " * depth
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in element.attributes.items())
    if element.children:
        inner = [line for child in element.children for line in element_lines(child, depth + 1)]
        return [f"{indent}<{element.name}{attributes}>", *inner, f"{indent}</{element.name}>"]
    if element.text is None:  # .NET writes a null value as `<e />` but an empty string as `<e></e>`
        return [f"{indent}<{element.name}{attributes} />"]
    return [f"{indent}<{element.name}{attributes}>{escape(element.text)}</{element.name}>"]


def document(root: Element) -> str:
    """The whole document with its declaration, lines joined by newlines, no final newline."""
    return "\n".join([DECLARATION, *element_lines(root)])


def dotnet_number(value: float) -> str:
    """A double or decimal as .NET writes it: `8` not `8.0`, else the shortest round-trip form."""
    if value == int(value):
        return str(int(value))
    return repr(value)


def dotnet_single(value: float) -> str:
    """A 32-bit float as .NET writes it: the shortest digits that read back as the same single."""
    single = struct.unpack("f", struct.pack("f", value))[0]
    for precision in range(1, 10):
        text = f"{single:.{precision}g}"
        if struct.unpack("f", struct.pack("f", float(text)))[0] == single:
            return text
    return repr(single)
