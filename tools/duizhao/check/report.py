"""Output formats for findings: ``text`` (file:line:col), ``json`` and ``github``."""

from __future__ import annotations

import json
from collections import Counter

from .finding import Finding, Safety


def as_text(findings: list[Finding], unsafe: bool = False) -> str:
    """``file:line:col: CODE [severity] message (slug)``, ``[*]`` before a message ``--fix``
    can mend; a summary line, and how many findings ``--fix`` (``--unsafe-fixes``) would mend."""
    def fixable(f: Finding, with_unsafe: bool) -> bool:
        return f.fix is not None and (f.fix.safety is Safety.SAFE or with_unsafe)

    lines = [f"{f.path}:{f.line}:{f.col}: {f.code} [{f.severity.value}] {'[*] ' if fixable(f, unsafe) else ''}"
             f"{f.message} ({f.slug})" for f in findings]
    counts = Counter(f.severity.value for f in findings)
    if findings:
        notes = f", {counts['info']} note(s) on what was not checked" if counts.get("info") else ""
        lines.append(f"{len(findings)} finding(s): {counts.get('error', 0)} error(s), {counts.get('warning', 0)} warning(s){notes}")
        safe, hidden = sum(fixable(f, unsafe) for f in findings), sum(fixable(f, True) for f in findings)
        option = "--fix --unsafe-fixes" if unsafe else "--fix"
        if safe:
            lines.append(f"[*] {safe} fixable with `duizhao check {option}`")
        if hidden > safe:
            lines.append(f"{hidden - safe} more with `--unsafe-fixes` (unsafe: read the result)")
    else:
        lines.append("All checks passed.")
    return "\n".join(lines)


def as_json(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def as_github(findings: list[Finding]) -> str:
    """GitHub Actions workflow commands: annotations on the pull request's files."""
    return "\n".join(
        f"::{_GITHUB_LEVEL[f.severity.value]} "
        f"file={_gh_escape(f.path, True)},line={f.line},col={f.col},title={_gh_escape(f.code + ' ' + f.slug, True)}"
        f"::{_gh_escape(f.message)}"
        for f in findings
    )


FORMATS = {"text": as_text, "json": as_json, "github": as_github}
