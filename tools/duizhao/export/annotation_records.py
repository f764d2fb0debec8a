"""Every annotation with its resolved offsets (stable contract, DESIGN.md):
``{doc, id, type, segment, quote, prefix, suffix, start, end, status, source, note}``
plus the fields of its type (term: ``term``; entity: ``entity``; figure: ``value``,
``value_max``, ``unit``, ``scale``, ``qualifier``, ``indicator``, ``measure``, ``scope``,
``period``), absent ones as null. ``start``/``end`` are character offsets in the
segment's zh plain text (``duizhao export segments``), null when the anchor does not
resolve (see ``duizhao check --select A``). Rejected annotations are included: status says.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import annotations
from ..project import Project
from .tables import number, write_jsonl

COMMON = ("doc", "id", "type", "segment", "quote", "prefix", "suffix", "start", "end", "status", "source", "note")


def records(project: Project) -> Iterator[dict]:
    index = annotations.load(project)
    for ann in index:
        span = index.span(ann) or (None, None)
        row = {k: getattr(ann, k, None) for k in COMMON}
        row["start"], row["end"] = span
        for key in annotations.TYPE_FIELDS.get(ann.type or "", ()):
            value = getattr(ann, key)
            row[key] = number(value) if key in annotations.NUMBER_FIELDS else value
        yield row


FORMATS = {"jsonl": lambda project, out: write_jsonl(records(project), out)}
