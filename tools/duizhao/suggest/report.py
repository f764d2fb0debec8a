"""The evaluation report on disk: where ``duizhao evaluate`` writes it, what it was computed
on, and reading it back for the site.

The report records a digest of the corpus and annotation files it was computed from, so a
reader of the published evaluation can tell whether it still describes the annotations
beside it (:attr:`Published.status` ``current``) or an earlier state (``stale``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diskcache import digest

RELATIVE_PATH = Path("build") / "evaluation.json"
_REQUIRED = ("generated", "documents", "results")


def default_path(root: Path) -> Path:
    return Path(root) / RELATIVE_PATH


def inputs_digest(root: Path) -> str:
    """Digest of the names and bytes of every TEI document and every annotation/registry file."""
    root = Path(root)
    files = sorted([*root.glob("corpus/*.xml"), *root.glob("annotations/*.yaml")])
    return digest(*(part for path in files for part in (path.relative_to(root).as_posix(), path.read_bytes())))


@dataclass(frozen=True)
class Published:
    """What the site can say about the evaluation: the report, if any, and how it stands."""

    status: str  # missing | unreadable | stale | current
    report: dict[str, Any] | None = None
    problem: str = ""


def read(root: Path, path: Path | None = None) -> Published:
    """The report at ``path`` (default ``build/evaluation.json``), judged against the files now."""
    path = Path(path) if path is not None else default_path(root)
    if not path.is_file():
        return Published("missing")
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Published("unreadable", problem=f"{path}: not a JSON evaluation report ({exc})")
    if not isinstance(report, dict) or any(key not in report for key in _REQUIRED):
        return Published("unreadable", problem=f"{path}: not an evaluation report (needs {', '.join(_REQUIRED)})")
    current = report.get("inputs") == inputs_digest(root)
    return Published("current" if current else "stale", report)
