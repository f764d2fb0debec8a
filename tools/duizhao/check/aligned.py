"""What the translation rules (``T``) share: segments paired with their English, and the
glossary terms each segment's Chinese contains."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..memo import per_project
from ..names import corpus_names
from ..project import Project
from ..tei import Document, Segment, Translation


def translated(doc: Document) -> Iterator[tuple[Segment, Translation]]:
    """Each segment with a non-empty English translation, in document order."""
    for seg in doc.segments:
        tr = doc.translations.get(seg.id)
        if tr is not None and tr.en.strip():
            yield seg, tr


@per_project
def _terms_by_segment(project: Project) -> dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]:
    glossary = {e["id"]: e for e in project.registry("glossary") if isinstance(e.get("id"), str)}
    out: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for occ in corpus_names(project).occurrences:
        for term_id in occ.match.names("term"):
            found = out.setdefault((occ.doc, occ.segment), [])
            if term_id in glossary and all(t["id"] != term_id for _, t in found):
                found.append((occ.match.form, glossary[term_id]))
    return out


def segment_terms(project: Project, doc_id: str, seg_id: str) -> list[tuple[str, dict[str, Any]]]:
    """``(form, glossary entry)`` for each term written in the segment's Chinese, once per
    term, longest match first: a term inside a longer registered name does not count."""
    return _terms_by_segment(project).get((doc_id, seg_id), [])
