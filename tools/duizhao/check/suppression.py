"""Suppression comments: ``duizhao: ignore[CODES] reason`` in a YAML or XML comment.

A suppression on line L silences the listed codes' findings on line L and L + 1 (the
finding's line or the line above it). It needs a reason: one without (X011, Y009)
silences nothing. One that silences nothing its rules could have reported (X012, Y010) is
reported too, with a safe fix that removes the codes (or the whole comment).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass
from pathlib import Path

from .finding import Edit, Fix, Problem
from .places import yaml_comment_start

_DIRECTIVE = re.compile(r"duizhao:\s*ignore\[([^\]\n]*)\]([^\n]*)")
_XML_COMMENT = re.compile(r"<!--.*?(?:-->|$)")


@dataclass(frozen=True)
class Suppression:
    """One directive: where its comment is (1-based line, columns from its ``#`` or ``<!--``
    to its end, exclusive), the codes and the reason (``""``: none)."""

    line: int
    col: int
    end_col: int
    codes: tuple[str, ...]
    reason: str
    codes_col: int  # where the text between the brackets starts
    alone: bool  # the comment is all there is on its line
    closed: bool  # the whole comment is on this line (an XML comment may go on)
    inner: str  # the text between the brackets as written
    before: int  # where the spaces before the comment start

    def covers(self, line: int) -> bool:
        return line in (self.line, self.line + 1)

    def removal(self, unused: Iterable[str]) -> Fix | None:
        """The fix that takes the ``unused`` codes out, or the whole comment when none is left."""
        unused = set(unused)
        kept = [c for c in self.codes if c not in unused]
        if kept:
            inner = ", ".join(kept)
            return Fix(f"remove {', '.join(sorted(unused))} from the suppression",
                       (Edit(self.line, self.codes_col, self.line, self.codes_col + len(self.inner), inner),))
        if not self.closed:
            return None
        if self.alone:
            return Fix("remove the suppression comment", (Edit(self.line, 1, self.line + 1, 1),))
        return Fix("remove the suppression comment", (Edit(self.line, self.before, self.line, self.end_col),))


def _reason(rest: str, xml: bool) -> str:
    if xml:
        rest = rest.split("-->", 1)[0]
    return rest.strip().lstrip("-—:").strip()


def parse(text: str, xml: bool) -> list[Suppression]:
    """Every suppression in ``text`` (an XML file when ``xml``), in line order."""
    if "duizhao:" not in text:
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "duizhao:" not in line:
            continue
        if xml:
            comment = next((m for m in _XML_COMMENT.finditer(line) if "duizhao:" in m.group()), None)
            if comment is None:
                continue
            start, end, closed = comment.start(), comment.end(), comment.group().endswith("-->")
        else:
            start = yaml_comment_start(line)
            if start is None or "duizhao:" not in line[start:]:
                continue
            end, closed = len(line.rstrip()), True
        m = _DIRECTIVE.search(line, start, end)
        if m is None:
            continue
        codes = tuple(c.strip().upper() for c in m.group(1).split(",") if c.strip())
        before = len(line[:start].rstrip())
        found.append(Suppression(
            line=number, col=start + 1, end_col=end + 1, codes=codes, reason=_reason(m.group(2), xml),
            codes_col=m.start(1) + 1, alone=not line[:start].strip() and not line[end:].strip(), closed=closed,
            inner=m.group(1), before=before + 1,
        ))
    return found


def as_rows(found: list[Suppression]) -> list[tuple]:
    """Plain tuples (for the findings cache); :func:`from_rows` reverses."""
    return [astuple(s) for s in found]


def from_rows(rows: list[tuple]) -> list[Suppression]:
    return [Suppression(*row) for row in rows]


def without_reason(text: str, xml: bool) -> Iterator[Problem]:
    """X011, Y009: the suppressions of ``text`` that give no reason."""
    for s in parse(text, xml):
        if not s.reason:
            codes = ", ".join(s.codes) or "nothing"
            yield Problem(s.line, s.col, f"suppression of {codes} gives no reason, so it suppresses nothing: "
                                         "say why after the codes", end_line=s.line, end_col=s.end_col)


def unused(s: Suppression, codes: list[str]) -> Iterator[Problem]:
    """X012, Y010: the problem of suppression ``s`` whose ``codes`` silenced nothing."""
    from .rules import RULES as known

    named = [c for c in codes if c in known]
    parts = [f"no {', '.join(named)} finding on this line or the next"] if named else []
    parts += [f"{c} is no rule" for c in codes if c not in known]
    yield Problem(s.line, s.col, f"unused suppression of {', '.join(codes)}: {'; '.join(parts)}",
                  fix=s.removal(codes), end_line=s.line, end_col=s.end_col)


class Ledger:
    """The suppressions (with a reason) of the files checked, and which of their codes were used."""

    def __init__(self) -> None:
        self.by_path: dict[Path, list[Suppression]] = {}
        self.used: set[tuple[Path, int, str]] = set()  # (path, suppression line, code)

    def add(self, path: Path, found: list[Suppression]) -> None:
        kept = [s for s in found if s.reason]
        if kept:
            self.by_path[path] = kept

    def silences(self, path: Path, line: int, code: str) -> bool:
        """Whether a suppression covers a finding of ``code`` at ``line`` (and note it used)."""
        for s in self.by_path.get(path, ()):
            if code in s.codes and s.covers(line):
                self.used.add((path, s.line, code))
                return True
        return False

    def unused(self, path: Path, judged: set[str]) -> Iterator[tuple[Suppression, list[str]]]:
        """``(suppression, its unused codes)`` in ``path``: codes whose rule ran there (``judged``)
        and silenced nothing, and codes that name no rule."""
        from .rules import RULES

        for s in self.by_path.get(path, ()):
            codes = [c for c in s.codes if (c in judged or c not in RULES) and (path, s.line, c) not in self.used]
            if codes:
                yield s, codes
