"""Every annotation with its resolved offsets (stable contract, DESIGN.md), as written.

``jsonl``: one object per annotation, ``{doc, id, type, segment, quote, prefix, suffix, start,
end, status, source, note}`` plus the fields of its type (term: ``term``; entity: ``entity``;
figure: ``value``, ``value_max``, ``unit``, ``scale``, ``qualifier``, ``indicator``, ``measure``,
``modality``, ``rank_of``, ``per``, ``benchmark``, ``scope``, ``period``), absent ones as null
(a figure's null ``modality`` is ``actual``, its null ``qualifier`` ``exact``; ``duizhao export
figures`` spells them out and adds the interval). ``csv``: the columns of :data:`COLUMNS` in
that order, every type's fields on every row (empty where they do not apply).
``start``/``end`` are character offsets in the segment's zh plain text (``duizhao export
segments``), null when the anchor does not resolve (see ``duizhao check --select A``).
Rejected annotations are included: status says.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import annotations
from ..project import Project
from .tables import number, write_csv, write_jsonl

COMMON = ("doc", "id", "type", "segment", "quote", "prefix", "suffix", "start", "end", "status", "source", "note")
COLUMNS = [*COMMON, *dict.fromkeys(key for fields in annotations.TYPE_FIELDS.values() for key in fields)]


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


FORMATS = {
    "jsonl": lambda project, out: write_jsonl(records(project), out),
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
}
