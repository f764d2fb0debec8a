"""A003 ambiguous-quote — the quote occurs several times and nothing says which is meant.

**What it does.** Reports an annotation whose quote (with its `prefix`/`suffix`, if any)
matches more than one place in the segment's text.

**Why.** Offsets, highlights and figure exports need one place. Add the shortest `prefix`
(or `suffix`) that singles out the occurrence you mean. `duizhao check --fix` adds it when
it can know which occurrence is meant: when every other occurrence is already the span of
another annotation of the same type.

**Bad.**
```yaml
segment: s002      # …增长3.6%…同比增长3.6%…
quote: 增长3.6%
```

**Good.**
```yaml
segment: s002
quote: 增长3.6%
prefix: 同比
```

**Fix (safe).** `duizhao check --fix` adds the shortest `prefix` (else `suffix`) when the
occurrence meant is certain: every other place the quote matches is already the exact span
of another annotation of the same type in the same segment. Nothing else in the file moves.
"""

from ...anchoring import Status, resolve, shortest_context
from ..edits import set_key
from ..finding import Fix, Problem, Severity
from ..annotated import unresolved

CODE = "A003"
SLUG = "ambiguous-quote"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("document",)  # see check.coverage
FIX = "safe"  # only where the occurrence meant is certain


def intended_start(ann, text: str, taken: set[tuple[int, int]]) -> int | None:
    """The only place ``ann`` matches that is not already an annotation of its type, if one."""
    res = resolve(text, ann.quote, ann.prefix, ann.suffix)
    free = [s for s in res.matches if (s, s + len(ann.quote)) not in taken]
    return free[0] if res.status is Status.AMBIGUOUS and len(free) == 1 else None


def context_for(ann, text: str, start: int) -> tuple[str | None, str | None] | None:
    """The ``(prefix, suffix)`` that make ``ann`` land on ``start``."""
    prefix, suffix = shortest_context(text, start, start + len(ann.quote))
    final = (prefix or ann.prefix, suffix or ann.suffix)
    return final if resolve(text, ann.quote, *final).start == start else None


def disambiguation(index, ann) -> tuple[str | None, str | None] | None:
    """The ``(prefix, suffix)`` that single out the occurrence ``ann`` must mean, if it is certain."""
    seg = index.segment(ann)
    if seg is None or not ann.quote:
        return None
    taken = {index.span(o) for o in index.file(ann.path).annotations
             if o is not ann and o.active and o.type == ann.type and o.segment == ann.segment}
    start = intended_start(ann, seg.zh, taken - {None})
    return None if start is None else context_for(ann, seg.zh, start)


def _fix(ann, context) -> Fix | None:
    changes = [(k, v) for k, v in zip(("prefix", "suffix"), context) if v and v != getattr(ann, k)]
    edits = [set_key(ann, k, v, after="quote" if k == "prefix" or "prefix" not in ann.node else "prefix")
             for k, v in changes]
    if not changes or None in edits:
        return None
    return Fix("add " + " and ".join(f"{k} {v!r}" for k, v in changes), tuple(edits))


def check(item, project):
    for index, ann, res in unresolved(item, project, Status.AMBIGUOUS):
        context = disambiguation(index, ann)
        yield Problem(*ann.position("quote"),
                      f"{ann.id}: in {ann.segment}, {res.describe(ann.quote, ann.prefix, ann.suffix)}; "
                      "add a prefix or suffix", fix=None if context is None else _fix(ann, context))
