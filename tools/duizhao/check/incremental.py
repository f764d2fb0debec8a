"""``duizhao check``'s incremental mode: the findings of an unchanged file are reused.

What the file-scoped rules (``TARGET`` ``tei`` or ``yaml``) find in a file depends on

- the file itself;
- the files it is checked against: a TEI file's source text (X005, X008), an annotation
  file's TEI document (anchors and figures, A and F rules);
- what every file is checked against: the registries (T005/T006 look up the glossary and
  the entity names, the E, F and G rules their ids), the JSON and RELAX NG schemas,
  duizhao's code and the selected rules (:func:`context`).

A file's entry is stored under the digest of the context and the file's bytes, and holds
the digests of the files it was checked against: it is reused only while all of them are
unchanged. Editing the glossary re-checks everything; editing one annotation file
re-checks that file. Corpus-scope rules (A005, E002, F004, G004, G005) compare files with
each other and always run. Entries live in ``build/cache/check/`` (:mod:`duizhao.diskcache`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..annotations import is_annotation_file
from ..diskcache import DiskCache, code_digest, digest
from ..project import REGISTRIES, Project

Results = dict[str, list[tuple[Any, ...]]]  # rule code → problems as tuples


def context(project: Project, codes: Iterable[str]) -> str:
    """Digest of what every file is checked against."""
    parts: list[bytes | str] = [code_digest(), ",".join(sorted(codes))]
    inputs = [project.annotations_dir / f"{name}.yaml" for name in REGISTRIES]
    inputs += sorted((project.annotations_dir / "schema").rglob("*")) + sorted((project.corpus_dir / "schema").rglob("*"))
    for path in inputs:
        parts += [path.name, path.read_bytes() if path.is_file() else b"-"]
    return digest(*parts)


def dependencies(project: Project, path: Path) -> list[Path]:
    """The files besides ``path`` that its findings depend on (once ``path`` is parsed)."""
    if path.suffix == ".xml":
        doc = project.tei(path).doc
        return [project.sources_dir / doc.source_file] if doc is not None and doc.source_file else []
    if is_annotation_file(path):
        return [project.corpus_dir / f"{path.stem}.xml"]
    return []


class FindingsCache:
    """Per-file results of the file-scoped rules, keyed as the module docstring says."""

    def __init__(self, project: Project, codes: Iterable[str]):
        self.project = project
        self.store = DiskCache(project.cache_dir / "check")
        self.context = context(project, codes)
        self._digests: dict[Path, str] = {}

    def file_digest(self, path: Path) -> str:
        if path not in self._digests:
            try:
                self._digests[path] = digest(path.read_bytes())
            except OSError:
                self._digests[path] = "-"  # missing: a dependency may be, and that is a state too
        return self._digests[path]

    def _key(self, path: Path) -> str:
        return digest(self.context, self._name(path), self.file_digest(path))

    def _name(self, path: Path) -> str:
        return str(path.relative_to(self.project.root)) if path.is_relative_to(self.project.root) else str(path)

    def get(self, path: Path) -> Results | None:
        entry = self.store.get(self._key(path))
        if entry is None:
            return None
        deps, results = entry
        if any(self.file_digest(self.project.root / name) != value for name, value in deps.items()):
            return None
        return results

    def put(self, path: Path, results: Results, deps: list[Path]) -> None:
        self.store.put(self._key(path), ({self._name(d): self.file_digest(d) for d in deps}, results))
