"""Reading and rewriting annotator YAML files without losing anything.

Every read goes through ruamel.yaml's round-trip loader: duplicate keys are errors
(PyYAML would silently keep the last one), positions are kept for messages, and
comments, key order and formatting survive a rewrite. Writes are atomic.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

MODELINE_PREFIX = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class YAMLProblem(Exception):
    """Why a YAML file could not be read."""

    code: str  # Y001 syntax, Y002 duplicate key
    message: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.message}"


def round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _read_only(text: str) -> Any:
    """Round-trip data (positions, duplicate-key errors) without comments, 7x faster.

    ruamel.yaml's C parser (ruamel.yaml.clib) composes the node tree and its round-trip
    constructor builds CommentedMap/CommentedSeq with line/column information from it.
    Comments are not kept: use :func:`loads` for anything that will be written back.
    """
    yaml = YAML(typ="safe", pure=False)
    node = yaml.compose(text)
    if node is None:
        return None
    constructor = RoundTripConstructor(loader=round_trip())
    constructor.allow_duplicate_keys = False
    return constructor.construct_document(node)


def loads(text: str, read_only: bool = False) -> Any:
    """Parse YAML text or raise :class:`YAMLProblem` with line and column (1-based).

    ``read_only=True`` is the fast path for readers (checks, exports, site); rewriting
    tools use the default, which keeps comments.
    """
    try:
        return _read_only(text) if read_only else round_trip().load(text)
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
        raise YAMLProblem("Y001", f"YAML syntax error: {message}", line, col) from None
    except YAMLError as exc:  # reader errors (bad bytes, control characters)
        raise YAMLProblem("Y001", f"YAML syntax error: {exc}".splitlines()[0]) from None


def load(path: str | Path, read_only: bool = False) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YAMLProblem("Y001", f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    return loads(text, read_only)


def dumps(data: Any) -> str:
    buf = io.StringIO()
    round_trip().dump(data, buf)
    return buf.getvalue()


def atomic_write(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never half."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def position(node: Any, path: list[Any]) -> tuple[int, int]:
    """The 1-based (line, col) of the value at ``path`` inside a round-tripped document.

    Falls back to the nearest enclosing node whose position is known.
    """
    line, col = 1, 1
    for step in path:
        if isinstance(node, CommentedMap) and step in node:
            kl = node.lc.key(step)
            line, col = kl[0] + 1, kl[1] + 1
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            il = node.lc.item(step)
            line, col = il[0] + 1, il[1] + 1
            node = node[step]
        else:
            break
    return line, col
