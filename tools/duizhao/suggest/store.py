"""Writing proposals into ``annotations/<doc>.yaml`` without disturbing anything else.

The file is read with the round-trip loader and written back whole and atomically, so
comments, key order and formatting survive; proposals are appended at the end of the
``annotations`` list (existing items are never touched, removed or reordered) with new
ids that continue the document's sequence (``<doc>.aNNNN``, never reusing an id present,
rejected ones included). A proposal is dropped when the file already says something
about its span: an annotation of the same type on the very same span (whatever its id
or value), or on an overlapping span with the same term, entity or value — whether
accepted, proposed or rejected. That makes ``suggest`` idempotent and rejections final.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .. import yamlio
from ..anchoring import resolve, shortest_context
from ..annotations import Annotation, read
from ..project import YAMLFile
from ..tei import Document
from .base import LABEL_FIELD, Proposal

MODELINE = "# yaml-language-server: $schema=schema/annotations.schema.json"


class StoreError(Exception):
    """An annotation file that cannot be safely rewritten (the message names file:line:col)."""


@dataclass
class Outcome:
    path: Path
    added: list[CommentedMap] = field(default_factory=list)
    known: int = 0  # proposals the file already records (accepted, proposed or rejected)
    created: bool = False


@dataclass(frozen=True)
class Known:
    """An existing annotation reduced to what suppression compares."""

    type: str
    segment: str
    start: int
    end: int
    label: Any


def _same_label(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def is_known(proposal: Proposal, known: Iterable[Known]) -> bool:
    for k in known:
        if k.type != proposal.type or k.segment != proposal.segment:
            continue
        if (k.start, k.end) == (proposal.start, proposal.end):
            return True
        if proposal.overlaps(k.start, k.end) and _same_label(k.label, proposal.label):
            return True
    return False


def known_spans(records: Iterable[Annotation], doc: Document) -> list[Known]:
    out = []
    for ann in records:
        seg = doc.segment_index.get(ann.segment or "")
        if seg is None or not ann.quote or ann.type not in LABEL_FIELD:
            continue
        res = resolve(seg.zh, ann.quote, ann.prefix, ann.suffix)
        if res.ok:
            out.append(Known(ann.type, seg.id, res.start, res.end, getattr(ann, LABEL_FIELD[ann.type])))
    return out


def load_for_update(path: Path, doc_id: str) -> tuple[Any, bool]:
    """(round-trip data, created?) of an annotation file; a new one if it does not exist."""
    if not path.exists():
        return yamlio.loads(f"{MODELINE}\ndocument: {doc_id}\n"), True
    try:
        data = yamlio.load(path)
    except yamlio.YAMLProblem as problem:
        raise StoreError(f"{path}:{problem.line}:{problem.col}: {problem.message} (fix it first: the file is left as it is)") from None
    if not isinstance(data, CommentedMap):
        raise StoreError(f"{path}:1:1: not a mapping with `document:` and `annotations:`")
    items = data.get("annotations")
    if items is not None and not isinstance(items, CommentedSeq):
        line, col = yamlio.position(data, ["annotations"])
        raise StoreError(f"{path}:{line}:{col}: `annotations` is not a list")
    return data, False


def next_number(doc_id: str, ids: Iterable[Any]) -> int:
    pattern = re.compile(rf"{re.escape(doc_id)}\.a(\d+)")
    numbers = [int(m.group(1)) for i in ids if isinstance(i, str) and (m := pattern.fullmatch(i))]
    return max(numbers, default=0) + 1


def _plain(value: Any) -> Any:
    """Integral floats as ints (``17``, ``100000000``), other values unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def entry(proposal: Proposal, ann_id: str, text: str, source: str) -> CommentedMap:
    """The YAML mapping of a proposal, keys in contract order."""
    prefix, suffix = shortest_context(text, proposal.start, proposal.end)
    item = CommentedMap()
    item["id"] = ann_id
    item["type"] = proposal.type
    item["segment"] = proposal.segment
    item["quote"] = text[proposal.start:proposal.end]
    if prefix:
        item["prefix"] = prefix
    if suffix:
        item["suffix"] = suffix
    item["status"] = "proposed"
    item["source"] = source
    for key, value in proposal.fields:
        item[key] = _plain(value)
    return item


def add_proposals(path: Path, doc: Document, proposals: Iterable[Proposal], source: str,
                  write: bool = True) -> Outcome:
    """Append the new ``proposals`` to ``path`` (created if absent); see the module doc."""
    data, created = load_for_update(path, doc.id)
    records = read(YAMLFile(path, data, None, "")).annotations
    known = known_spans(records, doc)
    order = {seg.id: i for i, seg in enumerate(doc.segments)}
    outcome = Outcome(path, created=created)
    fresh: list[Proposal] = []
    for proposal in sorted(set(proposals), key=lambda p: (order.get(p.segment, len(order)), p.start, p.end, p.type, str(p.label))):
        if is_known(proposal, known):
            outcome.known += 1
            continue
        fresh.append(proposal)
        known.append(Known(proposal.type, proposal.segment, proposal.start, proposal.end, proposal.label))
    if not fresh:
        return outcome
    items = data.get("annotations")
    if items is None:
        items = data["annotations"] = CommentedSeq()
    if not items:
        items.fa.set_block_style()
    number = next_number(doc.id, (item.get("id") for item in items if isinstance(item, dict)))
    for offset, proposal in enumerate(fresh):
        text = doc.segment_index[proposal.segment].zh
        item = entry(proposal, f"{doc.id}.a{number + offset:04d}", text, source)
        items.append(item)
        outcome.added.append(item)
    if write:
        yamlio.atomic_write(path, yamlio.dumps(data))
    return outcome
