"""A001 segment-not-found — the annotation names a segment its document does not have.

**What it does.** Looks up every accepted or proposed annotation's `segment` among the
`xml:id`s of the segments of `corpus/<doc-id>.xml`.

**Why.** The anchor cannot be resolved: the annotation is invisible on the site and lost
from every export. It usually means the segment was renumbered or the id mistyped.

**Bad.**
```yaml
- id: jian-news-2019-12.a0003
  segment: s0003      # the document has s003
  quote: 链长制
```

**Good.**
```yaml
- id: jian-news-2019-12.a0003
  segment: s003
  quote: 链长制
```
"""

from ..finding import Problem, Severity
from ..annotated import file_annotations

CODE = "A001"
SLUG = "segment-not-found"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("document",)  # see check.coverage


def check(item, project):
    index, anns = file_annotations(item, project)
    for ann in anns:
        doc = index.document(ann)
        if ann.active and doc is not None and ann.segment and ann.segment not in doc.segment_index:
            yield Problem(*ann.position("segment"),
                          f"{ann.id}: segment {ann.segment!r} is not in corpus/{doc.path.name}")
