"""What a check reports: a finding with its place (start and end), rule, severity, what it
concerns (document, segment, annotation, registry entry) and, when the rule can mend it, a
fix: text edits marked safe or unsafe (Ruff's model; :mod:`.fix` applies them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # what a check could not look at, and why (never fails a check, even with --strict)


class Safety(str, Enum):
    """How far a fix can be trusted: ``--fix`` applies safe ones, ``--unsafe-fixes`` the rest."""

    SAFE = "safe"  # the data keeps its meaning (a modeline, a byte-order mark, a context that was certain)
    UNSAFE = "unsafe"  # probably right, but it may change what the annotation says: read it after


INTERNAL = "internal-error"
"""The slug of a finding that reports a rule's crash on a file: a bug in duizhao, which
makes ``duizhao check`` exit 2 once every other rule and file has been checked."""


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, col) up to (end_line, end_col), exclusive, with ``content``
    (1-based lines, columns in characters, as in every finding; equal ends insert)."""

    line: int
    col: int
    end_line: int
    end_col: int
    content: str = ""

    @classmethod
    def insert(cls, line: int, col: int, content: str) -> "Edit":
        return cls(line, col, line, col, content)

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "col": self.col, "end_line": self.end_line, "end_col": self.end_col,
                "content": self.content}


@dataclass(frozen=True)
class Fix:
    """What a rule would change: a title (``add prefix '同比'``) and the edits, all or none.
    ``safety`` is the rule's declared ``FIX`` unless the rule says otherwise for this fix."""

    title: str
    edits: tuple[Edit, ...]
    safety: Safety | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "applicability": self.safety.value if self.safety else None,
                "edits": [e.as_dict() for e in self.edits]}

    def as_tuple(self) -> tuple:
        return (self.title, self.safety.value if self.safety else None, tuple(map(_edit_tuple, self.edits)))

    @classmethod
    def from_tuple(cls, row: tuple) -> "Fix":
        title, safety, edits = row
        return cls(title, tuple(Edit(*e) for e in edits), Safety(safety) if safety else None)


def _edit_tuple(edit: Edit) -> tuple:
    return (edit.line, edit.col, edit.end_line, edit.end_col, edit.content)


CONCERNS = ("document", "segment", "annotation", "entry")
"""What a finding is about, beside its place: the document id, the segment id (in the TEI
or named by the annotation), the annotation id, the registry entry id. Found from the place
when the rule does not say (:mod:`.places`)."""


@dataclass(frozen=True)
class Problem:
    """What a rule yields: a place and a message (the framework adds the rest). The end of
    the place, and what the problem concerns, are worked out from the file when not given."""

    line: int
    col: int
    message: str
    path: Path | None = None  # defaults to the file the rule was given
    fix: Fix | None = None
    end_line: int | None = None
    end_col: int | None = None
    concerns: tuple[tuple[str, str], ...] = ()  # (CONCERNS name, id) pairs the rule knows


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
    fix: Fix | None = None
    end_line: int = 0  # 0: unknown (then the end of the start line)
    end_col: int = 0
    concerns: dict[str, str] = field(default_factory=dict, compare=False)

    def as_dict(self) -> dict:
        """The JSON form: place, rule, message, what it concerns, the fix (or null)."""
        d = {"path": self.path, "line": self.line, "col": self.col, "end_line": self.end_line,
             "end_col": self.end_col, "code": self.code, "slug": self.slug, "severity": self.severity.value,
             "message": self.message, "url": self.url}
        d.update({name: self.concerns.get(name) for name in CONCERNS})
        d["fix"] = self.fix.as_dict() if self.fix else None
        return d

    @classmethod
    def from_dict(cls, row: dict) -> "Finding":
        """The finding :meth:`as_dict` gave (a report kept as JSON)."""
        fix = row.get("fix")
        edits = tuple(Edit(**e) for e in fix["edits"]) if fix else ()
        return cls(path=row["path"], line=row["line"], col=row["col"], code=row["code"], slug=row["slug"],
                   severity=Severity(row["severity"]), message=row["message"], url=row["url"],
                   fix=Fix(fix["title"], edits, Safety(fix["applicability"]) if fix["applicability"] else None) if fix else None,
                   end_line=row.get("end_line", 0), end_col=row.get("end_col", 0),
                   concerns={name: row[name] for name in CONCERNS if row.get(name)})

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, self.code)

    def with_fix(self, fix: Fix | None) -> "Finding":
        return replace(self, fix=fix)
