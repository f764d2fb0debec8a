"""F002 unknown-indicator — a figure names an indicator that is not registered.

**What it does.** Looks up the `indicator` of every accepted or proposed annotation among
the ids of `annotations/indicators.yaml`.

**Why.** Figures are grouped, charted, exported and compared across documents (F004) by
indicator; an unknown id puts a figure in a group of its own.

**Bad.** `indicator: industrial-value-add`

**Good.** `indicator: industrial-value-added`
"""

from ... import annotations
from ...registries import registries
from ..finding import Problem, Severity

CODE = "F002"
SLUG = "unknown-indicator"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("indicators",)  # see check.coverage


def check(item, project):
    if item.kind != "annotations":
        return
    known = registries(project).indicators
    for ann in annotations.load(project).file(item.path).annotations:
        if ann.active and ann.indicator is not None and ann.indicator not in known:
            yield Problem(*ann.position("indicator"),
                          f"{ann.id}: indicator {ann.indicator!r} is not in annotations/indicators.yaml")
