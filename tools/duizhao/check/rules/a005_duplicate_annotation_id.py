"""A005 duplicate-annotation-id — two annotations share an id (in one file or across files).

**What it does.** Collects the `id` of every annotation of every annotation file,
rejected ones included, and reports each repeat with the place of the first use.

**Why.** Ids are stable and never reused: exports, the site's permalinks and the review
of suggestions address annotations by id; a repeat makes them point at two things.

**Bad.**
```yaml
- id: jian-news-2019-12.a0007
  quote: 链长制
- id: jian-news-2019-12.a0007
  quote: 立讯
```

**Good.**
```yaml
- id: jian-news-2019-12.a0007
  quote: 链长制
- id: jian-news-2019-12.a0008
  quote: 立讯
```
"""

from ... import annotations
from ..finding import Problem, Severity

CODE = "A005"
SLUG = "duplicate-annotation-id"
SEVERITY = Severity.ERROR
TARGET = "corpus"


def check(project):
    first = {}
    for ann in annotations.load(project):
        if ann.id is None:
            continue
        if ann.id in first:
            seen = first[ann.id]
            where = f"line {seen.line}" if seen.path == ann.path else f"{seen.path.parent.name}/{seen.path.name}:{seen.line}"
            yield Problem(*ann.position("id"), f"annotation id {ann.id!r} is already used at {where}", path=ann.path)
        else:
            first[ann.id] = ann
