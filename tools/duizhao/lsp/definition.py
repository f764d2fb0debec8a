"""Go to definition: an id to its registry entry, a segment to its TEI element (from an
annotation file, or from a translation's ``corresp`` in the TEI)."""

from __future__ import annotations

from pathlib import Path

from ..project import Project
from ..registries import registries
from .cursor import xml_cursor, yaml_cursor
from .lookup import REFERENCES, document_of
from .session import kind_of

Place = tuple[Path, int, int]  # file, 1-based line and column


def definition(project: Project, path: Path, text: str, line: int, character: int) -> Place | None:
    kind = kind_of(path)
    if kind == "tei":
        at = xml_cursor(text, line, character)
        target = at.value.lstrip("#") if at is not None and at.name in ("corresp", "who") else None
        return _segment(project, path, target) if target else None
    if kind is None:
        return None
    at = yaml_cursor(text, line, character)
    if at.key in REFERENCES and at.value:
        found = registries(project)
        rec = found.by_id(REFERENCES[at.key]).get(at.value)
        return None if rec is None else (found.path(rec.registry), *found.position(rec))
    if at.key == "segment" and at.value and kind == "annotations":
        return _segment(project, path, at.value)
    return None


def _segment(project: Project, path: Path, xml_id: str) -> Place | None:
    """Where the element with ``xml_id`` starts in the document of ``path``."""
    doc = document_of(project, path)
    if doc is None:
        return None
    element = next(iter(doc.root.xpath("//*[@xml:id=$id]", id=xml_id)), None)
    return None if element is None else (doc.path, *doc.position(element))
