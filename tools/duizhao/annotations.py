"""Annotation files as typed records: the one loader for checks, fixes, exports and the site.

``annotations/<doc-id>.yaml`` is read through :meth:`Project.yaml` (plain data; the
rewriting tools pass round-trip data) into :class:`Annotation` records that know where
they are in the file, so every message can point at ``file:line:col`` (positions are
worked out only when a message asks for one). The document an annotation file belongs to is its
file stem (the layout contract); rule A006 reports a ``document:`` key that disagrees.

Values of the wrong type (a schema violation, reported by Y003) are read as ``None``
here, so that no consumer ever has to guard against them again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .anchoring import Resolution, resolve
from .figures import interval as figure_interval
from .memo import per_project
from .project import REGISTRIES, Project, YAMLFile
from .tei import Document, Segment
from .yamlio import YAMLProblem

ACTIVE = ("accepted", "proposed")  # rejected annotations are kept only so they are not proposed again
TEXT_FIELDS = ("id", "type", "segment", "quote", "prefix", "suffix", "status", "source", "note",
               "term", "entity", "unit", "qualifier", "indicator", "measure", "modality", "rank_of", "rank_among",
               "per", "benchmark", "scope", "period")
NUMBER_FIELDS = ("value", "value_max", "scale")
_TEXT, _NUMBER = frozenset(TEXT_FIELDS), frozenset(NUMBER_FIELDS)
TYPE_FIELDS = {  # the type-specific keys, in the order of the contract
    "term": ("term",),
    "entity": ("entity",),
    "figure": ("value", "value_max", "unit", "scale", "qualifier", "indicator", "measure", "modality", "rank_of",
               "rank_among", "per", "benchmark", "scope", "period"),
}


def as_text(value: Any) -> str | None:
    """A YAML value if it is a string, else None (the schema check reports the type)."""
    return value if isinstance(value, str) else None


def as_texts(value: Any) -> list[str]:
    """The strings of a YAML list (anything else: empty)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class Annotation:
    """One annotation as written, with its place in the file."""

    doc: str  # the document id (file stem)
    path: Path
    index: int  # position in the file's ``annotations`` list
    file: YAMLFile = field(repr=False, compare=False)  # where positions come from
    node: Any = field(repr=False, compare=False)  # the mapping as read (round-trip data in the rewriting tools)
    id: str | None = None
    type: str | None = None
    segment: str | None = None
    quote: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    status: str | None = None
    source: str | None = None
    note: str | None = None
    term: str | None = None
    entity: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    scale: float | None = None
    qualifier: str | None = None
    indicator: str | None = None
    measure: str | None = None
    modality: str | None = None
    rank_of: str | None = None
    rank_among: str | None = None
    per: str | None = None
    benchmark: str | None = None
    scope: str | None = None
    period: str | None = None

    @classmethod
    def _of(cls, values: dict[str, Any]) -> "Annotation":
        """``Annotation(**values)`` without the frozen dataclass's per-field
        ``object.__setattr__`` (a check reads every annotation of the corpus): the fields
        left out keep their default, None, which a dataclass holds as a class attribute."""
        record = object.__new__(cls)
        record.__dict__.update(values)
        return record

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    def position(self, key: str | None = None) -> tuple[int, int]:
        """1-based (line, col) of ``key`` in this annotation, or of the item itself."""
        if key is not None and key in self.node:
            return self.file.position(("annotations", self.index, key))
        return self.file.position(("annotations", self.index))

    @property
    def line(self) -> int:
        """1-based line of the list item."""
        return self.position()[0]

    @property
    def col(self) -> int:
        return self.position()[1]

    @property
    def normalised(self) -> float | None:
        """``value × scale`` (scale 1 when absent), exact in decimal: 1031.3 × 1e8 = 103130000000."""
        return figure_interval.scaled(self.value, self.scale)

    @property
    def normalised_max(self) -> float | None:
        return figure_interval.scaled(self.value_max, self.scale)

    @property
    def interval(self) -> figure_interval.Interval | None:
        """The interval of the signed, scaled statistic (contract v2: qualifier bounds the magnitude)."""
        return figure_interval.bounds_of(self)

    def type_fields(self) -> dict[str, Any]:
        """The type-specific fields that are set, in contract order."""
        keys = TYPE_FIELDS.get(self.type or "", ())
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}


@dataclass
class AnnotationFile:
    path: Path
    doc: str  # file stem
    data: Any = field(repr=False)
    problem: YAMLProblem | None
    document: str | None  # the ``document:`` key as written
    annotations: list[Annotation]
    file: YAMLFile = field(repr=False)

    def position(self, key: str) -> tuple[int, int]:
        if isinstance(self.data, dict) and key in self.data:
            return self.file.position((key,))
        return 1, 1


def read(item: YAMLFile) -> AnnotationFile:
    """Typed records of one parsed annotation file (empty when it could not be read)."""
    data, doc = item.data, item.path.stem
    items = data.get("annotations") if isinstance(data, dict) else None
    records = []
    for i, node in enumerate(items if isinstance(items, list) else []):
        if not isinstance(node, dict):
            continue
        values = {"doc": doc, "path": item.path, "index": i, "file": item, "node": node}
        for key, value in node.items():
            if key in _TEXT and isinstance(value, str):
                values[key] = value
            elif key in _NUMBER and (number := _number(value)) is not None:
                values[key] = number
        records.append(Annotation._of(values))
    document = as_text(data.get("document")) if isinstance(data, dict) else None
    return AnnotationFile(item.path, doc, data, item.problem, document, records, item)


def is_annotation_file(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") and path.stem not in REGISTRIES


class AnnotationIndex:
    """Every annotation file of a project, with anchors resolved on demand (once)."""

    def __init__(self, project: Project, previous: "AnnotationIndex | None" = None):
        self.project = project
        # a file parsed by ``previous`` and carried over by the project (Project.carry) is not read
        # again; nor is an anchor resolved again when its document was carried over too
        done = {id(f.file): f for f in previous.files} if previous is not None else {}
        self.files: list[AnnotationFile] = [
            done.get(id(item)) or read(item)
            for item in (project.yaml(p) for p in project.yaml_paths() if is_annotation_file(p))
        ]
        self._by_path = {f.path: f for f in self.files}
        self._resolved: dict[Path, dict[int, Resolution | None]] = {}  # file -> annotation index -> anchor
        if previous is not None:
            self._resolved = {f.path: previous._resolved[f.path] for f in self.files
                              if f.path in previous._resolved and done.get(id(f.file)) is f
                              and previous.project.documents.get(f.doc) is project.documents.get(f.doc)}

    def file(self, path: Path) -> AnnotationFile:
        """The records of ``path`` (any annotation file, inside the project or not)."""
        path = Path(path).resolve()
        if path not in self._by_path:
            self._by_path[path] = read(self.project.yaml(path))
        return self._by_path[path]

    def __iter__(self) -> Iterator[Annotation]:
        """Every annotation of the project, rejected ones included, in file order."""
        for f in self.files:
            yield from f.annotations

    def active(self) -> Iterator[Annotation]:
        return (a for a in self if a.active)

    def document(self, ann: Annotation) -> Document | None:
        return self.project.documents.get(ann.doc)

    def segment(self, ann: Annotation) -> Segment | None:
        doc = self.document(ann)
        return doc.segment_index.get(ann.segment) if doc is not None and ann.segment else None

    def resolution(self, ann: Annotation) -> Resolution | None:
        """Where ``ann`` lands in its segment's zh text; ``None`` if it has no segment or quote."""
        known = self._resolved.setdefault(ann.path, {})
        if ann.index not in known:
            seg = self.segment(ann)
            known[ann.index] = (
                resolve(seg.zh, ann.quote, ann.prefix, ann.suffix) if seg is not None and ann.quote else None
            )
        return known[ann.index]

    def span(self, ann: Annotation) -> tuple[int, int] | None:
        res = self.resolution(ann)
        return (res.start, res.end) if res is not None and res.ok else None


@per_project
def load(project: Project) -> AnnotationIndex:
    """The project's annotations (built once per project)."""
    return AnnotationIndex(project)


def carry(project: Project, previous: Project) -> AnnotationIndex:
    """``load(project)``, reusing what ``load(previous)`` read of the files ``project`` carried
    over from ``previous`` (:meth:`Project.carry`)."""
    return load.put(project, AnnotationIndex(project, load(previous)))


def counts(project: Project) -> dict[str, dict[str, dict[str, int]]]:
    """``{doc: {type: {status: n}}}`` for every annotation file (for ``duizhao stats``)."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for f in load(project).files:
        tally = Counter((a.type or "?", a.status or "?") for a in f.annotations)
        per_type: dict[str, dict[str, int]] = {}
        for (typ, status), n in sorted(tally.items()):
            per_type.setdefault(typ, {})[status] = n
        out[f.doc] = per_type
    return out
