"""A figure as the interval of its signed, scaled statistic, and as words.

The qualifier bounds the *magnitude as written*: 下降超过10% is ``value: -10, qualifier:
more_than`` and means a fall larger than 10, so the statistic lies in (−∞, −10). Exports give
every figure as ``low``/``high`` (None = unbounded) so that nobody has to reason about signs.
A magnitude bounded above stays on its side of zero (不足5% is [0, 5)); a rank starts at 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .vocabulary import default_modality


@dataclass(frozen=True)
class Interval:
    low: float | None  # None: unbounded below
    high: float | None  # None: unbounded above
    low_closed: bool = True
    high_closed: bool = True

    def __str__(self) -> str:
        low = "−∞" if self.low is None else _n(self.low)
        high = "∞" if self.high is None else _n(self.high)
        if self.low == self.high:
            return low
        return f"{'[' if self.low_closed and self.low is not None else '('}{low}, {high}" \
               f"{']' if self.high_closed and self.high is not None else ')'}"


def scaled(value: float | None, scale: float | None) -> float | None:
    """``value × scale`` (scale 1 when absent), exact in decimal: 1031.3 × 1e8 = 103130000000."""
    if value is None:
        return None
    return float(Decimal(repr(value)) * Decimal(repr(1.0 if scale is None else scale)))


def bounds(value: float | None, value_max: float | None = None, scale: float | None = None,
             qualifier: str | None = None, unit: str | None = None) -> Interval | None:
    """The interval the figure states (None without a value)."""
    v, top = scaled(value, scale), scaled(value_max, scale)
    if v is None:
        return None
    floor = 1.0 if unit == "rank" else 0.0
    q = qualifier or "exact"
    if q == "range" and top is not None:
        return Interval(min(v, top), max(v, top))
    if q in ("more_than", "at_least"):
        closed = q == "at_least"
        return Interval(v, None, low_closed=closed) if v >= 0 else Interval(None, v, high_closed=closed)
    if q in ("less_than", "at_most"):
        closed = q == "at_most"
        return Interval(floor, v, high_closed=closed) if v >= 0 else Interval(v, 0.0, low_closed=closed)
    return Interval(v, v)


def bounds_of(ann: Any) -> Interval | None:
    """The interval of an annotation record (anything with the figure attributes)."""
    return bounds(ann.value, ann.value_max, ann.scale, ann.qualifier, ann.unit)


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e16 else f"{x:g}"


_BOUND_WORDS = {"approx": "about ", "more_than": "more than ", "at_least": "at least ",
                "less_than": "less than ", "at_most": "at most "}
_SIGNED = ("growth_yoy", "growth", "change", "gap")
_MEASURE_WORDS = {"growth_yoy": "year on year", "growth": "growth", "change": "change", "share": "share",
                  "gap": "gap", "average": "average", "ratio": "ratio", "duration": "duration"}
_RANKED_WORDS = {"growth_yoy": "year-on-year growth", "growth": "growth", "change": "change", "share": "share",
                 "level": "size", "average": "average", "ratio": "ratio"}
_UNIT_WORDS = {"percent": " %", "percentage_point": " percentage points", "cny": " yuan", "usd": " US$",
               "rank": "", "times": " times", "year": " years", "month": " months", "day": " days"}


def _words(x: float) -> str:
    """A scaled number as a reader says it: 588920000000 → 588.92 billion, 8100000 → 8.1 million."""
    for size, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(x) >= size:
            return f"{x / size:,.10g}{word}"
    return f"{x:,.10g}"


def reading(ann: Any, name: Callable[[str], str] = str) -> str:
    """The figure in words: ``+3.6 % year on year, Ji'an, 2020-01/2020-09, actual``.

    ``name`` turns an entity id (scope) into its English name."""
    if ann.value is None:
        return "no value"
    signed = "+" if ann.value > 0 and ann.measure in _SIGNED else ""
    fall = ann.value < 0 and ann.qualifier in _BOUND_WORDS and ann.qualifier != "approx"
    magnitude = scaled(abs(ann.value) if fall else ann.value, ann.scale)
    number = f"{signed}{_words(magnitude)}"  # a bounded fall reads as one: "a fall of more than 10 %"
    if ann.qualifier == "range" and ann.value_max is not None:
        number = f"{number} to {_words(scaled(ann.value_max, ann.scale))}"
    unit = _UNIT_WORDS.get(ann.unit or "", f" {ann.unit}" if ann.unit else "")
    head = f"{'a fall of ' if fall else ''}{_BOUND_WORDS.get(ann.qualifier or '', '')}{number}{unit}"
    if ann.measure == "rank":
        head = f"rank {head}" + (f" by {_RANKED_WORDS.get(ann.rank_of, ann.rank_of)}" if ann.rank_of else "") \
            + (f" among {name(ann.rank_among)}" if ann.rank_among else "")
    elif ann.measure in _MEASURE_WORDS:
        head = f"{head} {_MEASURE_WORDS[ann.measure]}"
    parts = [head]
    if ann.per:
        parts[0] += f" per {ann.per}"
    if ann.benchmark:
        parts[0] += f" against {ann.benchmark}"
    if ann.scope:
        parts.append(name(ann.scope))
    if ann.period:
        parts.append(ann.period)
    parts.append(default_modality(ann.modality))
    return ", ".join(parts)
