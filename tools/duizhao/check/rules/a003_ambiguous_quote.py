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
"""

from ...anchoring import Status
from ...fix import disambiguation
from ..finding import Problem, Severity
from ..registry import unresolved

CODE = "A003"
SLUG = "ambiguous-quote"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("document",)  # see check.coverage


def check(item, project):
    for index, ann, res in unresolved(item, project, Status.AMBIGUOUS):
        context = disambiguation(index, ann)
        fix = None if context is None else "add " + " and ".join(
            f"{key} {value!r}" for key, value in zip(("prefix", "suffix"), context) if value != getattr(ann, key))
        yield Problem(*ann.position("quote"),
                      f"{ann.id}: in {ann.segment}, {res.describe(ann.quote, ann.prefix, ann.suffix)}; "
                      "add a prefix or suffix", fix=fix)
