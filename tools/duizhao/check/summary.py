"""How the corpus-scope rules see the whole project: small per-file summaries, combined.

A rule with ``TARGET = "corpus"`` compares files with each other (an id used twice, a name
written nowhere, a figure reported twice with different values). Reading every file of the
project into one process for that would cost as much as the whole check and hold every
document in memory, so such a rule works in two phases:

``SUMMARISES``
    the kinds of file it needs facts from: ``("tei",)``, ``("yaml",)`` or both;
``summarise(item, project)``
    the facts of one parsed file (a :class:`~duizhao.project.TEIFile` or
    :class:`~duizhao.project.YAMLFile`) as small plain data (str, int, float, bytes,
    tuples, lists; ``None`` for nothing). It runs beside the file-scoped rules, in the
    worker processes, on every file of the project of those kinds, and is cached with
    their findings (:mod:`.incremental`): an unchanged file is not read again;
``check(project, summaries)``
    the rule's problems from ``summaries``: ``{kind: [(path, summary), …]}`` with every
    corpus file (``tei``) or every file of ``annotations/`` (``yaml``), in the project's
    file order. It may read a few files again to place its messages (only those it
    reports on); the registries are always at hand. ``summaries.wanted`` is the set of
    files being checked (None: the whole project): only problems in those files are
    reported, so a rule may leave the rest aside (``duizhao check FILE`` and the language
    server then cost about the same at 1,000 documents as at 5).

The helpers below are the summaries several rules share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from ..names import corpus_names
from ..project import Project, TEIFile

class Summaries(dict):
    """``{kind: [(path, summary), …]}``, and the files whose problems are wanted."""

    def __init__(self, rows: dict[str, list[tuple[Path, Any]]], wanted: frozenset[Path] | None = None,
                 lasting: bool = False):
        super().__init__(rows)
        self.wanted = wanted
        # The process checks again and again (the language server): an index of the other
        # files' summaries (index_of) pays off; in a one-off run, reading them once is cheaper.
        self.lasting = lasting

    def reports_on(self, path: Path) -> bool:
        """Whether problems in ``path`` would be reported."""
        return self.wanted is None or path in self.wanted  # the project's paths are resolved

    def split(self, kind: str) -> tuple[list[tuple[Path, Any]], tuple[tuple[Path, Any], ...]]:
        """``(rows of the files checked, rows of the others)`` of ``kind``, files without a summary left out."""
        rows = [(path, s) for path, s in self[kind] if s is not None]
        return [r for r in rows if self.reports_on(r[0])], tuple(r for r in rows if not self.reports_on(r[0]))


_INDEXES: dict[tuple[Callable, tuple], Any] = {}


def index_of(build: Callable[[tuple], Any], rows: tuple[tuple[Path, Any], ...]) -> Any:
    """``build(rows)``, kept while ``rows`` (the summaries of the files not being checked) are
    the same: a long-running process (the language server) re-checks one file after every
    edit against the same summaries of the others, which are then indexed once."""
    key = (build, rows)
    if key not in _INDEXES:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        _INDEXES[key] = build(rows)
    return _INDEXES[key]


def kinds(rule: ModuleType) -> tuple[str, ...]:
    """The kinds of file a corpus-scope rule summarises."""
    return tuple(getattr(rule, "SUMMARISES", ()))


def written(item: TEIFile, project: Project, kind: str) -> tuple[str, str] | None:
    """``(document id, ids of the ``kind`` (term or entity) names written in it)``: in a
    segment, also inside a longer name, or in the header; None for an unreadable file.
    The ids are one string, a line each: one object to keep per document, not hundreds."""
    if item.doc is None:
        return None
    refs, _ = corpus_names(project).in_document(item.doc)
    return item.doc.id, "\n".join(sorted(rid for k, rid in refs if k == kind))


def written_anywhere(rows: Iterable[tuple[Path, Any]]) -> set[str]:
    """Every id named in the corpus, from the :func:`written` summaries of the corpus files
    (when two files declare one document id, the later one is the document, as in
    :attr:`Project.documents`)."""
    latest = {s[0]: s[1] for _, s in rows if s is not None}
    return {rid for ids in latest.values() for rid in ids.split("\n") if rid}
