"""S001 proposal-pending — a machine suggestion is waiting for review.

**What it does.** Reports every annotation with `status: proposed` as a warning, so that
`duizhao check --strict` (and CI) fails while proposals wait.

**Why.** Proposals from `duizhao suggest` are guesses: the site hides them and the
datasets mark them until an annotator accepts or rejects each one
(`duizhao review DOC --accept ID` / `--reject ID`, or edit `status:` in the YAML).

**Bad.**
```yaml
- id: jian-news-2019-12.a0031
  status: proposed
  source: gazetteer
```

**Good.**
```yaml
- id: jian-news-2019-12.a0031
  status: accepted
  source: gazetteer
```
"""

from ... import annotations
from ..finding import Problem, Severity

CODE = "S001"
SLUG = "proposal-pending"
SEVERITY = Severity.WARNING
TARGET = "yaml"


def check(item, project):
    if item.kind != "annotations":
        return
    for ann in annotations.load(project).file(item.path).annotations:
        if ann.status == "proposed":
            yield Problem(*ann.position("status"), f"{ann.id}: {ann.type} {ann.quote!r} proposed by {ann.source} awaits review")
