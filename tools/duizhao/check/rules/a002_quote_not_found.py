"""A002 quote-not-found — the quote (with its prefix/suffix) is not in the segment's text.

**What it does.** Matches `quote`, and `prefix`/`suffix` when given, exactly against the
segment's Chinese plain text (corrections applied, page breaks removed, whitespace
normalised, as `duizhao export segments` prints it). `prefix` must end right where the
quote starts and `suffix` start right where it ends (W3C TextQuoteSelector).

**Why.** An anchor that no longer matches is an orphan; duizhao never re-attaches it to a
similar string by guessing, because a guess can silently move a figure to another number.

**Bad.**
```yaml
segment: s002          # text: …规模工业增加值增长3.6%…
quote: 增长3.60%
```

**Good.**
```yaml
segment: s002
quote: 增长3.6%
```

**Fix (unsafe).** When the quote alone occurs exactly once in the segment but its `prefix`
or `suffix` no longer fits (the text around it was edited), `duizhao check --fix
--unsafe-fixes` takes the context out, so that the quote lands on that one occurrence.
Unsafe: the occurrence left may not be the one that was meant; read the annotation after.
"""

from ...anchoring import Status
from ..edits import remove_key
from ..finding import Fix, Problem, Severity
from ..annotated import unresolved

CODE = "A002"
SLUG = "quote-not-found"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("document",)  # see check.coverage
FIX = "unsafe"  # the one occurrence left may not be the one meant


def check(item, project):
    for _, ann, res in unresolved(item, project, Status.NOT_FOUND):
        yield Problem(*ann.position("quote"),
                      f"{ann.id}: in {ann.segment}, {res.describe(ann.quote, ann.prefix, ann.suffix)}", fix=_fix(ann, res))


def _fix(ann, res):
    """Take out a context that no longer fits, when the bare quote occurs once."""
    keys = [k for k in ("prefix", "suffix") if getattr(ann, k)]
    if len(res.occurrences) != 1 or not keys:
        return None
    edits = [remove_key(ann, k) for k in keys]
    return None if None in edits else Fix(f"remove the {' and '.join(keys)}", tuple(edits))
