"""Why a YAML file cannot be read, worded for the annotator: syntax errors, duplicate keys,
refused input.

Input is bounded before anything is built from it (:func:`bounded`, and the same checks in
:mod:`duizhao.yamlio`'s fast reader): anchors and aliases are refused (Y006: ten lines of
them stand for 10**10 values), and so are files, values and nesting beyond
:mod:`duizhao.limits` (Y007). Syntax errors (Y001) are placed where the annotator can fix
them: a quoted string left open is reported where it starts, not where the parser gave up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .limits import MAX_FILE_BYTES, MAX_YAML_DEPTH, MAX_YAML_SCALAR_CHARS, size


@dataclass(frozen=True)
class YAMLProblem(Exception):
    """Why a YAML file could not be read."""

    code: str  # Y001 syntax, Y002 duplicate key, Y006 anchor or alias, Y007 beyond a limit
    message: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.message}"


# -- refused input ----------------------------------------------------------------------
def refused(event: Any) -> YAMLProblem:
    """The refusal of an anchored node or an alias ``event``."""
    mark = event.start_mark
    what = f"alias *{event.anchor}" if isinstance(event, ev.AliasEvent) else f"anchor &{event.anchor}"
    return YAMLProblem("Y006", f"{what} refused: annotator files may not use YAML anchors and aliases "
                       "(write the value out)", mark.line + 1, mark.column + 1)


def too_deep(event: Any) -> YAMLProblem:
    mark = event.start_mark
    return YAMLProblem("Y007", f"nesting deeper than {MAX_YAML_DEPTH} levels refused (annotator files need 4; "
                       "an unclosed bracket?)", mark.line + 1, mark.column + 1)


def too_long(event: Any) -> YAMLProblem:
    mark = event.start_mark
    return YAMLProblem("Y007", f"a value of {len(event.value):,} characters refused "
                       f"(the limit is {MAX_YAML_SCALAR_CHARS:,})", mark.line + 1, mark.column + 1)


def too_large(nbytes: int) -> YAMLProblem:
    """The refusal of a file of ``nbytes`` (above :data:`~duizhao.limits.MAX_FILE_BYTES`)."""
    return YAMLProblem("Y007", f"file of {size(nbytes)} refused (the limit is {size(MAX_FILE_BYTES)})")


def sized(text: str) -> None:
    """Refuse a text over the file size limit."""
    if len(text) > MAX_FILE_BYTES:  # characters: a lower bound of the bytes
        raise too_large(len(text.encode("utf-8", errors="replace")))


def bounded(text: str) -> None:
    """Raise the first :class:`YAMLProblem` of refused input in ``text`` (anchors, aliases, a
    file, value or nesting beyond the limits), looking at parser events only, before
    anything is composed from them (composing and building are recursive, and aliases
    multiply what they build). A syntax error ends the scan: the loaders word it."""
    sized(text)
    depth = 0
    try:
        for event in YAML(typ="safe", pure=False).parse(text):
            kind = type(event)
            if kind is ev.ScalarEvent:
                if event.anchor is not None:
                    raise refused(event)
                if len(event.value) > MAX_YAML_SCALAR_CHARS:
                    raise too_long(event)
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                if event.anchor is not None:
                    raise refused(event)
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise too_deep(event)
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                depth -= 1
            elif kind is ev.AliasEvent:
                raise refused(event)
    except YAMLProblem:
        raise
    except Exception:  # a syntax error: the loaders word it
        return


def worded(load: Callable[[], Any], text: str) -> Any:
    """``load()`` of ``text``, with ruamel.yaml's errors turned into :class:`YAMLProblem` with
    line and column (1-based)."""
    try:
        return load()
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = (exc.problem or "").split('"')[1] if '"' in (exc.problem or "") else "?"
        first = exc.context_mark.line + 1 if exc.context_mark else "?"
        raise YAMLProblem("Y002", f"duplicate key {key!r} (first defined at line {first})",
                          mark.line + 1, mark.column + 1) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = exc.context
        if context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            context += f" (started at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
        message = ": ".join(filter(None, [context, exc.problem])) or "invalid YAML"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _unclosed_quote(text, exc) or YAMLProblem("Y001", f"YAML syntax error: {message}", line, col) from None
    except YAMLError as exc:  # reader errors (bad bytes, control characters)
        raise YAMLProblem("Y001", f"YAML syntax error: {exc}".splitlines()[0]) from None


# A line that starts a key or a list item: inside a quoted string it is where the string
# should have ended.
_STRUCTURE = re.compile(r"^\s*(- +)?[\w.-]+:(\s|$)")


def _unclosed_quote(text: str, exc: MarkedYAMLError) -> YAMLProblem | None:
    """The syntax error ``exc`` worded as a quoted string left open, when it is one: either
    the string runs to the end of the file, or it runs over lines that look like keys until
    the next quote closes it and the parser fails just after. Placed where the string
    starts, naming the line that probably lacks its closing quote."""
    problem = exc.problem_mark
    if problem is None:
        return None
    start = end = None
    if (exc.context or "").startswith("while scanning a quoted scalar") and exc.context_mark is not None:
        start, end = exc.context_mark, problem
    else:
        try:
            for token in YAML(typ="safe", pure=False).scan(text):
                if getattr(token, "style", None) in ('"', "'") and token.start_mark.line < token.end_mark.line <= problem.line:
                    start, end = token.start_mark, token.end_mark
        except Exception:  # the error itself: the tokens before it are all there is
            pass
    if start is None or problem.line - end.line > 1:
        return None
    lines = text.splitlines()
    inside = range(start.line + 1, min(end.line, len(lines) - 1) + 1)
    keylike = next((n for n in inside if _STRUCTURE.match(lines[n])), None)
    if keylike is None:
        return None
    quote = text[start.index] if start.index < len(text) and text[start.index] in "\"'" else '"'
    likely = keylike  # 0-based: the line before the first key inside the string, 1-based
    where = "this line" if likely == start.line + 1 else f"line {likely}"
    runs_to = f"line {end.line + 1}" if end.line < len(lines) else "the end of the file"
    return YAMLProblem("Y001", f"YAML syntax error: the string opened here with {quote} is not closed: "
                       f"a closing {quote} is probably missing at the end of {where} (the string runs on "
                       f"to {runs_to}, where the parser stopped: {exc.problem})",
                       start.line + 1, start.column + 1)
