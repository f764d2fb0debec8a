"""Versioned releases of the corpus: the one record of its version and date, and what changed.

``corpus/release.json`` is the one place that holds the corpus version and its release date;
the site (footer, "cite this paragraph"), ``CITATION.cff``, the data package and the W3C
annotations read them through :func:`current`. It also keeps a *manifest* of the corpus as
released (a digest of every segment's Chinese and English text, every translation status and
every annotation), from which the next release computes its changelog (:func:`changes`).
A corpus that differs from its last release is ``X.Y.Z+dev``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .project import Project

RECORD = Path("corpus") / "release.json"
UNRELEASED = "0.0.0"
HOMEPAGE = "https://duizhao.example/"  # where the site is published (the JSON Schemas' $id use it too)
VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


@dataclass(frozen=True)
class Release:
    version: str  # X.Y.Z, or X.Y.Z+dev when the corpus has changed since
    date: str | None  # ISO date of the release
    manifest: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def released(self) -> bool:
        return "+" not in self.version and self.version != UNRELEASED


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def manifest(project: Project) -> dict:
    """``{"documents": {doc: {"title", "segments": {seg: [zh digest, en digest, status]}}},
    "annotations": {id: [doc, type, status, digest]}}`` of the corpus as it is now."""
    from .export import annotation_records

    docs = {}
    for doc in project.documents.values():
        segs = {}
        for seg in doc.segments:
            tr = doc.translations.get(seg.id)
            segs[seg.id] = [_digest(seg.zh), _digest(tr.en if tr else None), tr.status if tr else "missing"]
        docs[doc.id] = {"title": doc.titles.get("en") or doc.titles.get("zh") or doc.id, "segments": segs}
    anns = {}
    for row in annotation_records.records(project):
        if row.get("id"):
            stable = {k: v for k, v in row.items() if k not in ("start", "end")}
            anns[row["id"]] = [row["doc"], row["type"], row["status"], _digest(stable)]
    return {"documents": docs, "annotations": anns}


def recorded(root: Path) -> Release | None:
    """The last release, as ``corpus/release.json`` records it (``None`` before the first)."""
    path = root / RECORD
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Release(data["version"], data.get("date"), data.get("manifest", {}))


def current(project: Project) -> Release:
    """The version of the corpus as it is now: the last release's, ``+dev`` if it has changed since."""
    last = recorded(project.root)
    if last is None:
        return Release(f"{UNRELEASED}+dev", None)
    if manifest(project) != last.manifest:
        return Release(f"{last.version}+dev", last.date)
    return last


def version_label(root: Path) -> tuple[str, str | None]:
    """``(version, date)`` of the last release without reading the corpus (for the site's header)."""
    last = recorded(root)
    return (last.version, last.date) if last else (UNRELEASED, None)


# -- what changed --------------------------------------------------------------------------
@dataclass
class Changes:
    documents_added: list[str] = field(default_factory=list)
    documents_removed: list[str] = field(default_factory=list)
    segments_added: list[str] = field(default_factory=list)
    segments_removed: list[str] = field(default_factory=list)
    source_changed: list[str] = field(default_factory=list)  # the zh text of a kept segment
    retranslated: list[str] = field(default_factory=list)
    status_changed: Counter = field(default_factory=Counter)  # (old, new) translation status
    annotations_added: Counter = field(default_factory=Counter)  # by type
    annotations_removed: Counter = field(default_factory=Counter)
    annotations_changed: Counter = field(default_factory=Counter)
    review: Counter = field(default_factory=Counter)  # (old, new) annotation status

    def empty(self) -> bool:
        return not any(vars(self).values())


def changes(old: dict, new: dict) -> Changes:
    """What changed from manifest ``old`` to ``new`` (documents, segments, annotations)."""
    out = Changes()
    old_docs, new_docs = old.get("documents", {}), new.get("documents", {})
    out.documents_added = sorted(set(new_docs) - set(old_docs))
    out.documents_removed = sorted(set(old_docs) - set(new_docs))
    for doc in sorted(set(old_docs) & set(new_docs)):
        before, after = old_docs[doc]["segments"], new_docs[doc]["segments"]
        out.segments_added += [f"{doc}/{s}" for s in after if s not in before]
        out.segments_removed += [f"{doc}/{s}" for s in before if s not in after]
        for seg in (s for s in after if s in before):
            (zh0, en0, st0), (zh1, en1, st1) = before[seg], after[seg]
            if zh0 != zh1:
                out.source_changed.append(f"{doc}/{seg}")
            if en0 != en1:
                out.retranslated.append(f"{doc}/{seg}")
            if st0 != st1:
                out.status_changed[(st0, st1)] += 1
    old_anns, new_anns = old.get("annotations", {}), new.get("annotations", {})
    for aid, (_, typ, status, digest) in new_anns.items():
        if aid not in old_anns:
            out.annotations_added[typ] += 1
            continue
        _, _, old_status, old_digest = old_anns[aid]
        if old_status != status:
            out.review[(old_status, status)] += 1
        elif old_digest != digest:
            out.annotations_changed[typ] += 1
    for aid, (_, typ, _, _) in old_anns.items():
        if aid not in new_anns:
            out.annotations_removed[typ] += 1
    return out


def _counted(counter: Counter) -> str:
    total = sum(counter.values())
    return f"{total} ({', '.join(f'{k} {n}' for k, n in sorted(counter.items()))})"


def _listed(items: list[str], limit: int = 12) -> str:
    shown = ", ".join(items[:limit])
    return f"{len(items)}: {shown}{' …' if len(items) > limit else ''}"


def changelog_entry(version: str, date: str, old: dict, new: dict) -> str:
    """The CHANGELOG.md section of a release: what changed in the corpus, computed."""
    c = changes(old, new)
    docs, anns = new.get("documents", {}), new.get("annotations", {})
    accepted = sum(1 for a in anns.values() if a[2] == "accepted")
    lines = [f"## {version} — {date}", "",
             f"The corpus: {len(docs)} documents, {sum(len(d['segments']) for d in docs.values())} segments, "
             f"{len(anns)} annotations ({accepted} accepted).", ""]
    if not old:
        lines.append("- First release.")
    titles = {**{d: v["title"] for d, v in old.get("documents", {}).items()}, **{d: v["title"] for d, v in docs.items()}}
    items = [
        ("Documents added", [f"`{d}` ({titles[d]})" for d in c.documents_added] if old else []),
        ("Documents removed", [f"`{d}` ({titles[d]})" for d in c.documents_removed]),
        ("Segments added", c.segments_added), ("Segments removed", c.segments_removed),
        ("Chinese text changed (segments)", c.source_changed), ("Segments re-translated", c.retranslated),
    ]
    for label, values in items:
        if values:
            lines.append(f"- {label} {_listed(values)}")
    for (before, after), n in sorted(c.status_changed.items()):
        lines.append(f"- Translation status {before} → {after}: {n} segments")
    for label, counter in (("Annotations added", c.annotations_added), ("Annotations changed", c.annotations_changed),
                           ("Annotations removed", c.annotations_removed)):
        if counter and old:
            lines.append(f"- {label}: {_counted(counter)}")
    for (before, after), n in sorted(c.review.items()):
        lines.append(f"- Annotations {before} → {after}: {n}")
    if old and c.empty():
        lines.append("- No change in the corpus.")
    return "\n".join(lines) + "\n"
