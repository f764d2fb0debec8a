"""Stand-off anchors: a quote (+ optional prefix/suffix) to offsets in a segment's zh text.

Anchors follow the W3C TextQuoteSelector: ``quote`` is the exact text of the span,
``prefix`` the text that must immediately precede it and ``suffix`` the text that must
immediately follow it. Matching is exact, over :attr:`duizhao.tei.Segment.zh` (the one
plain-text definition). An anchor that matches nowhere or more than once is reported as
such, never re-attached to the nearest fuzzy match.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Status(str, Enum):
    OK = "ok"
    NOT_FOUND = "not-found"  # the quote (with its prefix/suffix) is not in the text
    AMBIGUOUS = "ambiguous"  # several places match and prefix/suffix do not choose one


@dataclass(frozen=True)
class Resolution:
    """Where an anchor lands: ``start``/``end`` are set only when exactly one place matches."""

    status: Status
    start: int | None
    end: int | None
    matches: tuple[int, ...]  # start offsets that satisfy quote + prefix + suffix
    occurrences: tuple[int, ...]  # start offsets of the bare quote

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def describe(self, quote: str, prefix: str | None = None, suffix: str | None = None) -> str:
        """A one-line explanation for a finding."""
        n = len(self.occurrences)
        if self.status is Status.AMBIGUOUS:
            where = ", ".join(map(str, self.matches))
            context = " with the given prefix/suffix" if prefix or suffix else ""
            return f"quote {quote!r} occurs {len(self.matches)} times{context} (at offsets {where})"
        if self.status is Status.NOT_FOUND and n:
            parts = [f"prefix {prefix!r}" if prefix else "", f"suffix {suffix!r}" if suffix else ""]
            return f"quote {quote!r} occurs {n} time(s) but never with {' and '.join(p for p in parts if p)}"
        if self.status is Status.NOT_FOUND:
            return f"quote {quote!r} is not in the segment text"
        return f"quote {quote!r} at {self.start}-{self.end}"


def occurrences(text: str, quote: str) -> list[int]:
    """Every start offset of ``quote`` in ``text``, overlapping ones included."""
    if not quote:
        return []
    found, i = [], text.find(quote)
    while i != -1:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def _fits(text: str, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    if prefix and (start < len(prefix) or text[start - len(prefix): start] != prefix):
        return False
    return not suffix or text.startswith(suffix, end)


def resolve(text: str, quote: str, prefix: str | None = None, suffix: str | None = None) -> Resolution:
    """Resolve an anchor in ``text`` (exact matching only)."""
    first = text.find(quote) if quote else -1
    if first != -1 and text.find(quote, first + 1) == -1:  # the common case: one occurrence
        end = first + len(quote)
        if _fits(text, first, end, prefix, suffix):
            return Resolution(Status.OK, first, end, (first,), (first,))
        return Resolution(Status.NOT_FOUND, None, None, (), (first,))
    starts = occurrences(text, quote)
    matches = tuple(s for s in starts if _fits(text, s, s + len(quote), prefix, suffix))
    if len(matches) == 1:
        return Resolution(Status.OK, matches[0], matches[0] + len(quote), matches, tuple(starts))
    status = Status.AMBIGUOUS if matches else Status.NOT_FOUND
    return Resolution(status, None, None, matches, tuple(starts))


def shortest_prefix(text: str, start: int, end: int) -> str | None:
    """The shortest prefix that makes ``text[start:end]`` resolve to exactly this place.

    ``""`` when the quote is already unique; ``None`` when no prefix can tell it apart
    (a suffix may: see :func:`shortest_context`).
    """
    quote = text[start:end]
    others = [s for s in occurrences(text, quote) if s != start]
    if not others:
        return ""
    for n in range(1, start + 1):
        prefix = text[start - n: start]
        if not any(_fits(text, s, s + len(quote), prefix, None) for s in others):
            return prefix
    return None


def shortest_suffix(text: str, start: int, end: int) -> str | None:
    """Like :func:`shortest_prefix`, for the text after the quote."""
    quote = text[start:end]
    others = [s for s in occurrences(text, quote) if s != start]
    if not others:
        return ""
    for n in range(1, len(text) - end + 1):
        suffix = text[end: end + n]
        if not any(_fits(text, s, s + len(quote), None, suffix) for s in others):
            return suffix
    return None


def shortest_context(text: str, start: int, end: int) -> tuple[str, str]:
    """A ``(prefix, suffix)`` pair that singles out ``start:end``.

    The shortest prefix alone is preferred (annotators read left to right), then the
    shortest suffix alone; as a last resort (text that repeats itself around the span)
    the whole text on both sides, which always singles out one place.
    """
    prefix = shortest_prefix(text, start, end)
    if prefix is not None:
        return prefix, ""
    suffix = shortest_suffix(text, start, end)
    if suffix is not None:
        return "", suffix
    return text[:start], text[end:]
