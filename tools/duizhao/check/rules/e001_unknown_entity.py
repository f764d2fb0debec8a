"""E001 unknown-entity — an annotation or registry entry names an entity id that is not registered.

**What it does.** Looks up the `entity` of every accepted or proposed entity annotation,
and the `parent` of every entry of `annotations/entities.yaml`, among the entity ids.
(A figure's `scope` is checked by F005.)

**Why.** The site builds each entity's page, names and mention list from the registry;
an unknown id leaves a mention without a referent and breaks the entity index.

**Bad.** `entity: luxhsare`

**Good.** `entity: luxshare`
"""

from ... import annotations
from ..finding import Problem, Severity
from ..registry import entries_by_id, where

CODE = "E001"
SLUG = "unknown-entity"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("entities",)  # see check.coverage


def check(item, project):
    known = entries_by_id(project)["entities"]
    if item.kind == "entities":
        for entry in project.registry("entities"):
            parent = entry.get("parent")
            if isinstance(parent, str) and parent not in known:
                yield Problem(*where(project, entry, "parent"), f"entity {entry.get('id')!r}: parent {parent!r} is not a registered entity")
    elif item.kind == "annotations":
        for ann in annotations.load(project).file(item.path).annotations:
            if ann.active and ann.entity is not None and ann.entity not in known:
                yield Problem(*ann.position("entity"), f"{ann.id}: entity {ann.entity!r} is not in annotations/entities.yaml")
