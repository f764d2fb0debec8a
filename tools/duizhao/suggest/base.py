"""What every recommender produces: proposals, spans in a segment's zh plain text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ..annotations import TYPE_FIELDS
from ..tei import Document

# The order in which type-specific fields are written into an annotation (the contract's).
FIELDS = tuple(field for kind in ("term", "entity", "figure") for field in TYPE_FIELDS[kind])
LABEL_FIELD = {"term": "term", "entity": "entity", "figure": "value"}


@dataclass(frozen=True)
class Proposal:
    """A suggested annotation: ``type`` over ``segment``'s zh ``[start, end)``, with fields."""

    type: str  # term | entity | figure
    segment: str
    start: int
    end: int
    fields: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def make(cls, type: str, segment: str, start: int, end: int, **fields: Any) -> "Proposal":
        ordered = tuple((k, fields[k]) for k in FIELDS if fields.get(k) is not None)
        return cls(type, segment, start, end, ordered)

    def get(self, name: str) -> Any:
        return dict(self.fields).get(name)

    @property
    def label(self) -> Any:
        """What the span is said to be: the term or entity id, or the figure's value."""
        return self.get(LABEL_FIELD[self.type])

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class RecommenderUnavailable(Exception):
    """A recommender cannot run (e.g. no trained model): the user's to fix, not a crash."""


class Recommender(Protocol):
    name: str

    def propose(self, doc: Document) -> list[Proposal]:
        """Every span this recommender would annotate in ``doc``, existing annotations ignored."""
        ...
