"""The accepted annotations as a W3C Web Annotation ``AnnotationCollection`` (JSON-LD).

``duizhao export annotations --format w3c``. Each annotation targets the permalink of its
segment (the segment's Chinese text on the site) with two selectors over the segment's plain
text (:attr:`duizhao.tei.Segment.zh`): a ``TextQuoteSelector`` (``exact``, and a ``prefix`` and
``suffix`` that single out this occurrence) and a ``TextPositionSelector`` (``start``/``end`` in
characters). Its body names the registry entry (a glossary term: motivation ``classifying``; an
entity: ``identifying``, with its Wikidata item; a figure: ``describing``, with the indicator, the
reading in words and the structured figure, ``dz:Figure``, in duizhao's vocabulary); the annotator's note is a
``commenting`` text body. ``creator`` is the project (manual annotations) or the recommender
that proposed it (software); ``created``/``modified`` come from the file's history
(:mod:`duizhao.history`). Proposed and rejected annotations are not published.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .. import annotations, release
from ..anchoring import shortest_context
from ..figures import reading
from ..history import annotation_times
from ..project import Project
from .figures import interval_fields
from .tables import number

CONTEXT = ["http://www.w3.org/ns/anno.jsonld", {"dz": f"{release.HOMEPAGE}vocabulary#"}]
MOTIVATION = {"term": "classifying", "entity": "identifying", "figure": "describing"}
PROJECT = {"type": "Organization", "name": "duizhao project", "homepage": release.HOMEPAGE}
CONTEXT_CHARS = 16  # prefix/suffix shown beyond what singles the quote out


def permalink(doc: str, segment: str) -> str:
    """The segment's permalink: its Chinese text on the site."""
    return f"{release.HOMEPAGE}zh/documents/{doc}/#{segment}"


def entry_iri(kind: str, rid: str) -> str:
    path = {"term": "en/glossary/#{}", "entity": "en/entities/{}/", "indicator": "en/figures/{}/"}[kind]
    return release.HOMEPAGE + path.format(rid)


def selectors(text: str, start: int, end: int) -> list[dict]:
    """Quote and position selectors of ``text[start:end]``; prefix/suffix single it out."""
    prefix, suffix = shortest_context(text, start, end)
    prefix = text[max(0, start - max(len(prefix), CONTEXT_CHARS)):start]
    suffix = text[end:end + max(len(suffix), CONTEXT_CHARS)]
    return [{"type": "TextQuoteSelector", "exact": text[start:end], "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": start, "end": end}]


def _figure(ann) -> dict:
    fields = {k: getattr(ann, k) for k in ("unit", "qualifier", "measure", "rank_of", "per", "benchmark", "period")}
    structured = {"value": number(ann.value), "value_max": number(ann.value_max),
                  "scale": number(ann.scale or 1), "modality": ann.modality or "actual", **fields,
                  **({"indicator": entry_iri("indicator", ann.indicator)} if ann.indicator else {}),
                  **({"scope": entry_iri("entity", ann.scope)} if ann.scope else {}), **interval_fields(ann)}
    return {"type": "dz:Figure", **{f"dz:{k}": v for k, v in structured.items() if v is not None}}


def _label(entry: dict | None) -> dict:
    return {"label": f"{entry.get('zh')} / {entry.get('en')}"} if entry else {}


def bodies(ann, known: dict[str, dict[str, dict]]) -> list[dict]:
    """What the annotation says about its target (``known``: registry entries by id)."""
    out: list[dict] = []
    if ann.type == "term" and ann.term:
        out.append({"id": entry_iri("term", ann.term), "type": "SpecificResource", "purpose": "classifying",
                    **_label(known["glossary"].get(ann.term))})
    elif ann.type == "entity" and ann.entity:
        entity = known["entities"].get(ann.entity)
        out.append({"id": entry_iri("entity", ann.entity), "type": "SpecificResource", "purpose": "identifying",
                    **_label(entity)})
        if entity is not None and isinstance(entity.get("wikidata"), str):
            out.append({"id": f"http://www.wikidata.org/entity/{entity['wikidata']}", "purpose": "identifying"})
    elif ann.type == "figure":
        if ann.indicator:
            out.append({"id": entry_iri("indicator", ann.indicator), "type": "SpecificResource",
                        "purpose": "classifying"})
        out.append({"type": "TextualBody", "purpose": "describing", "format": "text/plain", "language": "en",
                    "value": reading(ann, lambda eid: known["entities"].get(eid, {}).get("en") or eid)})
        out.append(_figure(ann))
    if ann.note:
        out.append({"type": "TextualBody", "purpose": "commenting", "format": "text/plain", "value": ann.note})
    return out


def items(project: Project) -> Iterator[dict]:
    index, times = annotations.load(project), annotation_times(project)
    known = {name: {e["id"]: e for e in project.registry(name) if isinstance(e, dict) and isinstance(e.get("id"), str)}
             for name in ("glossary", "entities")}  # a wrongly typed entry is Y003's finding, not a crash
    for ann in index:
        span, segment = index.span(ann), index.segment(ann)
        if ann.status != "accepted" or span is None or segment is None or ann.type not in MOTIVATION:
            continue
        created, modified = times.get(ann.id, (None, None))
        creator = PROJECT if ann.source in (None, "manual") else {
            "type": "Software", "name": f"duizhao {ann.source} recommender", "homepage": release.HOMEPAGE}
        yield {
            "id": f"{release.HOMEPAGE}annotations/{ann.id}", "type": "Annotation", "motivation": MOTIVATION[ann.type],
            "creator": creator, "created": created, "modified": modified,
            "body": bodies(ann, known),
            "target": {"source": permalink(ann.doc, ann.segment), "type": "Text", "language": "zh",
                       "selector": selectors(segment.zh, *span)},
        }


def collection(project: Project) -> dict:
    """The ``AnnotationCollection`` with every item in one page."""
    found = list(items(project))
    version = release.current(project)
    return {
        "@context": CONTEXT, "id": f"{release.HOMEPAGE}annotations/", "type": "AnnotationCollection",
        "label": f"duizhao corpus annotations, version {version.version}", "total": len(found),
        "first": {"id": f"{release.HOMEPAGE}annotations/page1", "type": "AnnotationPage", "startIndex": 0,
                  "items": found},
    }


def write(project: Project, out) -> None:
    json.dump(collection(project), out, ensure_ascii=False, indent=1)
    out.write("\n")
