"""What a check reports: a finding with its place, rule and severity."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # what a check could not look at, and why (never fails a check, even with --strict)


INTERNAL = "internal-error"
"""The slug of a finding that reports a rule's crash on a file: a bug in duizhao, which
makes ``duizhao check`` exit 2 once every other rule and file has been checked."""


@dataclass(frozen=True)
class Problem:
    """What a rule yields: a place and a message (the framework adds the rest)."""

    line: int
    col: int
    message: str
    path: Path | None = None  # defaults to the file the rule was given
    fix: str | None = None  # a description of the safe fix ``--fix`` would apply


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    col: int
    code: str
    slug: str
    severity: Severity
    message: str
    url: str
    fix: str | None = None

    def as_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        return d

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.code)
