"""Accepted annotations as gold spans: the training data of ``train`` and the reference of
``evaluate``. Annotations whose anchor does not resolve (rules A001-A003 report them) are
left out; so are proposed and rejected ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..annotations import TYPE_FIELDS, load
from ..project import Project
from ..tei import Document
from .base import LABEL_FIELD
from .lexicon import Lexicon
from .training import Example, Span


@dataclass(frozen=True)
class Gold:
    type: str
    segment: str
    start: int
    end: int
    label: Any  # term or entity id, or the figure's value
    fields: dict = field(default_factory=dict, compare=False, hash=False)


def gold(project: Project, doc: Document) -> list[Gold]:
    """The accepted annotations of ``doc`` with their offsets."""
    index = load(project)
    path = project.annotations_dir / f"{doc.id}.yaml"
    if not path.exists():
        return []
    out = []
    for ann in index.file(path).annotations:
        span = index.span(ann)
        if ann.status != "accepted" or ann.type not in LABEL_FIELD or span is None or ann.segment not in doc.segment_index:
            continue
        out.append(Gold(ann.type, ann.segment, span[0], span[1], getattr(ann, LABEL_FIELD[ann.type]),
                        {k: getattr(ann, k) for k in TYPE_FIELDS[ann.type]}))
    return out


def entity_examples(project: Project, docs: list[Document], lexicon: Lexicon,
                    drop: set[str] = frozenset()) -> list[Example]:
    """One training example per segment of ``docs``: its text and accepted entity spans,
    tagged with the entity's type (unknown ids and ids in ``drop`` are left out)."""
    examples = []
    for doc in docs:
        by_segment: dict[str, list[Span]] = {}
        for g in gold(project, doc):
            tag = lexicon.entity_types.get(str(g.label), "").upper()
            if g.type == "entity" and tag and g.label not in drop:
                by_segment.setdefault(g.segment, []).append(Span(g.start, g.end, tag))
        examples.extend(Example(seg.zh, tuple(by_segment.get(seg.id, ()))) for seg in doc.segments)
    return examples
