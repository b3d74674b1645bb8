"""Reading a .NET regular expression and writing it in the `regex` module's syntax (see
`dotnet_regex` for what changes and why)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUANTIFIER_RE = re.compile(r"\{\d+(?:,\d*)?\}")
_OPTIONS_RE = re.compile(r"\(\?([imnsx]*)(?:-([imnsx]*))?([:)])")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
# Escapes .NET knows outside a class; a letter or digit outside these is an error there.
_PLAIN_ESCAPES = frozenset("dDwWsSbBAGtnrfva")
_CLASS_ESCAPES = frozenset("dDwWsStnrfvab")
_QUANTIFIER_CHARS = frozenset("*+?")


class PatternError(ValueError):
    """A pattern .NET would not compile (or that cannot be run the same way)."""

    def __init__(self, message: str, position: int | None = None) -> None:
        where = f" at position {position}" if position is not None else ""
        super().__init__(f"{message}{where}")
        self.message = message
        self.position = position


@dataclass(slots=True)
class _Frame:
    """One open group: the options changed inside it and the scoped groups opened for them."""

    x: bool
    changes: dict[str, bool] = field(default_factory=dict)
    scopes: int = 0


def _flag_text(changes: dict[str, bool]) -> str:
    on = "".join(sorted(k for k, v in changes.items() if v))
    off = "".join(sorted(k for k, v in changes.items() if not v))
    return on + (f"-{off}" if off else "")


_GROUP_NAME_RE = re.compile(r"\(\?[<']([A-Za-z_][A-Za-z0-9_]*)[>']")


class _Translator:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        # A conditional naming one of these tests the group; any other condition is a look-ahead.
        self.group_names = set(_GROUP_NAME_RE.findall(pattern))
        self.i = 0
        self.out: list[str] = []
        self.stack = [_Frame(x=False)]
        # What the previous token was, to catch a quantifier after a quantifier as .NET does.
        self.last = "none"

    @property
    def frame(self) -> _Frame:
        return self.stack[-1]

    def run(self) -> str:
        p = self.pattern
        while self.i < len(p):
            ch = p[self.i]
            if self.frame.x and ch in " \t\r\n\f\v":
                self.out.append(ch)
                self.i += 1
            elif self.frame.x and ch == "#":
                end = p.find("\n", self.i)
                end = len(p) if end < 0 else end
                self.out.append(p[self.i : end])
                self.i = end
            elif ch == "\\":
                self._escape()
            elif ch == "[":
                self.out.append(self._char_class())
                self.last = "atom"
            elif ch == "(":
                self._open_group()
            elif ch == ")":
                self._close_group()
            elif ch == "|":
                self._alternate()
            elif ch == "{":
                self._brace()
            elif ch in _QUANTIFIER_CHARS:
                self._quantifier(ch)
            else:
                self.out.append(ch)
                self.i += 1
                self.last = "atom"
        if len(self.stack) > 1:
            raise PatternError("Not enough )'s")
        self.out.append(")" * self.frame.scopes)
        return "".join(self.out)

    # --- quantifiers -------------------------------------------------------------------------

    def _quantifier(self, ch: str) -> None:
        if ch == "?" and self.last == "quantifier":
            self.last = "lazy"
        elif self.last in ("quantifier", "lazy"):
            raise PatternError(f"Nested quantifier '{ch}'", self.i)
        else:
            self.last = "quantifier"
        self.out.append(ch)
        self.i += 1

    def _brace(self) -> None:
        found = _QUANTIFIER_RE.match(self.pattern, self.i)
        if found is None:
            self.out.append("\\{")
            self.i += 1
            self.last = "atom"
            return
        if self.last in ("quantifier", "lazy"):
            raise PatternError(f"Nested quantifier '{found.group(0)}'", self.i)
        self.out.append(found.group(0))
        self.i = found.end()
        self.last = "quantifier"

    # --- groups ------------------------------------------------------------------------------

    def _push(self, text: str) -> None:
        self.out.append(text)
        self.stack.append(_Frame(x=self.frame.x))
        self.last = "none"

    def _open_group(self) -> None:
        p, i = self.pattern, self.i
        if not p.startswith("(?", i):
            self.i += 1
            self._push("(")
            return
        if p.startswith("(?#", i):
            end = p.find(")", i)
            if end < 0:
                raise PatternError("Unterminated (?#...) comment", i)
            self.i = end + 1
            return
        for prefix in ("(?:", "(?>", *_LOOKAROUNDS):
            if p.startswith(prefix, i):
                self.i += len(prefix)
                self._push(prefix)
                return
        if p.startswith("(?<", i) or p.startswith("(?'", i):
            self._named_group()
            return
        if p.startswith("(?(", i):
            self._conditional()
            return
        options = _OPTIONS_RE.match(p, i)
        if options is None or not (options.group(1) or options.group(2)):
            raise PatternError("Unrecognized grouping construct", i)
        self._options(options)

    def _named_group(self) -> None:
        p, i = self.pattern, self.i
        close = ">" if p[i + 2] == "<" else "'"
        end = p.find(close, i + 3)
        name = p[i + 3 : end] if end >= 0 else ""
        if end < 0 or not name:
            raise PatternError("Invalid group name", i)
        if "-" in name:
            raise PatternError("Balancing groups are not supported", i)
        if name.isdigit():
            raise PatternError("Numbered group names are not supported", i)
        if not _NAME_RE.fullmatch(name):
            raise PatternError("Invalid group name", i)
        self.i = end + 1
        self._push(f"(?P<{name}>")

    def _conditional(self) -> None:
        p, i = self.pattern, self.i
        for look in _LOOKAROUNDS:
            if p.startswith(look, i + 2):
                self.i = i + 2 + len(look)
                self._push("(?")
                self._push(look)
                return
        end = p.find(")", i + 3)
        name = p[i + 3 : end] if end >= 0 else ""
        if end >= 0 and (name.isdigit() or name in self.group_names):
            self.i = end + 1
            self._push(f"(?({name})")
            return
        # .NET reads any other condition as a look-ahead.
        self.i = i + 3
        self._push("(?")
        self._push("(?=")

    def _options(self, found: re.Match[str]) -> None:
        changes = {flag: True for flag in found.group(1) if flag != "n"}
        changes.update({flag: False for flag in found.group(2) or "" if flag != "n"})
        flags = _flag_text(changes)
        self.i = found.end()
        if found.group(3) == ":":
            self._push(f"(?{flags}:" if flags else "(?:")
            if "x" in changes:
                self.frame.x = changes["x"]
            return
        # An inline option group changes the rest of the enclosing group.
        self.frame.changes.update(changes)
        if "x" in changes:
            self.frame.x = changes["x"]
        if flags:
            self.out.append(f"(?{flags}:")
            self.frame.scopes += 1
        self.last = "none"

    def _close_group(self) -> None:
        if len(self.stack) == 1:
            raise PatternError("Too many )'s", self.i)
        frame = self.stack.pop()
        self.out.append(")" * frame.scopes + ")")
        self.i += 1
        self.last = "atom"

    def _alternate(self) -> None:
        frame = self.frame
        self.out.append(")" * frame.scopes + "|")
        frame.scopes = 0
        flags = _flag_text(frame.changes)
        if flags:
            self.out.append(f"(?{flags}:")
            frame.scopes = 1
        self.i += 1
        self.last = "none"

    # --- escapes -----------------------------------------------------------------------------

    def _escape(self) -> None:
        p, i = self.pattern, self.i
        if i + 1 >= len(p):
            raise PatternError("Illegal \\ at end of pattern", i)
        ch = p[i + 1]
        self.last = "atom"
        if ch == "k":
            self._backreference()
            return
        if ch == "Z":
            self.out.append("(?=\\n?\\Z)")
        elif ch == "z":
            self.out.append("\\Z")
        elif ch.isdigit():
            end = i + 1
            while end < len(p) and p[end].isdigit():
                end += 1
            self.out.append(p[i:end])
            self.i = end
            return
        else:
            text, end = _common_escape(p, i, _PLAIN_ESCAPES)
            self.out.append(text)
            self.i = end
            return
        self.i = i + 2

    def _backreference(self) -> None:
        p, i = self.pattern, self.i
        if i + 2 >= len(p) or p[i + 2] not in "<'":
            raise PatternError("Malformed \\k<...> named back reference", i)
        close = ">" if p[i + 2] == "<" else "'"
        end = p.find(close, i + 3)
        name = p[i + 3 : end] if end >= 0 else ""
        if name.isdigit():
            self.out.append(f"(?:\\{name})")
        elif _NAME_RE.fullmatch(name):
            self.out.append(f"(?P={name})")
        else:
            raise PatternError("Malformed \\k<...> named back reference", i)
        self.i = end + 1

    # --- character classes -------------------------------------------------------------------

    def _char_class(self) -> str:
        """Translate the class starting at self.i; leaves self.i after its closing `]`."""
        p = self.pattern
        start = self.i
        i = start + 1
        head = "["
        if i < len(p) and p[i] == "^":
            head += "^"
            i += 1
        body: list[str] = []
        if i < len(p) and p[i] == "]":
            body.append("\\]")
            i += 1
        while i < len(p):
            ch = p[i]
            if ch == "]":
                self.i = i + 1
                return head + "".join(body) + "]"
            if ch == "\\":
                text, i = _common_escape(p, i, _CLASS_ESCAPES)
                body.append(text)
            elif ch == "-" and body and i + 1 < len(p) and p[i + 1] == "[":
                self.i = i + 1
                excluded = self._char_class()
                if self.i >= len(p) or p[self.i] != "]":
                    raise PatternError("A subtraction must be the last element in a character class", i)
                self.i += 1
                return f"(?:(?!{excluded}){head}{''.join(body)}])"
            elif ch == "[":
                body.append("\\[")
                i += 1
            else:
                body.append(ch)
                i += 1
        raise PatternError("Unterminated [] set", start)


def _common_escape(p: str, i: int, known: frozenset[str]) -> tuple[str, int]:
    """An escape valid both inside and outside a class: returns its translation and where it ends."""
    if i + 1 >= len(p):
        raise PatternError("Illegal \\ at end of pattern", i)
    ch = p[i + 1]
    if ch in known:
        return p[i : i + 2], i + 2
    if ch in "pP":
        return _property(p, i)
    if ch == "e":
        return "\\x1b", i + 2
    if ch == "c":
        if i + 2 >= len(p) or not ("@" <= p[i + 2].upper() <= "_"):
            raise PatternError("Missing control character", i)
        return f"\\x{ord(p[i + 2].upper()) - 64:02x}", i + 3
    if ch == "x":
        return _hex(p, i, 2)
    if ch == "u":
        return _hex(p, i, 4)
    if ch == "0":
        end = i + 2
        while end < len(p) and end < i + 4 and p[end] in "01234567":
            end += 1
        return f"\\x{int(p[i + 1 : end], 8) & 0xFF:02x}", end
    if ch.isalnum() or ch == "_":
        raise PatternError(f"Unrecognized escape sequence \\{ch}", i)
    return p[i : i + 2], i + 2


def _hex(p: str, i: int, digits: int) -> tuple[str, int]:
    value = p[i + 2 : i + 2 + digits]
    if len(value) != digits or any(c not in "0123456789abcdefABCDEF" for c in value):
        raise PatternError("Insufficient hexadecimal digits", i)
    return p[i : i + 2 + digits], i + 2 + digits


def _property(p: str, i: int) -> tuple[str, int]:
    if i + 2 >= len(p) or p[i + 2] != "{":
        raise PatternError("Malformed \\p{X} character escape", i)
    end = p.find("}", i + 3)
    name = p[i + 3 : end] if end >= 0 else ""
    if not name:
        raise PatternError("Incomplete \\p{X} character escape", i)
    if name.startswith("Is") and len(name) > 2:
        name = f"Block={name[2:]}"
    return f"\\{p[i + 1]}{{{name}}}", end + 1


def translate(pattern: str) -> str:
    """Rewrite a .NET pattern into the `regex` module's syntax; PatternError when .NET refuses it."""
    return _Translator(pattern).run()
