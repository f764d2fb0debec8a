"""Run the selected rules over the selected files and collect findings.

File-scoped rules (``TARGET`` ``tei`` or ``yaml``) run file by file, in worker processes
when there are many files (:mod:`.parallel`), and with them the corpus-scope rules'
summaries of every file of the project (:mod:`.summary`); the results are reused for
unchanged files when a cache is given (:mod:`.incremental`). The corpus-scope rules then
combine the summaries here. The report is the same either way.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from ..project import Project, shown_path
from .finding import Finding, Problem
from .incremental import FindingsCache, Results
from .parallel import RuleCrash, Task, as_problem, call, check_files
from .rules import RULES
from .summary import Summaries, kinds

__all__ = ["RuleCrash", "UsageError", "run", "select_rules"]

# ``duizhao: ignore[T002] reason`` in an XML or YAML comment, on the finding's line
# or the line above; the reason is required.
_SUPPRESS = re.compile(r"duizhao:\s*ignore\[([A-Z0-9, ]+)\]\s*[-—:]*\s*(\S.*)")


class UsageError(Exception):
    """Bad command-line input (exit 2)."""


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[ModuleType]:
    """Rules whose code starts with a selected prefix and with no ignored one."""
    select, ignore = [s.upper() for s in select if s], [s.upper() for s in ignore if s]
    for prefix in (*select, *ignore):
        if not any(code.startswith(prefix) for code in RULES):
            raise UsageError(f"unknown rule code or prefix {prefix!r} (see `duizhao rules`)")
    return [
        rule for code, rule in sorted(RULES.items())
        if (not select or any(code.startswith(p) for p in select))
        and not any(code.startswith(p) for p in ignore)
    ]


def _targets(project: Project, paths: list[Path]) -> tuple[list[Path], list[Path]]:
    if not paths:
        return project.tei_paths(), project.yaml_paths()
    tei, yml = [], []
    for path in paths:
        path = path.resolve()
        if not path.exists():
            raise UsageError(f"no such file or directory: {path}")
        if path.is_dir():
            tei += sorted(path.rglob("*.xml"))
            yml += sorted(path.rglob("*.yaml")) + sorted(path.rglob("*.yml"))
        elif path.suffix == ".xml":
            tei.append(path)
        elif path.suffix in (".yaml", ".yml"):
            yml.append(path)
        else:
            raise UsageError(f"not a TEI (.xml) or YAML (.yaml) file: {path}")
    return [p for p in tei if p.parent.name != "schema"], yml


@lru_cache(maxsize=None)
def _resolved(path: Path) -> Path:
    return path.resolve()


def _suppressed(finding: Finding, lines_of) -> bool:
    lines = lines_of(finding.path)
    for ln in (finding.line, finding.line - 1):
        if 1 <= ln <= len(lines):
            m = _SUPPRESS.search(lines[ln - 1])
            if m and finding.code in {c.strip() for c in m.group(1).split(",")}:
                return True
    return False


Paths = dict[str, list[Path]]  # kind (``tei``, ``yaml``) → files


def _tasks(rules: list[ModuleType], selected: Paths, every: Paths) -> list[Task]:
    """Each file to read and the rules to run on it: the file rules on the ``selected`` files,
    the corpus rules' summaries on ``every`` file of the kinds they summarise."""
    tasks: dict[Path, list[str]] = {}
    for kind, paths in selected.items():
        codes = [rule.CODE for rule in rules if rule.TARGET == kind]
        for path in paths if codes else []:
            tasks.setdefault(path, []).extend(codes)
    for rule in rules:
        for kind in kinds(rule) if rule.TARGET == "corpus" else ():
            for path in every[kind]:
                tasks.setdefault(path, []).append(rule.CODE)
    return list(tasks.items())


def _file_results(project: Project, tasks: list[Task], jobs: int, cache: FindingsCache | None) -> dict[Path, Results]:
    """The results of each task (:func:`.parallel.check_file`), from the cache where it has them."""
    out: dict[Path, Results] = {}
    if cache is not None:
        for path, codes in tasks:
            found = cache.get(path, codes)
            if found is not None:
                out[path] = found
    todo = [task for task in tasks if task[0] not in out]
    for (path, codes), (results, deps) in zip(todo, check_files(project, todo, jobs)):
        out[path] = results
        if cache is not None:
            cache.put(path, codes, results, deps)
    return out


def _summaries(rule: ModuleType, every: Paths, results: dict[Path, Results]) -> Summaries:
    return {kind: [(path, results[path].get(rule.CODE)) for path in every[kind]] for kind in kinds(rule)}


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Python's cyclic garbage collector runs every few hundred allocations and rescans
    whatever survived; a check builds millions of objects that live to its end (parsed
    files, annotation records, name matches) and makes almost no cycles, so on 5,000
    documents a third of its time went there. Paused while checking (workers included)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run(project: Project, paths: Iterable[Path] = (), select: Iterable[str] = (),
        ignore: Iterable[str] = (), jobs: int = 1, cache: bool = False) -> list[Finding]:
    """All findings for ``paths`` (default: the whole project), sorted by place.

    ``jobs``: worker processes for the file-scoped rules; ``cache``: reuse the findings of
    unchanged files and the parsed YAML kept in ``build/cache/`` (and update them). The
    project then reads YAML positions in the parsing pass (:attr:`Project.eager_positions`).
    """
    with _no_cyclic_gc():
        return _run(project, paths, select, ignore, jobs, cache)


def _run(project: Project, paths: Iterable[Path], select: Iterable[str], ignore: Iterable[str],
         jobs: int, cache: bool) -> list[Finding]:
    rules = select_rules(select, ignore)
    tei_paths, yaml_paths = _targets(project, [Path(p) for p in paths])
    wanted = {p.resolve() for p in (*tei_paths, *yaml_paths)}
    findings: list[Finding] = []

    def emit(rule: ModuleType, default: Path, problems: list[Problem]) -> None:
        for pr in problems:
            path = _resolved(pr.path or default)
            if path not in wanted and rule.TARGET == "corpus":
                continue
            findings.append(Finding(
                path=shown_path(path, Path.cwd()), line=max(pr.line, 1), col=max(pr.col, 1),
                code=rule.CODE, slug=rule.SLUG, severity=rule.SEVERITY, message=pr.message,
                url=f"rules/#{rule.CODE.lower()}", fix=pr.fix,
            ))

    if cache:
        project.use_cache()
    project.eager_positions = True
    every: Paths = {"tei": project.tei_paths(), "yaml": project.yaml_paths()}
    results = _file_results(project, _tasks(rules, {"tei": tei_paths, "yaml": yaml_paths}, every), jobs,
                            FindingsCache(project) if cache else None)
    for rule in rules:
        if rule.TARGET == "corpus":
            emit(rule, project.root, call(rule, project, _summaries(rule, every, results)))
            continue
        for path in tei_paths if rule.TARGET == "tei" else yaml_paths:
            emit(rule, path, [as_problem(project.root, row) for row in results[path].get(rule.CODE, [])])

    lines: dict[str, list[str]] = {}

    def lines_of(name: str) -> list[str]:
        if name not in lines:
            try:
                text = Path(name).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            lines[name] = text.splitlines() if "duizhao:" in text else []  # most files suppress nothing
        return lines[name]

    return sorted((f for f in findings if not _suppressed(f, lines_of)), key=lambda f: f.sort_key)
