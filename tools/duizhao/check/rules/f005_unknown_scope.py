"""F005 unknown-scope — a figure's scope (or the group a rank is among) is not a registered entity.

**What it does.** Looks up the `scope` and `rank_among` of every accepted or proposed
annotation among the ids of `annotations/entities.yaml`.

**Why.** The scope says whose figure it is (a city, a province, a company, a zone); the
figures explorer and the cross-document comparison (F004) group by it, so it must name
one registered entity.

**Bad.** `scope: jian` (the registry id is `jian-city`)

**Good.** `scope: jian-city`
"""

from ... import annotations
from ...registries import registries
from ..finding import Problem, Severity

CODE = "F005"
SLUG = "unknown-scope"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("entities",)  # see check.coverage


def check(item, project):
    if item.kind != "annotations":
        return
    known = registries(project).entities
    for ann in annotations.load(project).file(item.path).annotations:
        if not ann.active:
            continue
        for key in ("scope", "rank_among"):
            value = getattr(ann, key)
            if value is not None and value not in known:
                yield Problem(*ann.position(key), f"{ann.id}: {key} {value!r} is not an entity id of annotations/entities.yaml")
