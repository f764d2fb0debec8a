"""Run the selected rules over the selected files and collect findings.

File-scoped rules (``TARGET`` ``tei`` or ``yaml``) run file by file, in worker processes
when there are many files (:mod:`.parallel`), and with them the corpus-scope rules'
summaries of every file of the project (:mod:`.summary`); the results are reused for
unchanged files when a cache is given (:mod:`.incremental`). The corpus-scope rules then
combine the summaries here. The report is the same either way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from ..errors import RuleCrash, UsageError
from ..project import Project, shown_path
from . import coverage, suppression
from .finding import INTERNAL, Finding, Problem, Severity
from .incremental import FindingsCache, Results
from .parallel import Task, as_problem, as_row, call, check_files
from .places import Places
from .rules import RULES
from .summary import Summaries, kinds

__all__ = ["run", "select_rules"]


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


Paths = dict[str, list[Path]]  # kind (``tei``, ``yaml``) → files


def _tasks(rules: list[ModuleType], selected: Paths, every: Paths) -> list[Task]:
    """Each file to read and the rules to run on it: the file rules on the ``selected`` files,
    the corpus rules' summaries on ``every`` file of the kinds they summarise (and the
    selected files at least read, for their suppression comments)."""
    tasks: dict[Path, list[str]] = {}
    for kind, paths in selected.items():
        codes = [rule.CODE for rule in rules if rule.TARGET == kind]
        for path in paths if codes else []:
            tasks.setdefault(path, []).extend(codes)
    for rule in rules:
        for kind in kinds(rule) if rule.TARGET == "corpus" else ():
            for path in every[kind]:
                tasks.setdefault(path, []).append(rule.CODE)
        for path in selected[rule.KIND] if rule.TARGET == "suppressions" else ():
            tasks.setdefault(path, [])  # read for its suppression comments
    return list(tasks.items())


def _file_results(project: Project, tasks: list[Task], jobs: int, cache: FindingsCache | None,
                  wanted: set[Path], whole: bool) -> dict[Path, Results]:
    """The results of each task (:func:`.parallel.check_file`), from the cache where it has
    them: the summary pack for the files only summarised, the file's own entry otherwise."""
    out: dict[Path, Results] = {}
    if cache is not None:
        for path, codes in tasks:
            found = cache.pack.get(path, codes) if path not in wanted else None
            found = found if found is not None else cache.get(path, codes)
            if found is not None:
                out[path] = found
    todo = [task for task in tasks if task[0] not in out]
    for (path, codes), (results, deps) in zip(todo, check_files(project, todo, jobs)):
        out[path] = results
        if cache is not None and coverage.CRASHED not in results:  # a crash is tried again
            cache.put(path, results, deps)
    if cache is not None:
        cache.save(whole)
    return out


def _summaries(rule: ModuleType, every: Paths, results: dict[Path, Results], wanted: frozenset[Path] | None,
               lasting: bool) -> Summaries:
    return Summaries({kind: [(path, results[path].get(rule.CODE)) for path in every[kind]] for kind in kinds(rule)},
                     wanted, lasting)


class _Report:
    """The findings of a run, as the rules' problems come in."""

    def __init__(self, project: Project, wanted: set[Path], whole: bool):
        self.project, self.wanted = project, wanted
        self.restricted = None if whole else frozenset(wanted)  # what corpus rules report on
        self.lasting = False  # the cache is kept between runs (see Summaries.lasting)
        self.findings: list[Finding] = []
        self.skips = coverage.Skips()
        self.places: dict[Path, Places] = {}
        self.judged: dict[Path, set[str]] = {}  # file → the codes that ran on it (for unused suppressions)
        self.corpus_codes: set[str] = set()  # the corpus rules that were combined

    def emit(self, rule: ModuleType, default: Path, problems: Iterable[Problem], severity: Severity | None = None,
             slug: str | None = None, complete: bool = False) -> None:
        """Findings of ``rule`` (a corpus rule's only in the files checked, internal errors
        anywhere); ``complete``: the problems come from a worker's rows, with their ends,
        concerns and fixes' safety (else they are worked out here)."""
        for pr in problems:
            path = _resolved(pr.path or default)
            if rule.TARGET == "corpus" and path not in self.wanted and slug != INTERNAL:
                continue
            if not complete:
                pr = as_problem(self.project.root, as_row(self.project, rule, replace(pr, path=path), self.places))
            self.findings.append(Finding(
                path=shown_path(path, Path.cwd()), line=max(pr.line, 1), col=max(pr.col, 1),
                code=rule.CODE, slug=slug or rule.SLUG, severity=severity or rule.SEVERITY, message=pr.message,
                url=f"rules/#{rule.CODE.lower()}", fix=pr.fix, end_line=pr.end_line or pr.line,
                end_col=pr.end_col or pr.col + 1, concerns=dict(pr.concerns),
            ))

    def crashed(self, rule: ModuleType, path: Path, message: str, consequence: str = "") -> None:
        self.emit(rule, path, [Problem(1, 1, f"internal error: {message}{consequence}; every other rule and file "
                                             "was checked (a bug in duizhao: please report it)")], slug=INTERNAL)

    def file_rule(self, rule: ModuleType, path: Path, found: Results) -> None:
        if rule.CODE in found.get(coverage.CRASHED, {}):
            self.crashed(rule, path, found[coverage.CRASHED][rule.CODE])
        for cause in found.get(coverage.SKIPPED, {}).get(rule.CODE, []):
            self.skips.add(_resolved(self.project.root / cause), rule.CODE, shown_path(path, Path.cwd()))
        if rule.CODE in found:
            self.judged.setdefault(path, set()).add(rule.CODE)
        self.emit(rule, path, [as_problem(self.project.root, row) for row in found.get(rule.CODE, [])], complete=True)

    def corpus_rule(self, rule: ModuleType, every: Paths, results: dict[Path, Results]) -> None:
        """Combine a corpus rule's summaries, unless a file it needs cannot be read (noted at
        that file when it is checked) or its summary of a file crashed (reported there)."""
        broken = [p for kind in kinds(rule) for p in every[kind] if rule.CODE in results[p].get(coverage.CRASHED, {})]
        for path in broken:
            self.crashed(rule, path, results[path][coverage.CRASHED][rule.CODE], f" ({rule.CODE} was not checked on the corpus)")
        causes = coverage.corpus_causes(rule, self.project, every, results)
        for cause in causes:
            if _resolved(cause) in self.wanted:
                self.skips.add(_resolved(cause), rule.CODE, "the corpus")
        if broken or causes:
            return
        try:
            problems = call(rule, self.project, _summaries(rule, every, results, self.restricted, self.lasting))
        except RuleCrash as crash:
            self.crashed(rule, self.project.root, str(crash))
            return
        self.corpus_codes.add(rule.CODE)
        self.emit(rule, self.project.root, problems)

    def notes(self) -> None:
        """One info finding at each unreadable file that kept rules from running."""
        for cause, problem, note in self.skips.notes(self.project):
            self.emit(RULES[problem.code], cause, [note], severity=Severity.INFO)

    def suppress(self, rules: list[ModuleType], results: dict[Path, Results]) -> None:
        """Drop the findings a suppression comment silences; report the suppressions that
        silence nothing their rules could have said (when those rules are selected)."""
        ledger = suppression.Ledger()
        for path in self.wanted:
            ledger.add(path, suppression.from_rows(results.get(path, {}).get(coverage.SUPPRESSIONS, [])))
        self.findings = [f for f in self.findings if f.severity is Severity.INFO or f.slug == INTERNAL
                         or not ledger.silences(_resolved(Path(f.path)), f.line, f.code)]
        for rule in rules:
            if rule.TARGET != "suppressions":
                continue
            for path in sorted(ledger.by_path):
                if (path.suffix == ".xml") == (rule.KIND == "tei"):
                    judged = self.judged.get(path, set()) | self.corpus_codes
                    for s, codes in ledger.unused(path, judged):
                        self.emit(rule, path, rule.check(s, codes))


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
        ignore: Iterable[str] = (), jobs: int = 1, cache: bool | FindingsCache = False) -> list[Finding]:
    """All findings for ``paths`` (default: the whole project), sorted by place.

    ``jobs``: worker processes for the file-scoped rules; ``cache``: reuse the findings of
    unchanged files and the parsed YAML kept in ``build/cache/`` (and update them), or a
    :class:`~.incremental.FindingsCache` kept between runs (the language server's). The
    project then reads YAML positions in the parsing pass (:attr:`Project.eager_positions`).
    """
    with _no_cyclic_gc():
        return _run(project, paths, select, ignore, jobs, cache)


def _run(project: Project, paths: Iterable[Path], select: Iterable[str], ignore: Iterable[str],
         jobs: int, cache: bool | FindingsCache) -> list[Finding]:
    rules = select_rules(select, ignore)
    paths = [Path(p) for p in paths]
    tei_paths, yaml_paths = _targets(project, paths)
    wanted = {p.resolve() for p in (*tei_paths, *yaml_paths)}
    report = _Report(project, wanted, whole=not paths)
    if cache:
        project.use_cache()
    project.eager_positions = True
    every: Paths = {"tei": project.tei_paths(), "yaml": project.yaml_paths()}
    tasks = _tasks(rules, {"tei": tei_paths, "yaml": yaml_paths}, every)
    if isinstance(cache, FindingsCache):
        cache.begin(project)
        report.lasting = True
    results = _file_results(project, tasks, jobs, cache if isinstance(cache, FindingsCache) else
                            FindingsCache(project) if cache else None, wanted, not paths)
    for rule in rules:
        if rule.TARGET == "corpus":
            report.corpus_rule(rule, every, results)
        elif rule.TARGET in ("tei", "yaml"):
            for path in tei_paths if rule.TARGET == "tei" else yaml_paths:
                report.file_rule(rule, path, results[path])
    report.notes()
    report.suppress(rules, results)
    return sorted(report.findings, key=lambda f: f.sort_key)
