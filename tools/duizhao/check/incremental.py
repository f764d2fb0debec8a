"""``duizhao check``'s incremental mode: the results of an unchanged file are reused.

What the file-scoped rules (``TARGET`` ``tei`` or ``yaml``) find in a file, and what the
corpus rules keep of it (their summaries, :mod:`.summary`), depend on

- the file itself;
- the files it is checked against: a TEI file's source text (X005, X008) and annotation
  file (G005), an annotation file's TEI document (anchors and figures, A and F rules);
- what every file is checked against: the registries (T005/T006 look up the glossary and
  the entity names, the E, F and G rules their ids), the JSON and RELAX NG schemas and
  duizhao's code (:func:`context`).

A file's results (a dict by rule code) are stored under the digest of the context and of
the file's bytes, with the digests of the files it was checked against: reused only while
all of them are unchanged, for the codes they hold (a run with other rules adds its codes
to the entry). Editing the glossary re-checks everything; editing one annotation file
re-checks that file and its document.

Two things keep one-file work from growing with the corpus (``duizhao check FILE``, the
language server after an edit), whose corpus rules need a summary of every file:

- :class:`Digests`: a file's digest is reused while its size, modification time and inode
  are those it was read with (as git's index does), so an unchanged file is not read;
- :class:`SummaryPack`: the corpus rules' summaries of every file in one entry, read in
  one go rather than one entry per file.

Entries live in ``build/cache/check/`` (:mod:`duizhao.diskcache`); deleting it is safe.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..annotations import is_annotation_file
from ..diskcache import DiskCache, code_digest, digest
from ..project import REGISTRIES, Project, Stat, file_stat

PACK_SLACK = 16  # stale summary-pack entries tolerated before it is written again (see FindingsCache.save)
Results = dict[str, Any]  # rule code → problems as tuples (file rules), or a summary (corpus rules)


def context(project: Project) -> str:
    """Digest of what every file is checked against."""
    parts: list[bytes | str] = [code_digest()]
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




class Digests:
    """File digests, remembered with the stat they were read at (:meth:`save` keeps them).
    Within a run a file is looked at once; a long-running process (the language server)
    may keep what it saw for ``fresh_for`` seconds, or until told a file changed."""

    def __init__(self, project: Project, store: DiskCache, fresh_for: float = 0.0):
        self.project, self.store, self.key = project, store, digest(code_digest(), "digests", str(project.root))
        self._root = str(project.root) + os.sep
        self.known: dict[str, tuple[Stat, str]] = store.get(self.key) or {}
        self._now: dict[str, str] = {}  # by name: what this run (or the last fresh_for seconds) saw
        self.fresh_for, self._swept = fresh_for, time.monotonic()
        self._held = {self.name(path): text for path, text in project.overlay.items()}  # texts being edited
        self.changed = False

    def begin(self, project: Project) -> None:
        """A new run on ``project`` (the same root): what was seen is looked at again when stale."""
        self.project = project
        self._held = {self.name(path): text for path, text in project.overlay.items()}
        if time.monotonic() - self._swept >= self.fresh_for:
            self._now.clear()
            self._swept = time.monotonic()

    def forget(self, path: Path | None) -> None:
        """Look at ``path`` again (every file, for None) on the next run."""
        if path is None:
            self._now.clear()
        else:
            self._now.pop(self.name(path), None)

    def name(self, path: Path) -> str:
        """``path`` relative to the project (plain string work: it is asked for every file)."""
        text, root = str(path), self._root
        return text[len(root):] if text.startswith(root) else text

    def path(self, name: str) -> Path:
        """The inverse of :meth:`name`."""
        return Path(name) if os.path.isabs(name) else Path(self._root + name)

    def of(self, path: Path, name: str | None = None) -> str:
        """The digest of ``path``'s bytes (of the text being edited, for a file the project
        holds in memory); ``"-"`` for a missing file. ``path`` is absolute and resolved
        (``name``: its :meth:`name`, when known)."""
        held = self.project.overlay.get(path) if self.project.overlay else None
        if held is not None:
            return digest(held.encode("utf-8"))
        name = name or self.name(path)
        if name in self._now:
            return self._now[name]
        stat = file_stat(path)
        seen = self.known.get(name)
        if stat is None:
            value = "-"  # missing: a dependency may be, and that is a state too
        elif seen is not None and seen[0] == stat:
            value = seen[1]
        else:
            try:
                value = digest(path.read_bytes())
            except OSError:
                value = "-"
            self.known[name], self.changed = (stat, value), True
        self._now[name] = value
        return value

    def of_name(self, name: str) -> str:
        """:meth:`of` the file named ``name`` (no path object made when it was seen)."""
        if name in self._held:
            return digest(self._held[name].encode("utf-8"))
        found = self._now.get(name)
        return found if found is not None else self.of(self.path(name), name)

    def save(self) -> None:
        if self.changed:
            self.store.put(self.key, self.known)
            self.changed = False


class FindingsCache:
    """Per-file results, keyed as the module docstring says. One run's, or kept between runs
    by a long-running process (:meth:`begin`)."""

    def __init__(self, project: Project, fresh_for: float = 0.0):
        self.project = project
        self.store = DiskCache(project.cache_dir / "check")
        self.context = context(project)
        self.digests = Digests(project, self.store, fresh_for)
        self.pack = SummaryPack(self)

    def begin(self, project: Project) -> None:
        """Start a run on ``project``: the registries or schemas may have changed since."""
        self.project = project
        self.digests.begin(project)
        now = context(project)
        if now != self.context:
            self.context, self.pack = now, None
            self.pack = SummaryPack(self)

    def _key(self, path: Path) -> str:
        return digest(self.context, self.digests.name(path), self.digests.of(path))

    def deps_hold(self, deps: dict[str, str]) -> bool:
        return all(self.digests.of_name(name) == value for name, value in deps.items())

    def get(self, path: Path, codes: Iterable[str]) -> Results | None:
        """The results of ``codes`` on ``path``, if all are known for its present state."""
        entry = self.store.get(self._key(path))
        if entry is None or not self.deps_hold(entry[0]) or not set(codes) <= entry[1].keys():
            return None
        return entry[1]

    def put(self, path: Path, results: Results, deps: list[Path]) -> None:
        """Keep ``results`` (added to what is known of this state of the file)."""
        key = self._key(path)
        entry = self.store.get(key)
        deps_now = {self.digests.name(d): self.digests.of(d) for d in deps}
        merged = {**entry[1], **results} if entry is not None and entry[0] == deps_now else results
        self.store.put(key, (deps_now, merged))
        self.pack.put(path, merged, deps_now)

    def save(self, whole: bool) -> None:
        """Keep the digests, and the pack after a whole check or when many of its entries
        changed: rewriting it costs as much as reading it, and a few stale entries only send
        a one-file check to those files' own entries."""
        self.digests.save()
        if whole or self.pack.changed > max(PACK_SLACK, len(self.pack.entries) // 50):
            self.pack.save()


class SummaryPack:
    """The corpus rules' part of every file's results (their summaries, and whether the file
    could be read), in one cache entry per context: what a one-file check reads for the
    rest of the corpus."""

    def __init__(self, cache: FindingsCache):
        from .rules import RULES

        self.cache, self.key = cache, digest(cache.context, "summaries", str(cache.project.root))
        self.wanted = {code for code, rule in RULES.items() if rule.TARGET == "corpus"}
        self.entries: dict[str, tuple[str, dict[str, str], Results]] = cache.store.get(self.key) or {}
        self.changed = 0  # entries changed since read

    def _part(self, results: Results) -> Results:
        from .coverage import CRASHED, UNREADABLE

        part = {code: value for code, value in results.items() if code in self.wanted or code == UNREADABLE}
        crashed = {c: v for c, v in results.get(CRASHED, {}).items() if c in self.wanted}
        return {**part, CRASHED: crashed} if crashed else part

    def get(self, path: Path, codes: Iterable[str]) -> Results | None:
        digests = self.cache.digests
        entry = self.entries.get(digests.name(path))
        if entry is None or entry[0] != digests.of(path) or not self.cache.deps_hold(entry[1]):
            return None
        return entry[2] if set(codes) <= entry[2].keys() else None

    def put(self, path: Path, results: Results, deps: dict[str, str]) -> None:
        if path in self.cache.project.overlay:
            return  # a buffer being edited is not the file on disk
        entry = (self.cache.digests.of(path), deps, self._part(results))
        name = self.cache.digests.name(path)
        if self.entries.get(name) != entry:
            self.entries[name] = entry
            self.changed += 1

    def save(self) -> None:
        if self.changed:
            self.cache.store.put(self.key, self.entries)
            self.changed = 0
