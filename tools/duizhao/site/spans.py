"""Spans over a text, made to nest, and written out as HTML.

Annotations may nest (a term inside an entity name) or cross (two spans that overlap
without one containing the other); TEI decorations (bold, corrections, links) may cross
annotations too. HTML elements can only nest, so crossing spans are cut where they cross:
:func:`nest` returns pieces that form a proper tree, each remembering whether it is the
first piece of its span (only that one is keyboard-focusable). :func:`emit` writes the
text with the pieces as elements and zero-width markers (page breaks, deletions, notes)
at their offsets. Every character of the text is escaped.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True, order=True)
class Span:
    """``text[start:end]`` carries ``payload``; ``rank`` orders equal spans (lower = outer)."""

    start: int
    end: int
    rank: int = 0
    key: str = field(default="", compare=True)  # tie-breaker, e.g. the annotation id
    payload: Any = field(default=None, compare=False)


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    span: Span
    first: bool  # the piece where the span begins


@dataclass(frozen=True)
class Point:
    """A zero-width marker at ``offset`` (rendered between characters)."""

    offset: int
    payload: Any


def nest(spans: Iterable[Span]) -> list[Piece]:
    """Cut crossing spans so that every two pieces are disjoint or one contains the other.

    Pieces come out in document order (by start, outer before inner). Empty spans are
    dropped.
    """
    queue = sorted(((s.start, -s.end, s.rank, s.key, s.start, True, s) for s in spans if s.end > s.start),
                   key=lambda t: t[:4])
    pieces: list[Piece] = []
    stack: list[Piece] = []
    i = 0
    while i < len(queue):
        start, neg_end, rank, key, _, first, span = queue[i]
        i += 1
        end = -neg_end
        while stack and stack[-1].end <= start:
            stack.pop()
        if stack and end > stack[-1].end:  # crosses the enclosing piece: cut at its end
            cut = stack[-1].end
            rest = (cut, -end, rank, key, cut, False, span)
            bisect.insort(queue, rest, lo=i, key=lambda t: t[:4])
            end = cut
        piece = Piece(start, end, span, first)
        pieces.append(piece)
        stack.append(piece)
    return pieces


Opener = Callable[[Piece], tuple[Markup, Markup]]  # (opening tag, closing tag)
Marker = Callable[[Point], Markup]


def emit(text: str, pieces: list[Piece], points: Iterable[Point], opener: Opener, marker: Marker) -> Markup:
    """``text`` as escaped HTML with ``pieces`` (from :func:`nest`) as elements and
    ``points`` as markers. A marker on a piece's boundary is written outside the piece."""
    events: list[tuple[int, int, int, Any]] = []
    for idx, piece in enumerate(pieces):
        events.append((piece.start, 2, idx, piece))  # opens: outer (earlier) first
        events.append((piece.end, 0, -idx, piece))  # closes: inner (later) first
    for k, point in enumerate(points):
        events.append((point.offset, 1, k, point))
    events.sort(key=lambda e: e[:3])
    out: list[str] = []
    closing: dict[int, Markup] = {}
    pos = 0
    for offset, phase, order, item in events:
        offset = min(max(offset, pos), len(text))
        if offset > pos:
            out.append(escape(text[pos:offset]))
            pos = offset
        if phase == 2:
            opening, closing[order] = opener(item)
            out.append(opening)
        elif phase == 0:
            out.append(closing.pop(-order))
        else:
            out.append(marker(item))
    out.append(escape(text[pos:]))
    return Markup("".join(out))
