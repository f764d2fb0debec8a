"""The aligned segments: ``{doc, segment, kind, zh, en, status}`` per segment (stable contract)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..project import Project


def records(project: Project) -> Iterator[dict]:
    """One record per segment of every document, in corpus and document order."""
    for doc in project.documents.values():
        for seg in doc.segments:
            tr = doc.translations.get(seg.id)
            yield {
                "doc": doc.id,
                "segment": seg.id,
                "kind": seg.kind,
                "zh": seg.zh,
                "en": tr.en if tr else None,
                "status": tr.status if tr else "missing",
            }


def write_jsonl(project: Project, out) -> None:
    for rec in records(project):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


FORMATS = {"jsonl": write_jsonl}
