"""Lookups the annotation rules share: registry entries by id and where they are written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..memo import per_project
from ..project import REGISTRIES, Project


@per_project
def entries_by_id(project: Project) -> dict[str, dict[str, dict[str, Any]]]:
    """``{registry: {id: entry}}`` (the first entry wins when an id repeats)."""
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


def where(node: Any, key: str = "id", index: int | None = None) -> tuple[int, int]:
    """1-based (line, col) of ``node[key]`` (or of item ``index`` of the list ``node[key]``)."""
    if not hasattr(node, "lc") or key not in node:
        return 1, 1
    value = node[key]
    if index is not None and hasattr(value, "lc") and index < len(value):
        line, col = value.lc.item(index)
    else:
        line, col = node.lc.key(key)
    return line + 1, col + 1
