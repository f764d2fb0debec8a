"""Run the selected rules over the selected files and collect findings."""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from ..project import Project
from .finding import Finding, Problem
from .rules import RULES

# ``duizhao: ignore[T002] reason`` in an XML or YAML comment, on the finding's line
# or the line above; the reason is required.
_SUPPRESS = re.compile(r"duizhao:\s*ignore\[([A-Z0-9, ]+)\]\s*[-—:]*\s*(\S.*)")


class UsageError(Exception):
    """Bad command-line input (exit 2)."""


class RuleCrash(Exception):
    """A rule raised: a bug in duizhao, reported without a traceback (exit 2)."""


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


@lru_cache(maxsize=None)
def _display(path: Path, cwd: Path) -> str:
    """``path`` relative to the working directory when inside it (as editors expect)."""
    try:
        return str(path.relative_to(_resolved(cwd)))
    except ValueError:
        return str(path)


def _suppressed(finding: Finding, lines_of) -> bool:
    lines = lines_of(finding.path)
    for ln in (finding.line, finding.line - 1):
        if 1 <= ln <= len(lines):
            m = _SUPPRESS.search(lines[ln - 1])
            if m and finding.code in {c.strip() for c in m.group(1).split(",")}:
                return True
    return False


def _call(rule: ModuleType, *args) -> list[Problem]:
    try:
        return list(rule.check(*args))
    except Exception as exc:  # a bug, not bad input: say which rule, no traceback
        raise RuleCrash(f"rule {rule.CODE} ({rule.SLUG}) failed: {type(exc).__name__}: {exc}") from exc


def run(project: Project, paths: Iterable[Path] = (), select: Iterable[str] = (),
        ignore: Iterable[str] = ()) -> list[Finding]:
    """All findings for ``paths`` (default: the whole project), sorted by place."""
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
                path=_display(path, Path.cwd()), line=max(pr.line, 1), col=max(pr.col, 1),
                code=rule.CODE, slug=rule.SLUG, severity=rule.SEVERITY, message=pr.message,
                url=f"rules/#{rule.CODE.lower()}", fix=pr.fix,
            ))

    for rule in rules:
        if rule.TARGET == "tei":
            for path in tei_paths:
                emit(rule, path, _call(rule, project.tei(path), project))
        elif rule.TARGET == "yaml":
            for path in yaml_paths:
                emit(rule, path, _call(rule, project.yaml(path), project))
        else:
            emit(rule, project.root, _call(rule, project))

    cache: dict[str, list[str]] = {}

    def lines_of(name: str) -> list[str]:
        if name not in cache:
            try:
                cache[name] = Path(name).read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                cache[name] = []
        return cache[name]

    return sorted((f for f in findings if not _suppressed(f, lines_of)), key=lambda f: f.sort_key)
