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
from ...registries import registries

CODE = "E001"
SLUG = "unknown-entity"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("entities",)  # see check.coverage


def check(item, project):
    found = registries(project)
    known = found.entities
    if item.kind == "entities":
        for entity in found.records("entities"):
            if entity.parent is not None and entity.parent not in known:
                yield Problem(*found.position(entity, "parent"),
                              f"entity {entity.id!r}: parent {entity.parent!r} is not a registered entity")
    elif item.kind == "annotations":
        for ann in annotations.load(project).file(item.path).annotations:
            if ann.active and ann.entity is not None and ann.entity not in known:
                yield Problem(*ann.position("entity"), f"{ann.id}: entity {ann.entity!r} is not in annotations/entities.yaml")
