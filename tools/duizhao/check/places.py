"""What a rule need not say about its problem: where the place ends, and what it concerns.

A rule yields a start (line, col); the end is the end of what starts there, on that line:
a YAML ``key: value`` up to its value (not a trailing comment), an XML start tag up to its
``>``, else the rest of the line. What the problem concerns (:data:`~.finding.CONCERNS`)
is read from the file at that line: in an annotation file the document (the file stem),
the annotation whose item holds the line and its segment; in a registry the entry; in a
TEI file the document and the segment (or its translation) whose element holds the line.
Worked out only for files with findings.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from pathlib import Path
from typing import Any

from ..project import REGISTRIES, Project, registry_key
from ..yamlio import BOM
from .finding import Problem


def yaml_comment_start(text: str, start: int = 0) -> int | None:
    """Where a YAML comment starts on a line (a ``#`` at the start or after a space, outside
    quotes), looking from ``start``; None when there is none."""
    quote = None
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"" and (i == 0 or text[i - 1] in " :-[{,"):
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return i
    return None


def yaml_line_end(text: str, start: int) -> int:
    """The end of a YAML line's content from ``start``: before a comment and trailing spaces."""
    comment = yaml_comment_start(text, start)
    return len(text[:comment].rstrip()) if comment is not None else len(text.rstrip())


def xml_line_end(text: str, start: int) -> int:
    """The end of an XML start tag at ``start`` (after indentation: rules place an element at
    its line), else of the line's content."""
    tag = len(text) - len(text[start:].lstrip()) if not text[:start].strip() else start
    if text[tag:tag + 1] == "<":
        close = text.find(">", tag)
        if close >= 0:
            return close + 1
    return len(text.rstrip())


class Places:
    """End positions and concerns in one file (a :class:`~duizhao.project.TEIFile` or
    :class:`~duizhao.project.YAMLFile` as the project read it)."""

    def __init__(self, item: Any):
        self.item = item

    @classmethod
    def of(cls, project: Project, path: Path) -> "Places":
        """The places of ``path`` as ``project`` reads it (none for what is not a TEI or YAML file)."""
        if not path.is_file() or path.suffix not in (".xml", ".yaml", ".yml"):
            return cls(None)
        return cls(project.tei(path) if path.suffix == ".xml" else project.yaml(path))

    @cached_property
    def lines(self) -> list[str]:
        try:
            return [] if self.item is None else self.item.text.removeprefix(BOM).splitlines()
        except OSError:
            return []

    def end(self, line: int, col: int) -> tuple[int, int]:
        """The (line, col) where the place starting at (line, col) ends (exclusive)."""
        if not 1 <= line <= len(self.lines):
            return line, col + 1
        text, start = self.lines[line - 1], max(col - 1, 0)
        end = xml_line_end(text, start) if self.item.kind == "tei" else yaml_line_end(text, start)
        return line, (end if end > start else start + 1) + 1  # at least one character

    def complete(self, problem: Problem) -> tuple[int, int, dict[str, str]]:
        """``(end_line, end_col, concerns)`` of ``problem``: as given, else worked out."""
        if problem.end_line is not None and problem.end_col is not None:
            end_line, end_col = problem.end_line, problem.end_col
        else:
            end_line, end_col = self.end(problem.line, problem.col)
        return end_line, end_col, {**self.at(problem.line), **dict(problem.concerns)}

    def at(self, line: int) -> dict[str, str]:
        """What the text at ``line`` is part of."""
        if self.item is None:
            return {}
        try:
            return self._tei_at(line) if self.item.kind == "tei" else self._yaml_at(line)
        except (AttributeError, TypeError, ValueError, IndexError):  # a file too broken to tell
            return {}

    # -- YAML ------------------------------------------------------------------------
    @cached_property
    def _items(self) -> tuple[str, list[int], list[Any]]:
        """(the list's key, start line of each item, the items) of the annotations or entries."""
        data, kind = self.item.data, self.item.kind
        key = registry_key(kind) if kind in REGISTRIES else "annotations"
        items = data.get(key) if isinstance(data, dict) else None
        if not isinstance(items, list):
            return key, [], []
        return key, [self.item.position((key, i))[0] for i in range(len(items))], items

    def _yaml_at(self, line: int) -> dict[str, str]:
        kind = self.item.kind
        out = {} if kind in REGISTRIES else {"document": self.item.path.stem}
        _, starts, items = self._items
        i = bisect_right(starts, line) - 1
        if i < 0 or not isinstance(items[i], dict):
            return out
        rid, segment = items[i].get("id"), items[i].get("segment")
        if isinstance(rid, str):
            out["entry" if kind in REGISTRIES else "annotation"] = rid
        if isinstance(segment, str) and kind not in REGISTRIES:
            out["segment"] = segment
        return out

    # -- TEI ---------------------------------------------------------------------------
    @cached_property
    def _segments(self) -> list[tuple[int, int, str]]:
        """(first line, last line, segment id) of each segment and translation element."""
        doc = self.item.doc
        out = []
        for seg_id, el in [*((s.id, s.element) for s in doc.segments),
                           *((t.segment, el) for t, el in self._translation_elements(doc))]:
            if el is None or not el.sourceline:
                continue
            after = el.xpath("following::*[1]")
            last = after[0].sourceline if after and after[0].sourceline else el.sourceline
            out.append((el.sourceline, max(last, el.sourceline), seg_id))
        return out

    @staticmethod
    def _translation_elements(doc: Any) -> list[tuple[Any, Any]]:
        by_line = {t.line: t for t in doc.translations.values()}
        return [(by_line[el.sourceline], el) for el in doc.root.iter("{*}ab") if el.sourceline in by_line]

    def _tei_at(self, line: int) -> dict[str, str]:
        doc = self.item.doc
        if doc is None:
            return {"document": self.item.path.stem}
        out = {"document": doc.id}
        inside = [(first, seg) for first, last, seg in self._segments if first <= line <= last]
        if inside:
            out["segment"] = max(inside)[1]
        return out
