"""A segment's TEI markup as spans and markers over its plain text.

Annotation offsets refer to the segment's plain text (:func:`duizhao.text.plain_text`,
the one definition). To render bold runs, corrections, links, page breaks and notes in
the same text, the element is walked exactly as the plain-text reading walks it (``corr``
over ``sic``; ``note``, ``pb``, ``lb`` left out), and the raw reading is aligned with the
plain text: normalisation only drops or collapses whitespace, so every character of the
plain text is a character of the reading, in order. Markup found on the way becomes a
:class:`~.spans.Span` (bold, correction, link) or a :class:`~.spans.Point` (a page break,
a deletion, an editorial note) in plain-text offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..text import TEI_NS, normalise, source_reading
from .spans import Point, Span

_T = "{%s}" % TEI_NS
_SKIPPED = {"note", "pb", "lb"}
DECORATION_RANK = 0  # decorations enclose annotations when both cover the same text


@dataclass(frozen=True)
class Correction:
    """An editorial repair: the text as corrected (the span) and as the source had it."""

    type: str  # page-break | duplicate | misplaced | substitution | omission | punctuation | ""
    source: str  # the ``sic`` reading, normalised


@dataclass(frozen=True)
class Bold:
    pass


@dataclass(frozen=True)
class Link:
    target: str


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class PageBreak:
    n: str | None


@dataclass(frozen=True)
class Inline:
    spans: list[Span]
    points: list[Point]


def _local(tag: str) -> str:
    return tag[len(_T):] if tag.startswith(_T) else tag


def _raw(elem: etree._Element) -> tuple[str, list[tuple[int, int, object]], list[tuple[int, object]]]:
    """The reading of ``elem`` (as ``duizhao.text`` builds it) with markup in reading offsets."""
    parts: list[str] = []
    spans: list[tuple[int, int, object]] = []
    points: list[tuple[int, object]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def walk(node: etree._Element) -> None:
        add(node.text)
        for child in node:
            if isinstance(child.tag, str):
                visit(child)
            add(child.tail)

    def visit(node: etree._Element) -> None:
        name = _local(node.tag)
        if name == "sic":
            return
        if name in _SKIPPED:
            if name == "note":
                points.append((length, Note(normalise("".join(node.itertext()), "en"))))
            elif name == "pb":
                points.append((length, PageBreak(node.get("n"))))
            return
        start = length
        walk(node)
        if name == "choice":
            sic = node.find(_T + "sic")
            corr = node.find(_T + "corr")
            fix = Correction((corr.get("type") if corr is not None else None) or "",
                             normalise(source_reading(sic), "zh") if sic is not None else "")
            if length > start:
                spans.append((start, length, fix))
            else:
                points.append((start, fix))
        elif name == "hi" and "bold" in (node.get("rend") or "").split():
            spans.append((start, length, Bold()))
        elif name == "ref" and node.get("target"):
            spans.append((start, length, Link(node.get("target"))))

    walk(elem)
    return "".join(parts), spans, points


def _alignment(raw: str, plain: str) -> list[int] | None:
    """``at[i]`` = how many plain-text characters come before reading offset ``i``
    (``len(raw) + 1`` entries), or None if ``plain`` is not ``raw`` with whitespace
    dropped or collapsed."""
    at = [0] * (len(raw) + 1)
    j = 0
    for i, ch in enumerate(raw):
        at[i] = j
        if j < len(plain) and (ch == plain[j] or (ch.isspace() and plain[j] == " ")):
            j += 1
        elif not ch.isspace():
            return None
    at[len(raw)] = j
    return at if j == len(plain) else None


def markup(elem: etree._Element, plain: str) -> Inline:
    """Bold runs, corrections, links, page breaks and notes of ``elem`` over ``plain``.

    ``plain`` must be the element's plain text; if the reading cannot be aligned with it
    (it always can, unless ``duizhao.text`` changes its definition), no markup is returned
    and the text is shown bare rather than wrongly.
    """
    raw, raw_spans, raw_points = _raw(elem)
    at = _alignment(raw, plain)
    if at is None:
        return Inline([], [])
    spans = [Span(at[a], at[b], DECORATION_RANK, "", payload) for a, b, payload in raw_spans if at[b] > at[a]]
    points = [Point(at[o], payload) for o, payload in raw_points]
    # a correction whose corrected text is only dropped whitespace is a point, too
    points += [Point(at[a], payload) for a, b, payload in raw_spans
               if at[b] == at[a] and isinstance(payload, Correction)]
    return Inline(spans, sorted(points, key=lambda p: p.offset))
