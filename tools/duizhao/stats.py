"""``duizhao stats``: corpus size, translation and annotation coverage.

Per document: its segments, their Chinese characters and English words, the share translated,
the segments by translation status (``draft``; ``checked``: passes the automatic checks, not
revised by a second reader; ``reviewed``: revised by a second reader; :mod:`.translation_provenance`)
and the accepted annotations."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from . import annotations
from .project import Project
from .text import ideographs
from .translation_provenance import statuses


@dataclass
class DocStats:
    doc: str
    genre: str | None
    segments: int
    zh_chars: int  # Chinese characters (ideographs) of the plain text
    en_words: int
    translated: int
    draft: int
    checked: int
    reviewed: int
    annotations: dict[str, int] = field(default_factory=dict)  # by type, accepted only
    proposed: int = 0
    annotated_segments: int = 0


def _annotation_counts(project: Project) -> dict[str, tuple[Counter, int, set[str]]]:
    """Per document: accepted annotations by type, pending proposals, annotated segments."""
    out = {}
    for f in annotations.load(project).files:
        accepted = [a for a in f.annotations if a.status == "accepted"]
        out[f.doc] = (
            Counter(a.type or "?" for a in accepted),
            sum(1 for a in f.annotations if a.status == "proposed"),
            {a.segment for a in accepted if a.segment},
        )
    return out


def collect(project: Project) -> list[DocStats]:
    out = []
    per_doc = _annotation_counts(project)
    for doc in project.documents.values():
        trs = doc.translations
        by_type, proposed, annotated = per_doc.get(doc.id, (Counter(), 0, set()))
        ids = {s.id for s in doc.segments}
        by_status = statuses(doc)  # translated segments by status
        out.append(DocStats(
            doc=doc.id,
            genre=doc.genre,
            segments=len(doc.segments),
            zh_chars=sum(len(ideographs(s.zh)) for s in doc.segments),
            en_words=sum(len(trs[s.id].en.split()) for s in doc.segments if s.id in trs),
            translated=sum(1 for s in doc.segments if s.id in trs and trs[s.id].en),
            draft=by_status.get("draft", 0),
            checked=by_status.get("checked", 0),
            reviewed=by_status.get("reviewed", 0),
            annotations=dict(sorted(by_type.items())),
            proposed=proposed,
            annotated_segments=len(annotated & ids),
        ))
    return out


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def render(rows: list[DocStats], fmt: str = "text") -> str:
    total = DocStats("total", None, *(sum(getattr(r, f) for r in rows) for f in
                     ("segments", "zh_chars", "en_words", "translated", "draft", "checked", "reviewed")))
    total.annotations = dict(sum((Counter(r.annotations) for r in rows), Counter()))
    total.proposed = sum(r.proposed for r in rows)
    total.annotated_segments = sum(r.annotated_segments for r in rows)
    if fmt == "json":
        return json.dumps({"documents": [asdict(r) for r in rows], "total": asdict(total)}, ensure_ascii=False, indent=2)
    head = (f"{'document':<26} {'segs':>5} {'zh chars':>9} {'en words':>9} {'transl.':>8} {'draft':>6} {'checked':>8} "
            f"{'reviewed':>9} {'annot.':>7} {'terms':>6} {'figures':>8} {'entities':>9} {'proposed':>9}")
    lines = [head, "-" * len(head)]
    for r in [*rows, total]:
        a = r.annotations
        lines.append(
            f"{r.doc:<26} {r.segments:>5} {r.zh_chars:>9} {r.en_words:>9} {_pct(r.translated, r.segments):>8} "
            f"{r.draft:>6} {r.checked:>8} {r.reviewed:>9} {_pct(r.annotated_segments, r.segments):>7} {a.get('term', 0):>6} "
            f"{a.get('figure', 0):>8} {a.get('entity', 0):>9} {r.proposed:>9}"
        )
    lines.append(f"\n{len(rows)} documents. transl.: share of segments with an English translation; draft, checked "
                 "(passes the automatic checks, not revised by a second reader), reviewed (revised by a second reader): "
                 "segments by translation status; annot.: share of segments with an accepted annotation.")
    return "\n".join(lines)
