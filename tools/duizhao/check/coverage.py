"""What a check could not look at, and why: rules that need an unreadable file, and crashes.

A rule may need files besides the one it checks, declared as ``NEEDS``:

``"document"``
    an annotation file's TEI document (``corpus/<stem>.xml``), to resolve its anchors;
``"annotations"``
    a document's annotation file (``annotations/<doc id>.yaml``);
``"glossary"``, ``"entities"``, ``"indicators"``
    a registry (rules of annotation files and documents);
``"every document"``, ``"every annotation file"``
    (corpus rules) every file of ``corpus/``, or every annotation file.

When one of them cannot be read (its own finding says why: X001, Y001, Y006 …), the
rule's verdicts there would be wrong: a term named only in that document "occurs
nowhere" (G004), every term of a document whose annotation file is broken "is not
annotated" (G005). So the rule does not run where it needs that file, and the check says so
once per unreadable file: one ``info`` finding at that file's error, naming the rules not
checked and on what. Rules with no ``NEEDS`` run as usual (they find nothing wrong for a
missing file, only less).

A rule that raises on a file (a bug in duizhao) becomes an internal-error finding of that
file (:data:`~.finding.INTERNAL`); every other rule and file is still checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from ..annotations import is_annotation_file
from ..project import REGISTRIES, Project
from .finding import Problem

DOCUMENT, ANNOTATIONS = "document", "annotations"
EVERY_DOCUMENT, EVERY_ANNOTATION_FILE = "every document", "every annotation file"

# Keys of a file's results (:mod:`.incremental`) beside the rule codes (letters and digits).
UNREADABLE = "!unreadable"  # (code, line, col) of the file's own problem
SKIPPED = "!skipped"  # {rule code: [project-relative paths of the unreadable files it needs]}
CRASHED = "!crashed"  # {rule code: what it raised}
SUPPRESSIONS = "!suppressions"  # the file's suppression comments (check.suppression.as_rows)


def needs(rule: ModuleType) -> tuple[str, ...]:
    return tuple(getattr(rule, "NEEDS", ()))


def problem_of(project: Project, path: Path) -> Any:
    """Why ``path`` cannot be read (an ``XMLProblem`` or ``YAMLProblem``), or None."""
    return (project.tei(path) if path.suffix == ".xml" else project.yaml(path)).problem


def _unreadable(project: Project, path: Path) -> bool:
    return path.exists() and problem_of(project, path) is not None


def unreadable_companions(item: Any, project: Project, rules: Iterable[ModuleType]) -> dict[str, Path]:
    """``{need: path}`` of the files ``rules`` need besides ``item`` (its document or its
    annotation file, the registries) that cannot be read; empty for an unreadable ``item``,
    whose own finding says all. Found once per file; :func:`missing` picks a rule's."""
    wanted = {need for rule in rules for need in needs(rule)}
    if item.problem is not None or not wanted:
        return {}
    paths: dict[str, Path] = {}
    if item.kind == "annotations" and DOCUMENT in wanted:
        paths[DOCUMENT] = project.corpus_dir / f"{item.path.stem}.xml"
    elif item.kind == "tei" and item.doc is not None and ANNOTATIONS in wanted:
        paths[ANNOTATIONS] = project.annotations_dir / f"{item.doc.id}.yaml"
    if item.kind not in REGISTRIES:  # a registry itself is checked by what it holds
        paths.update((name, project.annotations_dir / f"{name}.yaml") for name in REGISTRIES if name in wanted)
    return {need: p for need, p in paths.items() if _unreadable(project, p)}


def missing(rule: ModuleType, companions: dict[str, Path]) -> list[Path]:
    """The unreadable files among those ``rule`` needs (``companions``: :func:`unreadable_companions`)."""
    return [companions[need] for need in needs(rule) if need in companions]


def corpus_causes(rule: ModuleType, project: Project, every: dict[str, list[Path]],
                  results: dict[Path, dict[str, Any]]) -> list[Path]:
    """The unreadable files a corpus rule needs (from the files' results)."""
    paths: list[Path] = []
    for need in needs(rule):
        if need == EVERY_DOCUMENT:
            paths += [p for p in every["tei"] if UNREADABLE in results.get(p, {})]
        elif need == EVERY_ANNOTATION_FILE:
            paths += [p for p in every["yaml"] if is_annotation_file(p) and UNREADABLE in results.get(p, {})]
    return paths


class Skips:
    """What was not checked because of each unreadable file: ``cause → rule code → targets``."""

    def __init__(self) -> None:
        self.by_cause: dict[Path, dict[str, list[str]]] = {}

    def add(self, cause: Path, code: str, target: str) -> None:
        targets = self.by_cause.setdefault(cause, {}).setdefault(code, [])
        if target not in targets:
            targets.append(target)

    def notes(self, project: Project) -> Iterable[tuple[Path, Any, Problem]]:
        """``(cause, its problem, the note)`` for each unreadable file that kept a rule from running."""
        for cause, rules in sorted(self.by_cause.items()):
            problem = problem_of(project, cause)
            if problem is None:  # read by now after all (it changed during the check)
                continue
            groups: dict[tuple[str, ...], list[str]] = {}
            for code, targets in rules.items():
                groups.setdefault(tuple(targets), []).append(code)
            parts = [f"{', '.join(sorted(codes))} {_on(targets)}" for targets, codes in groups.items()]
            yield cause, problem, Problem(problem.line, problem.col,
                                          "while this file cannot be read, not checked: " + "; ".join(parts))


def _on(targets: tuple[str, ...]) -> str:
    if targets == ("the corpus",):
        return "on the corpus"
    if len(targets) <= 3:
        return "on " + ", ".join(targets)
    return f"on {len(targets)} files ({', '.join(targets[:2])} …)"
