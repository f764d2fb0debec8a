"""The file-scoped rules over many files: in this process or in worker processes.

A file's findings under the ``tei`` and ``yaml`` rules, and its summaries for the corpus
rules (:mod:`.summary`), depend only on the file, the files it is checked against (its
document, its source text, its annotations) and the registries, so the files can be
shared out: each worker (forked, so it inherits the parsed registries) takes
chunks of files in turn and checks each chunk with its own :meth:`Project.view` of the
chunk's files and their companions, which keeps its memory to one chunk (in this process,
one view of all the files: a re-check of two files reads two files). Results come
back as plain tuples and are put together in a fixed order, so the report is the same
whatever the number of workers. Small inputs are checked in-process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import DuizhaoError, RuleCrash
from ..memo import forget
from ..project import REGISTRIES, Project
from . import coverage, summary, suppression
from .finding import Fix, Problem, Safety
from .places import Places
from .incremental import Results, dependencies
from .rules import RULES

MIN_FILES_PER_WORKER = 10  # below 2 × this, forking costs more than it saves
CHUNKS_PER_WORKER = 8  # smaller chunks balance the load; larger ones rebuild fewer indexes

_PARENT: Project | None = None  # the project a forked worker inherits


def call(rule: ModuleType, *args: Any, phase: str = "check") -> Any:
    """``rule.check(*args)`` as a list (or ``rule.summarise(*args)`` with ``phase``). A
    project problem (a missing schema) stops the check; any other exception is the rule's crash."""
    try:
        return list(rule.check(*args)) if phase == "check" else getattr(rule, phase)(*args)
    except DuizhaoError:
        raise
    except Exception as exc:  # a bug, not bad input: say which rule, no traceback
        raise RuleCrash(f"rule {rule.CODE} ({rule.SLUG}) failed: {type(exc).__name__}: {exc}") from exc


def _relative(root: Path, path: Path) -> str:
    """``path`` relative to the project where possible (cached results survive a move)."""
    path = Path(path).resolve()
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def as_row(project: Project, rule: ModuleType, problem: Problem, places: dict[Path, Places]) -> tuple[Any, ...]:
    """``problem`` of ``rule`` as plain data, complete: its end, what it concerns
    (:mod:`.places`, from the file it is in) and its fix with the rule's declared safety."""
    fix = problem.fix
    if fix is not None and fix.safety is None:
        fix = replace(fix, safety=Safety(rule.FIX))  # a rule that offers a fix declares FIX
    where = Path(problem.path).resolve() if problem.path is not None else None
    if where is not None and where not in places:
        places[where] = Places.of(project, where)
    end_line, end_col, concerns = places[where or next(iter(places))].complete(problem)
    path = None if where is None else _relative(project.root, where)
    return (problem.line, problem.col, problem.message, path, fix and fix.as_tuple(), end_line, end_col,
            tuple(sorted(concerns.items())))


def as_problem(root: Path, row: Sequence[Any]) -> Problem:
    line, col, message, path, fix, end_line, end_col, concerns = row
    return Problem(line, col, message, None if path is None else root / path, fix and Fix.from_tuple(fix),
                   end_line, end_col, concerns)


def check_file(project: Project, path: Path, codes: Sequence[str]) -> tuple[Results, list[Path]]:
    """The results of the rules ``codes`` on ``path`` (the problems of the rules of the file's
    kind, the summaries of the corpus rules that summarise it), and the files besides it
    that they depend on. Beside the rule codes (:mod:`.coverage`): the file's own problem
    when it cannot be read, the rules skipped for want of another file, the rules that
    crashed, and the file's suppression comments (:mod:`.suppression`)."""
    kind = "tei" if path.suffix == ".xml" else "yaml"
    item = project.tei(path) if kind == "tei" else project.yaml(path)
    places = {item.path: Places(item)}  # the file's own first: a problem without a path is in it
    results: Results = {}
    if item.problem is not None:
        results[coverage.UNREADABLE] = (item.problem.code, item.problem.line, item.problem.col)
    else:
        results[coverage.SUPPRESSIONS] = suppression.as_rows(suppression.parse(item.text, xml=kind == "tei"))
    companions = coverage.unreadable_companions(item, project, [RULES[c] for c in codes if RULES[c].TARGET == kind])
    for code in codes:
        rule = RULES[code]
        try:
            if rule.TARGET == kind:
                missing = coverage.missing(rule, companions)
                if missing:
                    results.setdefault(coverage.SKIPPED, {})[code] = [_relative(project.root, p) for p in missing]
                    continue
                results[code] = [as_row(project, rule, pr, places) for pr in call(rule, item, project)]
            elif rule.TARGET == "corpus" and kind in summary.kinds(rule):
                results[code] = call(rule, item, project, phase="summarise")
        except RuleCrash as crash:
            results.setdefault(coverage.CRASHED, {})[code] = str(crash)
    return results, dependencies(project, path)


def companions(project: Project, path: Path) -> list[Path]:
    """The files checking ``path`` reads besides the registries: an annotation file's
    document, a document's annotation file (named after ``path``, which is not parsed)."""
    if path.suffix == ".xml":
        return [project.annotations_dir / f"{path.stem}.yaml"]
    return dependencies(project, path)  # parses nothing for a YAML file


Task = tuple[Path, list[str]]  # a file and the rule codes to run on it


def _check_in_view(project: Project, tasks: list[Task]) -> list[tuple[Results, list[Path]]]:
    """The tasks, with a view of the project that sees their files and companions only:
    the indexes the rules build (names, annotations) cover those files, not the whole
    project, and are dropped at the end."""
    paths = [path for path, _ in tasks]
    view = project.view([*paths, *(c for p in paths for c in companions(project, p))])
    try:
        return [check_file(view, path, codes) for path, codes in tasks]
    finally:
        forget(view)  # a worker's memory holds one chunk at a time


def _check_chunk(tasks: list[Task]) -> list[tuple[Results, list[Path]]]:
    assert _PARENT is not None
    return _check_in_view(_PARENT, tasks)


def check_files(project: Project, tasks: list[Task], jobs: int) -> list[tuple[Results, list[Path]]]:
    """:func:`check_file` for each task, in order, with up to ``jobs`` workers."""
    jobs = min(jobs, len(tasks) // MIN_FILES_PER_WORKER)
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _check_in_view(project, tasks)
    global _PARENT
    for name in REGISTRIES:  # parsed once here, inherited by every worker
        project.registry(name)
    # A document's annotation file next to its TEI file, so that both land in one chunk.
    order = sorted(range(len(tasks)), key=lambda i: (tasks[i][0].stem, tasks[i][0].suffix != ".xml"))
    size = -(-len(tasks) // (jobs * CHUNKS_PER_WORKER))
    chunks = [[tasks[i] for i in order[k:k + size]] for k in range(0, len(order), size)]
    _PARENT = project
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.map(_check_chunk, chunks, chunksize=1)
    finally:
        _PARENT = None
    by_path = {path: result for chunk, results in zip(chunks, done) for (path, _), result in zip(chunk, results)}
    return [by_path[path] for path, _ in tasks]
