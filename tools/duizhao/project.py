"""Where things are in a duizhao repository, and loading them once.

A :class:`Project` knows the fixed layout (``corpus/``, ``annotations/``) and caches
every parsed file, keeping the parse problem instead of raising, so that checks,
exports and the site share one read of each file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from lxml import etree

from . import yamlio
from .tei import Document, load_document
from .xmlsafe import XMLProblem

REGISTRIES = ("glossary", "entities", "indicators")
SCHEMA_FOR_YAML = {name: f"{name}.schema.json" for name in REGISTRIES}
ANNOTATION_SCHEMA = "annotations.schema.json"


class ProjectError(Exception):
    """The repository layout is not what duizhao expects."""


@dataclass
class TEIFile:
    path: Path
    doc: Document | None
    problem: XMLProblem | None

    @property
    def kind(self) -> str:
        return "tei"


@dataclass
class YAMLFile:
    path: Path
    data: Any
    problem: yamlio.YAMLProblem | None
    text: str

    @property
    def kind(self) -> str:
        """``glossary`` | ``entities`` | ``indicators`` | ``annotations``."""
        return self.path.stem if self.path.stem in REGISTRIES else "annotations"


def find_root(start: Path | None = None) -> Path:
    """The nearest directory at or above ``start`` with ``corpus/`` and ``annotations/``."""
    here = (start or Path.cwd()).resolve()
    for cand in (here, *here.parents):
        if (cand / "corpus").is_dir() and (cand / "annotations").is_dir():
            return cand
    raise ProjectError(f"no duizhao project (corpus/ and annotations/) at or above {here}")


class Project:
    def __init__(self, root: Path | str):
        self.root = Path(root).resolve()
        self.corpus_dir = self.root / "corpus"
        self.annotations_dir = self.root / "annotations"
        self.sources_dir = self.corpus_dir / "sources"
        self._tei: dict[Path, TEIFile] = {}
        self._yaml: dict[Path, YAMLFile] = {}

    @classmethod
    def discover(cls, start: Path | None = None) -> "Project":
        return cls(find_root(start))

    # -- files --------------------------------------------------------------------
    def tei_paths(self) -> list[Path]:
        return sorted(self.corpus_dir.glob("*.xml"))

    def yaml_paths(self) -> list[Path]:
        return sorted(self.annotations_dir.glob("*.yaml"))

    def tei(self, path: Path) -> TEIFile:
        path = Path(path).resolve()
        if path not in self._tei:
            try:
                self._tei[path] = TEIFile(path, load_document(path), None)
            except XMLProblem as problem:
                self._tei[path] = TEIFile(path, None, problem)
        return self._tei[path]

    def yaml(self, path: Path) -> YAMLFile:
        path = Path(path).resolve()
        if path not in self._yaml:
            raw = path.read_bytes()
            text = raw.decode("utf-8", errors="replace")
            try:
                raw.decode("utf-8")
                self._yaml[path] = YAMLFile(path, yamlio.loads(text, read_only=True), None, text)
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                problem = yamlio.YAMLProblem("Y001", f"not UTF-8: {exc.reason} at byte {exc.start}", line, 1)
                self._yaml[path] = YAMLFile(path, None, problem, text)
            except yamlio.YAMLProblem as problem:
                self._yaml[path] = YAMLFile(path, None, problem, text)
        return self._yaml[path]

    # -- the corpus as data ----------------------------------------------------------
    @cached_property
    def documents(self) -> dict[str, Document]:
        """Every well-formed corpus document by id, in file order."""
        docs = (self.tei(p).doc for p in self.tei_paths())
        return {d.id: d for d in docs if d is not None}

    def annotation_file(self, doc_id: str) -> YAMLFile | None:
        path = self.annotations_dir / f"{doc_id}.yaml"
        return self.yaml(path) if path.exists() else None

    def registry(self, name: str) -> list[dict[str, Any]]:
        """Entries of a registry (empty when missing or unreadable)."""
        path = self.annotations_dir / f"{name}.yaml"
        if not path.exists():
            return []
        data = self.yaml(path).data
        key = "terms" if name == "glossary" else name
        entries = data.get(key) if isinstance(data, dict) else None
        return [e for e in entries or [] if isinstance(e, dict)]

    # -- schemas ---------------------------------------------------------------------
    @cached_property
    def tei_schema(self) -> etree.RelaxNG:
        return etree.RelaxNG(etree.parse(str(self.corpus_dir / "schema" / "duizhao-tei.rng")))

    def json_schema(self, kind: str) -> dict[str, Any]:
        name = SCHEMA_FOR_YAML.get(kind, ANNOTATION_SCHEMA)
        return json.loads((self.annotations_dir / "schema" / name).read_text(encoding="utf-8"))
