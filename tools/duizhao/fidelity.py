"""Fidelity of an encoding to its source text.

The source reading of the TEI body (``sic`` over ``corr``) with the omissions recorded
in the header put back where they were must reproduce every ideograph, letter and digit
of the source file, in order. Then nothing was lost, and the body adds nothing beyond
its recorded corrections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .tei import XML_ID, Document, T
from .text import fidelity_key, source_reading

# Markdown link targets in a source are layout (the link text stays).
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@dataclass(frozen=True)
class Mismatch:
    offset: int  # in the fidelity key
    expected: str  # context from the source
    found: str  # context from the encoding
    line: int  # line of the TEI element near the mismatch (0 if unknown)

    def __str__(self) -> str:
        return f"source has {self.expected!r} where the encoding has {self.found!r}"


def source_key(source: str) -> str:
    return fidelity_key(_MD_LINK_TARGET.sub("]", source))


def encoding_pieces(doc: Document) -> list[tuple[str, int]]:
    """The source reading of the text, with omissions reinserted, as (text, line) pieces."""
    after: dict[str | None, list[str]] = {}
    for om in doc.omissions:
        after.setdefault(om.after, []).append(om.text)
    pieces: list[tuple[str, int]] = [(text, 0) for text in after.get(None, [])]
    body = doc.source_text
    if body is None:
        return pieces

    def walk(node: etree._Element) -> None:
        if node.tag == T + "note" or node.tag == T + "corr":
            return
        line = node.sourceline or 0
        if node.text:
            pieces.append((node.text, line))
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                pieces.append((child.tail, child.sourceline or line))
        seg_id = node.get(XML_ID)
        if seg_id:
            pieces.extend((text, line) for text in after.get(seg_id, []))

    walk(body)
    return pieces


def compare(doc: Document, source: str) -> Mismatch | None:
    """The first place where the encoding departs from ``source``, or None."""
    expected = source_key(source)
    found_parts, lines = [], []
    for text, line in encoding_pieces(doc):
        key = fidelity_key(text)
        found_parts.append(key)
        lines.extend([line] * len(key))
    found = "".join(found_parts)
    if found == expected:
        return None
    i = next((k for k, (a, b) in enumerate(zip(expected, found)) if a != b), min(len(expected), len(found)))
    line = lines[min(i, len(lines) - 1)] if lines else 0
    return Mismatch(i, expected[max(0, i - 8): i + 12], found[max(0, i - 8): i + 12], line)


def source_path(doc: Document) -> Path | None:
    """``corpus/sources/<source-file>`` next to the document, if recorded and present."""
    if not doc.source_file:
        return None
    path = doc.path.parent / "sources" / doc.source_file
    return path if path.exists() else None


def main(argv: list[str] | None = None) -> int:
    import sys

    from .tei import load_document
    code = 0
    for name in (argv if argv is not None else sys.argv[1:]):
        doc = load_document(name)
        src = source_path(doc)
        if src is None:
            print(f"{name}: no source file recorded or found")
            code = 1
            continue
        problem = compare(doc, src.read_text(encoding="utf-8"))
        print(f"{name}: {'faithful' if problem is None else f'line {problem.line}: {problem}'}")
        code |= problem is not None
    return code


if __name__ == "__main__":
    raise SystemExit(main())
