"""What the cursor is on, read from the text as typed (which may not parse yet).

In YAML: the ``key: value`` on the cursor's line and the list item around it (an annotation
or a registry entry) as scalars; in TEI: the attribute value under the cursor. Columns are
characters, 0-based, as the server holds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..check.places import yaml_comment_start
from ..yamlio import YAMLProblem, loads

_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_][\w-]*):(?:\s+|$)")
_ITEM = re.compile(r"^(?P<indent>\s*)-\s+")
_ATTRIBUTE = re.compile(r'(?P<name>[\w:.-]+)\s*=\s*"(?P<value>[^"]*)"')


def scalar(raw: str) -> str:
    """A YAML scalar as written (quoted or plain) read as text."""
    raw = raw.strip()
    if raw[:1] in ("'", '"'):
        try:
            value = loads(f"k: {raw}\n")
            if isinstance(value, dict) and isinstance(value.get("k"), str):
                return value["k"]
        except YAMLProblem:
            pass
        return raw.strip("'\"")
    return raw


@dataclass
class YAMLCursor:
    line: int
    key: str | None = None
    value: str = ""  # the value as text
    start: int = 0  # where the value is written on the line (or would be)
    end: int = 0
    on_value: bool = False  # the cursor is on (or after) the value, not on the key
    item: dict[str, str] = field(default_factory=dict)  # the scalar keys of the item around the line
    item_line: int | None = None  # where that item starts


def _key_value(line: str) -> tuple[re.Match, int, int] | None:
    """The key match on ``line`` and the span of its value (before a comment)."""
    m = _KEY.match(line)
    if m is None:
        return None
    start = m.end()
    comment = yaml_comment_start(line, start)
    end = len(line[:comment].rstrip()) if comment is not None else len(line.rstrip())
    return m, start, max(end, start)


def _item_start(lines: list[str], line: int, indent: int) -> int | None:
    """The line of the list item (``- ``) holding ``line`` whose keys are at ``indent``."""
    for n in range(line, -1, -1):
        text = lines[n]
        m = _ITEM.match(text)
        if m is not None and len(m.group(0)) == indent:
            return n
        stripped = text.strip()
        if stripped and not stripped.startswith("#") and len(text) - len(text.lstrip()) < indent:
            return None
    return None


def _item(lines: list[str], first: int, indent: int) -> dict[str, str]:
    """The scalar ``key: value`` pairs of the item starting at ``first`` (keys at ``indent``)."""
    out: dict[str, str] = {}
    for n in range(first, len(lines)):
        text = lines[n]
        depth = len(text) - len(text.lstrip())
        if n > first and text.strip() and not text.lstrip().startswith("#"):
            if depth < indent:
                break
            if depth > indent:
                continue
        found = _key_value(text)
        if found is not None:
            m, start, end = found
            out.setdefault(m.group("key"), scalar(text[start:end]))
    return out


def yaml_cursor(text: str, line: int, character: int) -> YAMLCursor:
    """What is at (``line``, ``character``) of a YAML text."""
    lines = text.splitlines() or [""]
    if line >= len(lines):
        return YAMLCursor(line)
    here = lines[line]
    cursor = YAMLCursor(line)
    found = _key_value(here)
    if found is not None:
        m, start, end = found
        cursor.key, cursor.value = m.group("key"), scalar(here[start:end])
        cursor.start, cursor.end = start, end
        cursor.on_value = character >= m.end("key") + 1
        indent = m.start("key")
    else:
        indent = len(here) - len(here.lstrip())
    first = _item_start(lines, line, indent)
    if first is not None:
        cursor.item, cursor.item_line = _item(lines, first, indent), first
    return cursor


@dataclass
class XMLCursor:
    name: str  # the attribute's name
    value: str
    start: int
    end: int


def xml_cursor(text: str, line: int, character: int) -> XMLCursor | None:
    """The attribute whose value the cursor is on, in an XML text."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    for m in _ATTRIBUTE.finditer(lines[line]):
        if m.start() <= character <= m.end():
            return XMLCursor(m.group("name"), m.group("value"), m.start("value"), m.end("value"))
    return None
