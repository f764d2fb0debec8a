"""Lookups the annotation rules share: registry entries by id and where they are written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import annotations
from ..figures.cues import number_start
from ..memo import per_project
from ..project import REGISTRIES, Project, registry_key


@per_project
def entries_by_id(project: Project) -> dict[str, dict[str, dict[str, Any]]]:
    """``{registry: {id: entry}}`` (the first entry wins when an id repeats: Y005)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for name in REGISTRIES:
        table: dict[str, dict[str, Any]] = {}
        for entry in project.registry(name):
            if isinstance(entry.get("id"), str):
                table.setdefault(entry["id"], entry)
        out[name] = table
    return out


def registry_path(project: Project, name: str) -> Path:
    return project.annotations_dir / f"{name}.yaml"


@per_project
def _entry_paths(project: Project) -> dict[int, tuple[str, str, int]]:
    """``id(entry)`` → (registry, list key, index) for every entry of every registry."""
    out: dict[int, tuple[str, str, int]] = {}
    for name in REGISTRIES:
        for i, item in enumerate(project.registry_items(name)):
            if isinstance(item, dict):
                out[id(item)] = (name, registry_key(name), i)
    return out


def where(project: Project, entry: dict[str, Any], key: str = "id", sub: int | str | None = None) -> tuple[int, int]:
    """1-based (line, col) of a registry ``entry``'s ``key`` in its file, or of ``sub`` (an
    item index or a key) inside the value of ``key``; (1, 1) when the entry has no ``key``."""
    found = _entry_paths(project).get(id(entry))
    if found is None or key not in entry:
        return 1, 1
    name, list_key, index = found
    path: list[Any] = [list_key, index, key]
    value = entry[key]
    if sub is not None and (isinstance(value, dict) and sub in value
                            or isinstance(value, list) and isinstance(sub, int) and 0 <= sub < len(value)):
        path.append(sub)
    return project.yaml(registry_path(project, name)).position(path)


def file_annotations(item, project: Project) -> tuple[annotations.AnnotationIndex, list[annotations.Annotation]]:
    """The project's annotation index and the records of ``item`` (none unless ``item`` is
    an annotation file): the common start of every per-file annotation rule."""
    index = annotations.load(project)
    return index, (index.file(item.path).annotations if item.kind == "annotations" else [])


def unresolved(item, project: Project, status) -> Iterator[tuple[annotations.AnnotationIndex, annotations.Annotation, Any]]:
    """``(index, annotation, resolution)`` for each active annotation of ``item`` whose anchor
    resolves with ``status`` (an :class:`~duizhao.anchoring.Status`)."""
    index, anns = file_annotations(item, project)
    for ann in anns:
        res = index.resolution(ann) if ann.active else None
        if res is not None and res.status is status:
            yield index, ann, res


def figures_in_context(item, project: Project) -> Iterator[tuple[annotations.Annotation, str, str]]:
    """``(figure, text before its number, text after its quote)`` in its segment's zh text, for
    each active figure of ``item`` whose anchor resolves: the start of every rule that reads cue
    words (the quote's own words before the number count as before: 下降3.4%, 新增28家)."""
    index, anns = file_annotations(item, project)
    for ann in anns:
        if not ann.active or ann.type != "figure" or ann.value is None:
            continue
        span, seg = index.span(ann), index.segment(ann)
        if span is not None and seg is not None:
            yield ann, seg.zh[:span[0]] + ann.quote[:number_start(ann.quote)], seg.zh[span[1]:]
