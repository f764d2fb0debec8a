"""A004 overlapping-annotations — two annotations' spans cross without one containing the other.

**What it does.** Compares the resolved spans of the accepted and proposed annotations of
each segment: spans may be disjoint or nested (a term inside an entity name, a figure
inside a longer quote, two annotations on the same span) but must not cross.

**Why.** Crossing spans cannot be rendered as nested highlights and almost always mean
one quote was cut in the wrong place (`工业增加值增长` and `增长3.6%`).

**Bad.**
```yaml
- {id: doc.a0001, segment: s002, quote: 规模工业增加值增长, ...}
- {id: doc.a0002, segment: s002, quote: 增长3.6%, ...}
```

**Good.**
```yaml
- {id: doc.a0001, segment: s002, quote: 规模工业增加值, ...}
- {id: doc.a0002, segment: s002, quote: 增长3.6%, ...}
```
"""

from ..finding import Problem, Severity
from ..annotated import file_annotations

CODE = "A004"
SLUG = "overlapping-annotations"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("document",)  # see check.coverage


def check(item, project):
    index, anns = file_annotations(item, project)
    by_segment: dict[str, list] = {}
    for ann in anns:
        span = index.span(ann) if ann.active else None
        if span is not None:
            by_segment.setdefault(ann.segment, []).append((*span, ann))
    for spans in by_segment.values():
        spans.sort(key=lambda s: (s[0], -s[1], s[2].index))
        for i, (start, end, first) in enumerate(spans):
            for other_start, other_end, other in spans[i + 1:]:
                if other_start >= end:
                    break
                if other_start > start and other_end > end:
                    yield Problem(*other.position("quote"),
                                  f"{other.id} ({other.quote!r}, {other_start}-{other_end}) crosses "
                                  f"{first.id} ({first.quote!r}, {start}-{end}) in {other.segment}: "
                                  "spans must be disjoint or nested")
