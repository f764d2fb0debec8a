"""G001 unknown-term — a term annotation names an id the glossary does not have.

**What it does.** Looks up the `term` of every accepted or proposed annotation among the
ids of `annotations/glossary.yaml`.

**Why.** The site explains a term from its glossary entry and the English projection uses
its rendering; an unknown id leaves the highlight without meaning. Register the term or
fix the id.

**Bad.** `term: chain-cheif-system`

**Good.** `term: chain-chief-system`
"""

from ... import annotations
from ...registries import registries
from ..finding import Problem, Severity

CODE = "G001"
SLUG = "unknown-term"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("glossary",)  # see check.coverage


def check(item, project):
    if item.kind != "annotations":
        return
    known = registries(project).terms
    for ann in annotations.load(project).file(item.path).annotations:
        if ann.active and ann.term is not None and ann.term not in known:
            yield Problem(*ann.position("term"), f"{ann.id}: term {ann.term!r} is not in annotations/glossary.yaml")
