"""Text edits that rules offer as fixes in annotator YAML: set a key of an annotation, take
one out. Each touches the lines of that key only (comments, order and layout elsewhere stay
as written); where the layout is unusual (a value over several lines, a flow mapping) no
edit is offered rather than a guess."""

from __future__ import annotations

import json

from .. import yamlio
from ..annotations import Annotation
from .finding import Edit
from .places import yaml_line_end


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain where it reads back as itself, else double-quoted."""
    plain = value.strip() == value and value and "#" not in value and ": " not in value
    if plain:
        try:
            if yamlio.loads(f"k: {value}\n") == {"k": value}:
                return value
        except yamlio.YAMLProblem:
            pass
    return json.dumps(value, ensure_ascii=False)


def _lines(ann: Annotation) -> list[str]:
    return ann.file.text.removeprefix(yamlio.BOM).splitlines()


def _single_line(ann: Annotation, key: str) -> tuple[int, int, str] | None:
    """(line, col, text of the line) of ``key`` when its value is written on its line alone
    (the next line is indented no deeper than the key), else None."""
    if key not in ann.node:
        return None
    line, col = ann.position(key)
    lines = _lines(ann)
    if not 1 <= line <= len(lines) or not lines[line - 1][col - 1:].startswith(f"{key}:"):
        return None
    after = lines[line] if line < len(lines) else ""
    if after.strip() and not after.lstrip().startswith("#") and len(after) - len(after.lstrip()) >= col:
        return None
    if lines[line - 1][col - 1 + len(key) + 1:].strip()[:1] in ("|", ">", ""):
        return None  # a block scalar or a value on the next lines
    return line, col, lines[line - 1]


def set_key(ann: Annotation, key: str, value: str, after: str) -> Edit | None:
    """Set ``key: value`` in ``ann``: replace the value where the key is written, else insert
    a line right after the key ``after``."""
    here = _single_line(ann, key)
    if here is not None:
        line, col, text = here
        start = col - 1 + len(key) + 1
        start += len(text[start:]) - len(text[start:].lstrip())
        return Edit(line, start + 1, line, yaml_line_end(text, start) + 1, scalar(value))
    if key in ann.node:
        return None
    anchor = _single_line(ann, after)
    if anchor is None:
        return None
    line, col, _ = anchor
    return Edit.insert(line + 1, 1, f"{' ' * (col - 1)}{key}: {scalar(value)}\n")


def remove_key(ann: Annotation, key: str) -> Edit | None:
    """Take ``key`` (its line) out of ``ann``."""
    here = _single_line(ann, key)
    return None if here is None else Edit(here[0], 1, here[0] + 1, 1)
