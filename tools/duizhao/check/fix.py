"""``duizhao check --fix``: the rules' own fixes, applied as text edits (Ruff's model).

A fixable rule declares ``FIX = "safe"`` or ``"unsafe"`` (:class:`~.finding.Safety`) and
attaches a :class:`~.finding.Fix` (a title and text edits) to the findings it can mend.
``--fix`` applies the safe fixes of the selected rules (``--select``/``--ignore`` apply),
``--unsafe-fixes`` the unsafe ones too. Edits replace the text they name and nothing else,
so comments, key order and layout elsewhere stay as written. In each pass a file takes
every fix whose edits do not overlap an earlier one's; the file is checked again and the
next pass takes what a fix made possible or what overlapped, until nothing is left (at
most :data:`MAX_PASSES`). A result that would no longer parse is not written (a bug in a
fix: said so). The same edits are the language server's code actions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlio
from ..xmlsafe import XMLProblem, parse_bytes
from .finding import Edit, Finding, Fix, Safety

MAX_PASSES = 10


def offsets(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (and one past the end)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _offset(starts: list[int], text: str, line: int, col: int) -> int:
    if line > len(starts) or (line == len(starts) and starts[-1] == len(text) and col > 1):
        return len(text)
    return min(starts[line - 1] + col - 1, len(text))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied (an insertion past the end starts a line)."""
    starts = offsets(text)
    spans = sorted(((_offset(starts, text, e.line, e.col), _offset(starts, text, e.end_line, e.end_col), e.content)
                    for e in edits), key=lambda s: (s[0], s[1]))
    out, at = [], 0
    for start, end, content in spans:
        out.append(text[at:start])
        if start == len(text) and text and not text.endswith("\n") and content:
            content = "\n" + content
        out.append(content)
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and bool(fix.edits) and (fix.safety is Safety.SAFE or (unsafe and fix.safety is Safety.UNSAFE))


def _span(edit: Edit) -> tuple[tuple[int, int], tuple[int, int]]:
    return (edit.line, edit.col), (edit.end_line, edit.end_col)


def compatible(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes, in order, that touch no text an earlier one touches (the rest wait a pass)."""
    taken: list[tuple[tuple[int, int], tuple[int, int]]] = []
    chosen = []
    for fix in fixes:
        spans = [_span(e) for e in fix.edits]
        if any(a < d and c < b or a == b == c == d for a, b in spans for c, d in taken):
            continue
        chosen.append(fix)
        taken += spans
    return chosen


def still_readable(path: Path, text: str) -> bool:
    """Whether a fixed file still parses (a fix must never break a file)."""
    try:
        if path.suffix == ".xml":
            parse_bytes(text.encode("utf-8"))
        else:
            yamlio.loads(text)
    except (XMLProblem, yamlio.YAMLProblem):
        return False
    return True


@dataclass
class Outcome:
    """What ``--fix`` did: the codes fixed in each file, and the files it refused to write."""

    fixed: dict[Path, list[str]] = field(default_factory=lambda: defaultdict(list))
    refused: dict[Path, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(map(len, self.fixed.values()))

    def notes(self, shown: Callable[[Path], str]) -> list[str]:
        lines = [f"{shown(p)}: fixed {len(codes)} finding(s) ({', '.join(sorted(set(codes)))})"
                 for p, codes in sorted(self.fixed.items())]
        return lines + [f"{shown(p)}: not fixed: {why}" for p, why in sorted(self.refused.items())]


def apply_findings(findings: list[Finding], unsafe: bool, root: Path, outcome: Outcome) -> int:
    """Apply the applicable fixes of ``findings`` to their files; the number applied."""
    by_path: dict[Path, list[Finding]] = defaultdict(list)
    for f in findings:
        if applicable(f.fix, unsafe):
            path = Path(f.path) if Path(f.path).is_absolute() else Path.cwd() / f.path
            by_path[path.resolve()].append(f)
    applied = 0
    for path, found in by_path.items():
        if path in outcome.refused:
            continue
        found.sort(key=lambda f: (f.line, f.col, f.code))
        chosen = compatible(f.fix for f in found)
        text = path.read_text(encoding="utf-8")
        new = apply_edits(text, [e for fix in chosen for e in fix.edits])
        if new == text:
            continue
        if not still_readable(path, new):
            outcome.refused[path] = "the fixes would leave it unreadable (a bug in duizhao: please report it)"
            continue
        yamlio.atomic_write(path, new)
        codes = {id(f.fix): f.code for f in found}
        outcome.fixed[path] += [codes[id(fix)] for fix in chosen]
        applied += len(chosen)
    return applied


def fix_until_stable(check: Callable[[], list[Finding]], unsafe: bool, root: Path) -> tuple[list[Finding], Outcome]:
    """Check, fix, check again until no fix applies; the last findings and what was fixed.
    ``check`` runs the check afresh (a new project: the files changed)."""
    outcome = Outcome()
    for _ in range(MAX_PASSES):
        findings = check()
        if not apply_findings(findings, unsafe, root, outcome):
            return findings, outcome
    return check(), outcome
