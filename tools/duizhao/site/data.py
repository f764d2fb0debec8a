"""The corpus as the site shows it: documents, visible annotations and their indexes.

Built once per site build from a :class:`~duizhao.project.Project`, through the shared
loaders (``duizhao.annotations`` for records and anchors, ``duizhao.names`` for term
frequencies, ``duizhao.registries`` for the registries). Only *visible* annotations are shown:
accepted ones, plus proposed ones when proposals are switched on (never rejected ones),
and only those whose anchor resolves to exactly one place.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, TypeVar

from .. import annotations as annotations_mod
from ..annotations import Annotation
from ..joined import Joined
from ..names import Occurrence, corpus_names
from ..project import Project, file_stat
from ..registries import Registries, registries
from ..tei import Document, Segment
from .. import projection

T = TypeVar("T")


@dataclass(frozen=True)
class Mark:
    """A visible annotation and where it lands in its segment's zh text."""

    ann: Annotation
    start: int
    end: int

    @property
    def id(self) -> str:
        return self.ann.id or f"{self.ann.doc}.{self.ann.index}"

    @property
    def type(self) -> str:
        return self.ann.type or ""

    @property
    def target(self) -> str | None:
        """The registry id the annotation points to (term, entity or indicator)."""
        return {"term": self.ann.term, "entity": self.ann.entity, "figure": self.ann.indicator}.get(self.type)


@dataclass(frozen=True)
class Place:
    """Where a mark is: document, segment and the mark itself."""

    doc: Document
    segment: Segment
    mark: Mark


def corpus_version(root: Path) -> str:
    """The corpus version of the last release (``corpus/release.json``), plus the git short hash
    of the working tree the site is built from, when there is one."""
    from ..release import version_label

    version = version_label(root)[0]
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=5, check=False)
        commit = out.stdout.strip() if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{version}+{commit}" if commit else version


class SiteData:
    """The site's view of ``project``. Given the ``previous`` build's (``mkdocs serve``), the
    documents whose TEI and annotations the project carried over (:meth:`Project.carry`) keep
    their marks, places and English projections, and files keep their digests."""

    def __init__(self, project: Project, with_proposals: bool = False, version: str | None = None,
                 previous: "SiteData | None" = None):
        self.project = project
        self.with_proposals = with_proposals
        self.version = version or corpus_version(project.root)
        self.visible_statuses = ("accepted", "proposed") if with_proposals else ("accepted",)
        # {(doc, segment): projections}, filled as pages need them (and by forked renderers)
        self.projected: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
        self.previous = previous if previous is not None and previous.with_proposals == with_proposals else None
        self._digests: dict[Path, tuple[Any, str]] = self.previous._digests if self.previous else {}
        self._files = {f.doc: f for f in annotations_mod.load(project).files}
        self._per_document: dict[str, dict[str, Any]] = {}  # {what: {doc: value}} (per_document)
        self.page_keys: dict[tuple, Any] = {}  # the pages' keys worked out (keys.Keys), carried over

    @cached_property
    def changed(self) -> set[str]:
        """The documents not as the previous build read them (added, removed or edited)."""
        old = self.previous
        ids = set(self.project.documents) | (set(old.project.documents) if old is not None else set())
        return {d for d in ids if not self._unchanged(d)}

    def per_document(self, doc_id: str, what: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per document; the previous build's value for a document unchanged."""
        memo = self._per_document.setdefault(what, {})
        if doc_id not in memo:
            old = self.previous._per_document.get(what, {}) if self.previous is not None else {}
            memo[doc_id] = old[doc_id] if doc_id in old and self._unchanged(doc_id) else compute()
        return memo[doc_id]

    def computed(self, doc_id: str, what: str) -> Any:
        """What :meth:`per_document` worked out for ``what`` of a document, if it did (else None)."""
        return self._per_document.get(what, {}).get(doc_id)

    def _unchanged(self, doc_id: str) -> bool:
        """Whether the previous build read this document and its annotations as they are."""
        old = self.previous
        return (old is not None and old.project.documents.get(doc_id) is self.project.documents.get(doc_id)
                and old._files.get(doc_id) is self._files.get(doc_id) and doc_id in old.__dict__.get("marks", {}))

    def carried(self) -> None:
        """Take over everything the previous build worked out for the documents unchanged (its
        marks, places and per-document values; English projections when the registries are the
        same), whether this build needed it or not, then let the previous build go: a build
        that needs little (the catch-up build after the background jobs) must not leave the
        next save to work out all of it again (8 s at 1,000 documents)."""
        old = self.previous
        self.marks, self._places  # joined again only where the changed documents are
        if old is not None:
            same = set(self.project.documents) - self.changed
            for what, values in old._per_document.items():
                memo = self._per_document.setdefault(what, {})
                memo.update((d, v) for d, v in values.items() if d in same and d not in memo)
            if old.registry_digest == self.registry_digest:
                self.projected.update((k, v) for k, v in old.projected.items() if k[0] in same)
        self.previous = None

    # -- documents and registries ---------------------------------------------------
    @cached_property
    def documents(self) -> list[Document]:
        """Documents by date, then id."""
        return sorted(self.project.documents.values(), key=lambda d: (d.date or "9999", d.id))

    @cached_property
    def vocabulary(self) -> Registries:
        """The registries as records (names, renderings, positions)."""
        return registries(self.project)

    @cached_property
    def registries(self) -> dict[str, dict[str, Any]]:
        """``{registry: {id: entry as written}}``: what the templates read."""
        return {name: self.vocabulary.entries(name) for name in ("glossary", "entities", "indicators")}

    @property
    def glossary(self) -> dict[str, dict[str, Any]]:
        return self.registries["glossary"]

    @property
    def entities(self) -> dict[str, dict[str, Any]]:
        return self.registries["entities"]

    @property
    def indicators(self) -> dict[str, dict[str, Any]]:
        return self.registries["indicators"]

    # -- annotations ------------------------------------------------------------------
    @cached_property
    def marks(self) -> dict[str, dict[str, list[Mark]]]:
        """``{doc: {segment: [Mark]}}`` of visible annotations, in text order."""
        index = annotations_mod.load(self.project)
        out: dict[str, dict[str, list[Mark]]] = defaultdict(lambda: defaultdict(list))
        for doc_id, file in self._files.items():
            if doc_id not in self.project.documents:
                continue
            if self._unchanged(doc_id):
                assert self.previous is not None
                out[doc_id] = self.previous.marks[doc_id]
                continue
            for ann in file.annotations:
                if ann.status not in self.visible_statuses or ann.type not in ("term", "entity", "figure"):
                    continue
                span = index.span(ann)
                if span is not None:
                    out[ann.doc][ann.segment].append(Mark(ann, *span))
            for marks in out[doc_id].values():
                marks.sort(key=lambda m: (m.start, -m.end, m.id))
        return out

    def segment_marks(self, doc: Document, seg: Segment) -> list[Mark]:
        return self.marks.get(doc.id, {}).get(seg.id, [])

    @cached_property
    def _places(self) -> Joined:
        order = [doc.id for doc in self.documents]
        old = self.previous
        if old is None or "_places" not in old.__dict__:
            return Joined.of(order, self.document_places)
        return old._places.rejoined(order, self.document_places, self.changed, self.changed_targets)

    @cached_property
    def changed_targets(self) -> set[tuple[str, str]]:
        """The targets a changed document has or had places of (the previous build's view)."""
        return {target for doc_id in self.changed for side in (self.previous, self)
                if side is not None and doc_id in side.project.documents for target in side.document_places(doc_id)}

    @property
    def places(self) -> dict[tuple[str, str], list[Place]]:
        """``{(type, target id): [Place]}`` in corpus order (documents by date)."""
        return self._places.values

    @property
    def place_offsets(self) -> dict[tuple[str, str], dict[str, tuple[int, int]]]:
        """``{target: {doc: (its first place, its number of places)}}``, in corpus order."""
        return self._places.where

    def document_places(self, doc_id: str) -> dict[tuple[str, str], list[Place]]:
        """The places of one document, by target."""
        def places() -> dict[tuple[str, str], list[Place]]:
            doc, found = self.project.documents[doc_id], defaultdict(list)
            for seg in doc.segments:
                for mark in self.segment_marks(doc, seg):
                    if mark.target:
                        found[(mark.type, mark.target)].append(Place(doc, seg, mark))
            return dict(found)
        return self.per_document(doc_id, "places", places)

    def places_of(self, kind: str, target: str) -> list[Place]:
        return self.places.get((kind, target), [])

    def annotation_counts(self, doc: Document) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for marks in self.marks.get(doc.id, {}).values():
            for mark in marks:
                counts[mark.type] += 1
        return dict(counts)

    # -- English projection --------------------------------------------------------------
    def projections(self, doc: Document, seg: Segment) -> dict[str, tuple[int, int]]:
        """``{mark id: (start, end)}`` of the marks found in the segment's English."""
        key = (doc.id, seg.id)
        if key not in self.projected:
            tr = doc.translations.get(seg.id)
            marks = self.segment_marks(doc, seg)
            self.projected[key] = (projection.project(seg.zh, tr.en, marks, self.vocabulary)
                                   if tr is not None and tr.en and marks else {})
        return self.projected[key]

    # -- term frequencies (the one notion shared with checks and exports) -----------------
    def term_occurrences(self, tid: str) -> list[Occurrence]:
        """Every occurrence of a term in the zh text, in corpus order (do not change the list)."""
        return corpus_names(self.project).of("term", tid)

    # -- cache keys ---------------------------------------------------------------------
    @cached_property
    def registry_digest(self) -> str:
        h = hashlib.sha256()
        for name in ("glossary", "entities", "indicators"):
            path = self.project.annotations_dir / f"{name}.yaml"
            h.update(path.read_bytes() if path.exists() else b"-")
        return h.hexdigest()

    def document_digest(self, doc: Document) -> str:
        """What a document page depends on: its TEI, its annotations, the registries."""
        h = hashlib.sha256(self.file_digest(doc.path).encode())
        h.update(self.file_digest(self.project.annotations_dir / f"{doc.id}.yaml").encode())
        h.update(self.registry_digest.encode())
        h.update(repr(self.with_proposals).encode())
        return h.hexdigest()

    def file_digest(self, path: Path) -> str:
        """SHA-256 of a file (``-`` when missing), read again only when its stat changed."""
        stat = file_stat(path)
        known = self._digests.get(path)
        if stat is None:
            return "-"
        if known is None or known[0] != stat:
            known = self._digests[path] = (stat, hashlib.sha256(path.read_bytes()).hexdigest())
        return known[1]
