"""Hover: what the thing under the cursor means, in Markdown.

- on ``quote`` (``prefix``, ``suffix``): the segment's Chinese with the span the anchor lands
  on in bold (or why it lands nowhere), and the segment's English;
- on ``segment`` (or an ``xml:id``/``corresp`` in TEI): the segment in both languages;
- on an id of a term, entity or indicator (``term``, ``entity``, ``scope``, ``rank_among``,
  ``indicator``, ``parent``, a registry's own ``id``): the registry entry;
- on any other key of a figure: the figure in words (:func:`duizhao.figures.interval.reading`)
  and its interval; on an enumerated value: what it means.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from ..anchoring import resolve
from ..annotations import NUMBER_FIELDS, TYPE_FIELDS
from ..figures.interval import bounds_of, reading
from ..project import REGISTRIES, Project
from ..registries import registries
from ..tei import Document
from .cursor import xml_cursor, yaml_cursor
from .lookup import ENUMS, REFERENCES, describe, document_of, record
from .session import kind_of

CONTEXT = 40  # characters of the segment shown on each side of a quote


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def figure(item: dict[str, str]) -> SimpleNamespace:
    """A figure annotation as typed, with the attributes :func:`reading` asks for."""
    fields = {name: item.get(name) or None for name in TYPE_FIELDS["figure"]}
    fields.update({name: _number(item.get(name)) for name in NUMBER_FIELDS})
    return SimpleNamespace(**fields)


def figure_text(project: Project, item: dict[str, str]) -> str:
    ann = figure(item)
    entities = registries(project).entities
    words = reading(ann, name=lambda eid: entities[eid].en or eid if eid in entities else eid)
    interval = bounds_of(ann)
    return f"**{words}**" + (f"\n\ninterval of the statistic: {interval}" if interval is not None else "")


def segment_text(doc: Document, seg_id: str, span: tuple[int, int] | None = None) -> str | None:
    seg = doc.segment_index.get(seg_id)
    if seg is None:
        return None
    zh = seg.zh
    if span is not None:
        start, end = span
        before, after = zh[max(0, start - CONTEXT):start], zh[end:end + CONTEXT]
        zh = ("…" if start > CONTEXT else "") + f"{before}**{zh[start:end]}**{after}" + ("…" if end + CONTEXT < len(seg.zh) else "")
    tr = doc.translations.get(seg_id)
    return f"{seg_id} ({seg.kind})\n\n{zh}" + (f"\n\n*{tr.en}*" if tr is not None and tr.en.strip() else "")


def quote_text(doc: Document, item: dict[str, str]) -> str | None:
    seg = doc.segment_index.get(item.get("segment", ""))
    quote = item.get("quote")
    if seg is None or not quote:
        return None
    res = resolve(seg.zh, quote, item.get("prefix") or None, item.get("suffix") or None)
    if not res.ok:
        return f"{res.describe(quote, item.get('prefix'), item.get('suffix'))}\n\n" + segment_text(doc, seg.id)
    return segment_text(doc, seg.id, (res.start, res.end))


def hover(project: Project, path: Path, text: str, line: int, character: int) -> str | None:
    """The Markdown shown for the cursor at (``line``, ``character``) of ``path``, or None."""
    kind = kind_of(path)
    if kind == "tei":
        at = xml_cursor(text, line, character)
        doc = document_of(project, path)
        if at is None or doc is None or at.name not in ("xml:id", "corresp"):
            return None
        return segment_text(doc, at.value.lstrip("#"))
    if kind is None:
        return None
    at = yaml_cursor(text, line, character)
    if at.key is None:
        return None
    if kind in REGISTRIES and at.key == "id":
        found = registries(project).by_id(kind).get(at.value)
        return describe(found) if found else None
    if at.key in REFERENCES and at.value:
        found = record(project, at.key, at.value)
        return describe(found) if found else f"no entry `{at.value}` in {REFERENCES[at.key]}.yaml"
    doc = document_of(project, path) if kind == "annotations" else None
    if doc is not None and at.key in ("quote", "prefix", "suffix"):
        return quote_text(doc, at.item)
    if doc is not None and at.key == "segment":
        return segment_text(doc, at.value)
    if kind == "annotations" and at.item.get("type") == "figure" and (at.key in TYPE_FIELDS["figure"] or at.key == "type"):
        meaning = ENUMS.get(at.key, {}).get(at.value)
        return figure_text(project, at.item) + (f"\n\n`{at.value}`: {meaning}" if meaning else "")
    meaning = ENUMS.get(at.key, {}).get(at.value)
    return f"`{at.value}`: {meaning}" if meaning else None
