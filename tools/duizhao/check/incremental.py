"""``duizhao check``'s incremental mode: the results of an unchanged file are reused.

What the file-scoped rules (``TARGET`` ``tei`` or ``yaml``) find in a file, and what the
corpus rules keep of it (their summaries, :mod:`.summary`), depend on

- the file itself;
- the files it is checked against: a TEI file's source text (X005, X008) and annotation
  file (G005), an annotation file's TEI document (anchors and figures, A and F rules);
- what every file is checked against: the registries (T005/T006 look up the glossary and
  the entity names, the E, F and G rules their ids), the JSON and RELAX NG schemas,
  duizhao's code and the selected rules (:func:`context`).

A file's entry is stored under the digest of the context (with the rules run on that
file) and the file's bytes, and holds the digests of the files it was checked against: it
is reused only while all of them are unchanged. Editing the glossary re-checks everything;
editing one annotation file re-checks that file and its document. The corpus rules (A005,
E002, F004, G004) always run, on the summaries. Entries live in ``build/cache/check/``
(:mod:`duizhao.diskcache`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..annotations import is_annotation_file
from ..diskcache import DiskCache, code_digest, digest
from ..project import REGISTRIES, Project

Results = dict[str, Any]  # rule code → problems as tuples (file rules), or a summary (corpus rules)


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
        if doc is None:
            return []
        source = [project.sources_dir / doc.source_file] if doc.source_file else []
        return [*source, project.annotations_dir / f"{doc.id}.yaml"]
    if is_annotation_file(path):
        return [project.corpus_dir / f"{path.stem}.xml"]
    return []


class FindingsCache:
    """Per-file results, keyed as the module docstring says."""

    def __init__(self, project: Project):
        self.project = project
        self.store = DiskCache(project.cache_dir / "check")
        self._contexts: dict[tuple[str, ...], str] = {}
        self._digests: dict[Path, str] = {}

    def context(self, codes: Iterable[str]) -> str:
        codes = tuple(sorted(codes))
        if codes not in self._contexts:
            self._contexts[codes] = context(self.project, codes)
        return self._contexts[codes]

    def file_digest(self, path: Path) -> str:
        if path not in self._digests:
            try:
                self._digests[path] = digest(path.read_bytes())
            except OSError:
                self._digests[path] = "-"  # missing: a dependency may be, and that is a state too
        return self._digests[path]

    def _key(self, path: Path, codes: Iterable[str]) -> str:
        return digest(self.context(codes), self._name(path), self.file_digest(path))

    def _name(self, path: Path) -> str:
        return str(path.relative_to(self.project.root)) if path.is_relative_to(self.project.root) else str(path)

    def get(self, path: Path, codes: Iterable[str]) -> Results | None:
        entry = self.store.get(self._key(path, codes))
        if entry is None:
            return None
        deps, results = entry
        if any(self.file_digest(self.project.root / name) != value for name, value in deps.items()):
            return None
        return results

    def put(self, path: Path, codes: Iterable[str], results: Results, deps: list[Path]) -> None:
        self.store.put(self._key(path, codes), ({self._name(d): self.file_digest(d) for d in deps}, results))
