"""How right the figures recommender is about each attribute of the figures it finds.

A proposed figure is *matched* to a gold figure when they are in the same segment, their
spans overlap and they state the same magnitude (|value × scale|, and |value_max × scale|):
the sign is then scored as part of ``value``, not as a reason to miss the figure. On the
matched figures each attribute of figures contract v2 is scored apart:

- ``value`` and ``value_max`` as the signed, scaled statistic (103.13 × 1e9 = 1031.3 × 1e8;
  -3.4 is wrong for a rise of 3.4);
- ``scale`` with 1 for a missing scale, ``qualifier`` with ``exact`` and ``modality`` with
  ``actual`` (the defaults a figure has when the annotation leaves them out);
- everything else as written (``period`` ``2020`` is not ``2020-01/2020-12``).

*accuracy* is over every matched figure. For attributes most figures do not have (rank_of,
per, benchmark, value_max, a modality other than actual) that is mostly "both left it out",
so *stated accuracy* is also given: over the matched figures where the gold or the proposal
says something (a value other than the default).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..annotations import TYPE_FIELDS
from ..figures import close, default_modality, scaled
from .base import Proposal
from .gold import Gold

ATTRIBUTES = TYPE_FIELDS["figure"]  # value, value_max, unit, scale, qualifier … period: the contract's order
_DEFAULTS = {"scale": 1.0, "qualifier": "exact", "modality": "actual"}


def magnitude(value: Any, scale: Any) -> float | None:
    """|value × scale|, what matching compares (None without a value)."""
    amount = scaled(float(value), float(scale or 1)) if isinstance(value, (int, float)) else None
    return None if amount is None else abs(amount)


def same_magnitude(p: Proposal, g: Gold) -> bool:
    """Whether a proposal and a gold figure state the same amount, whatever its sign."""
    for name in ("value", "value_max"):
        a, b = magnitude(p.get(name), p.get("scale")), magnitude(g.fields.get(name), g.fields.get("scale"))
        if (a is None) != (b is None) or (a is not None and not close(a, b)):
            return False
    return True


def normal(name: str, fields: dict[str, Any]) -> Any:
    """The attribute as scored: scaled for value/value_max, defaults filled in."""
    value = fields.get(name)
    if name in ("value", "value_max"):
        return scaled(float(value), float(fields.get("scale") or 1)) if isinstance(value, (int, float)) else None
    if name == "modality":
        return default_modality(value)
    if name == "scale":
        return float(value or 1)
    return _DEFAULTS.get(name) if value is None else value


def equal(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return close(float(a), float(b))
    return a == b


@dataclass
class Score:
    """Right and total over the matched figures, and over those where the attribute is stated."""

    right: int = 0
    total: int = 0
    stated_right: int = 0
    stated: int = 0

    def add(self, right: bool, stated: bool) -> None:
        self.right += right
        self.total += 1
        self.stated_right += right and stated
        self.stated += stated

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None
        return {"accuracy": ratio(self.right, self.total), "right": self.right, "total": self.total,
                "stated_accuracy": ratio(self.stated_right, self.stated), "stated_right": self.stated_right,
                "stated": self.stated}


class AttributeScores:
    """One :class:`Score` per attribute, filled pair by pair."""

    def __init__(self) -> None:
        self.scores = {name: Score() for name in ATTRIBUTES}

    def add(self, proposal: Proposal, reference: Gold) -> None:
        predicted = dict(proposal.fields)
        for name, score in self.scores.items():
            a, b = normal(name, predicted), normal(name, reference.fields)
            stated = any(x is not None and x != _DEFAULTS.get(name) for x in (a, b))
            score.add(equal(a, b), stated)

    def report(self) -> dict[str, dict[str, Any]]:
        return {name: score.as_dict() for name, score in self.scores.items() if score.total}


def render(scores: dict[str, Any]) -> list[str]:
    """The per-attribute table as text lines."""
    def pct(x: Any) -> str:
        return "     -" if x is None else f"{x:6.3f}"
    lines = [f"{'attribute':<11} {'accuracy':>8} {'right':>6} {'of':>5}   {'stated acc.':>11} {'right':>6} {'of':>5}"]
    for name, s in scores.items():
        if isinstance(s, dict):  # a report written before the per-attribute table held bare ratios
            lines.append(f"{name:<11} {pct(s['accuracy']):>8} {s['right']:>6} {s['total']:>5}   "
                         f"{pct(s['stated_accuracy']):>11} {s['stated_right']:>6} {s['stated']:>5}")
        else:
            lines.append(f"{name:<11} {pct(s):>8}")
    return lines
