"""The language server's view of a project: the texts open in the editor over the files on
disk, and the check's cache kept between edits.

Every check and every look-up reads a :class:`~duizhao.project.Project` whose ``overlay``
holds the open buffers, so that an annotation file is anchored in the TEI being edited
beside it, and the registries as they are typed. The check's cache
(:class:`~duizhao.check.incremental.FindingsCache`) stays in memory: after an edit only the
edited file is checked again, the corpus rules reading the other files' summaries from it
(files on disk are looked at again at most every :data:`FRESH_FOR` seconds, or when the
editor says one changed).
"""

from __future__ import annotations

from pathlib import Path

from ..check import Finding, run
from ..check.incremental import FindingsCache
from ..project import REGISTRIES, Project, find_root

FRESH_FOR = 2.0  # seconds a file on disk is taken as unchanged between two checks


def kind_of(path: Path) -> str | None:
    """``tei`` | ``annotations`` | a registry name, for the files the server serves; else None."""
    if path.suffix == ".xml" and path.parent.name == "corpus":
        return "tei"
    if path.suffix in (".yaml", ".yml") and path.parent.name == "annotations":
        return path.stem if path.stem in REGISTRIES else "annotations"
    return None


class Session:
    """One project and the buffers open on it."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.buffers: dict[Path, str] = {}
        self._cache: FindingsCache | None = None
        self._lookup: Project | None = None

    @classmethod
    def at(cls, folder: Path) -> "Session":
        return cls(find_root(folder))

    def project(self) -> Project:
        """A fresh project reading the open buffers."""
        project = Project(self.root)
        project.overlay = dict(self.buffers)
        return project

    def lookup(self) -> Project:
        """A project for hover, completion and definitions, kept until a buffer or file changes."""
        if self._lookup is None:
            self._lookup = self.project()
        return self._lookup

    def opened(self, path: Path, text: str) -> None:
        self.buffers[path.resolve()] = text
        self._lookup = None

    def closed(self, path: Path) -> None:
        self.buffers.pop(path.resolve(), None)
        self._lookup = None

    def changed_on_disk(self, path: Path | None = None) -> None:
        """A file changed outside the buffers (edited by another program), or any may have
        (``path`` None: a save, when the editor may have written others too)."""
        if self._cache is not None:
            self._cache.digests.forget(None if path is None else path.resolve())
        self._lookup = None

    def check(self, paths: list[Path]) -> list[Finding]:
        """The findings in ``paths`` as they read now (buffers over files); a buffer not yet
        saved as a file is checked once it is."""
        paths = [p.resolve() for p in paths if p.exists()]
        if not paths:
            return []
        project = self.project()
        if self._cache is None:
            self._cache = FindingsCache(project, fresh_for=FRESH_FOR)
        return run(project, paths, cache=self._cache)

    def companions(self, path: Path) -> list[Path]:
        """What to check again when ``path`` changes: itself, and the open files whose
        findings depend on it (a document's annotation file, an annotation file's document;
        every open file after a registry edit)."""
        path = path.resolve()
        kind = kind_of(path)
        if kind in REGISTRIES:
            return [path, *(p for p in self.buffers if p != path and kind_of(p))]
        other = (self.root / "annotations" / f"{path.stem}.yaml" if kind == "tei"
                 else self.root / "corpus" / f"{path.stem}.xml")
        return [path, *([other] if other in self.buffers else [])]
