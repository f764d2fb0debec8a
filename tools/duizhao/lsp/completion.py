"""Completion of annotation values: registry ids (matched by id, Chinese or English form),
the document's segment ids, enumerated values, and quotes taken from the segment's text
(the registered names, numbers and clauses written there)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..names import Matcher
from ..numbers import find_numbers
from ..project import Project
from ..registries import registries
from ..tei import Segment
from .cursor import YAMLCursor, yaml_cursor
from .lookup import ENUMS, REFERENCES, document_of
from .session import kind_of

_CLAUSE = re.compile(r"[^，。；：、！？,;:!?（）()“”《》\s]+")


@dataclass(frozen=True)
class Choice:
    label: str  # what is inserted (and shown)
    detail: str = ""
    documentation: str = ""
    filter_text: str = ""  # what the typed text is matched against


def _ids(project: Project, registry: str) -> list[Choice]:
    out = []
    for rec in registries(project).records(registry):
        if rec.id is None:
            continue
        forms = " ".join(dict.fromkeys([rec.id, *rec.forms, *rec.renderings]))
        out.append(Choice(rec.id, f"{rec.zh or ''} — {rec.en or ''}", documentation=rec.gloss.get("en", ""),
                          filter_text=forms))
    return out


def _quotes(project: Project, seg: Segment, ann_type: str | None) -> list[Choice]:
    """Spans of the segment an annotation of ``ann_type`` could quote, in text order."""
    zh, spans = seg.zh, {}
    if ann_type in (None, "term", "entity"):
        found = registries(project)
        matcher = Matcher.of([*found.records("glossary"), *found.records("entities")])
        for m in matcher.find(zh, nested=True):
            if ann_type is None or any(kind == ann_type for kind, _ in m.refs):
                spans.setdefault((m.start, m.end), ", ".join(rid for _, rid in m.refs))
    if ann_type in (None, "figure"):
        for n in find_numbers(zh):
            spans.setdefault((n.start, n.end), f"{n.value:g}" + (f" {n.unit}" if n.unit else ""))
    if ann_type is None:
        for m in _CLAUSE.finditer(zh):
            spans.setdefault((m.start(), m.end()), "clause")
    return [Choice(zh[s:e], f"{seg.id} {s}–{e}: {what}", filter_text=zh[s:e]) for (s, e), what in sorted(spans.items())]


def choices(project: Project, path: Path, at: YAMLCursor) -> list[Choice]:
    """What may be written as the value of the key at the cursor."""
    if at.key in REFERENCES:
        return _ids(project, REFERENCES[at.key])
    if at.key in ENUMS and not (at.key == "type" and kind_of(path) != "annotations"):
        return [Choice(value, meaning) for value, meaning in ENUMS[at.key].items()]
    if kind_of(path) != "annotations" or at.key not in ("segment", "quote", "prefix", "suffix"):
        return []
    doc = document_of(project, path)
    if doc is None:
        return []
    if at.key == "segment":
        return [Choice(seg.id, seg.zh[:40], filter_text=f"{seg.id} {seg.zh}") for seg in doc.segments]
    seg = doc.segment_index.get(at.item.get("segment", ""))
    return [] if seg is None else _quotes(project, seg, at.item.get("type") if at.key == "quote" else None)


def complete(project: Project, path: Path, text: str, line: int, character: int) -> tuple[YAMLCursor, list[Choice]]:
    """The cursor (where the value is) and the choices for it, in a YAML file."""
    at = yaml_cursor(text, line, character)
    if at.key is None or not at.on_value or kind_of(path) in (None, "tei"):
        return at, []
    return at, choices(project, path, at)
