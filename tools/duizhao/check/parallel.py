"""The file-scoped rules over many files: in this process or in worker processes.

A file's findings under the ``tei`` and ``yaml`` rules depend only on the file, the
files it is checked against (its document, its source text) and the registries, so the
files can be shared out: each worker (forked, so it inherits the parsed registries) takes
chunks of files in turn and checks each chunk with its own :meth:`Project.view` of the
chunk's files and their companions, which keeps its memory to one chunk. Results come
back as plain tuples and are put together in a fixed order, so the report is the same
whatever the number of workers. Small inputs are checked in-process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from ..annotations import is_annotation_file
from ..memo import forget
from ..project import REGISTRIES, Project
from .finding import Problem
from .incremental import Results, dependencies
from .rules import RULES

MIN_FILES_PER_WORKER = 10  # below 2 × this, forking costs more than it saves
CHUNKS_PER_WORKER = 8  # smaller chunks balance the load; larger ones rebuild fewer indexes

_PARENT: Project | None = None  # the project a forked worker inherits


class RuleCrash(Exception):
    """A rule raised: a bug in duizhao, reported without a traceback (exit 2)."""


def call(rule: ModuleType, *args: Any) -> list[Problem]:
    try:
        return list(rule.check(*args))
    except Exception as exc:  # a bug, not bad input: say which rule, no traceback
        raise RuleCrash(f"rule {rule.CODE} ({rule.SLUG}) failed: {type(exc).__name__}: {exc}") from exc


def _as_tuple(root: Path, problem: Problem) -> tuple[Any, ...]:
    path = problem.path
    if path is not None:  # relative to the project where possible (cached results survive a move)
        path = Path(path).resolve()
        path = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    return (problem.line, problem.col, problem.message, path, problem.fix)


def as_problem(root: Path, row: Sequence[Any]) -> Problem:
    line, col, message, path, fix = row
    return Problem(line, col, message, None if path is None else root / path, fix)


def check_file(project: Project, path: Path, codes: Sequence[str]) -> tuple[Results, list[Path]]:
    """The results of the rules ``codes`` (of the file's kind) on ``path``, and the files
    besides it that they depend on."""
    kind = "tei" if path.suffix == ".xml" else "yaml"
    item = project.tei(path) if kind == "tei" else project.yaml(path)
    results = {
        code: [_as_tuple(project.root, pr) for pr in call(RULES[code], item, project)]
        for code in codes if RULES[code].TARGET == kind
    }
    return results, dependencies(project, path)


def companions(project: Project, path: Path) -> list[Path]:
    """The files checking ``path`` reads besides the registries: an annotation file's document."""
    if path.suffix in (".yaml", ".yml") and is_annotation_file(path):
        return [project.corpus_dir / f"{path.stem}.xml"]
    return []


def _check_chunk(task: tuple[list[Path], list[str]]) -> list[tuple[Results, list[Path]]]:
    paths, codes = task
    assert _PARENT is not None
    view = _PARENT.view([*paths, *(c for p in paths for c in companions(_PARENT, p))])
    try:
        return [check_file(view, path, codes) for path in paths]
    finally:
        forget(view)  # a worker's memory holds one chunk at a time


def check_files(project: Project, paths: list[Path], codes: list[str], jobs: int) -> list[tuple[Results, list[Path]]]:
    """:func:`check_file` for each of ``paths``, in order, with up to ``jobs`` workers."""
    jobs = min(jobs, len(paths) // MIN_FILES_PER_WORKER)
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [check_file(project, path, codes) for path in paths]
    global _PARENT
    for name in REGISTRIES:  # parsed once here, inherited by every worker
        project.registry(name)
    # A document's annotation file next to its TEI file, so that both land in one chunk.
    order = sorted(range(len(paths)), key=lambda i: (paths[i].stem, paths[i].suffix != ".xml"))
    size = -(-len(paths) // (jobs * CHUNKS_PER_WORKER))
    chunks = [[paths[i] for i in order[k:k + size]] for k in range(0, len(order), size)]
    _PARENT = project
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.map(_check_chunk, [(chunk, codes) for chunk in chunks], chunksize=1)
    finally:
        _PARENT = None
    by_path = {path: result for chunk, results in zip(chunks, done) for path, result in zip(chunk, results)}
    return [by_path[path] for path in paths]
