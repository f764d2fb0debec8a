"""X012 unused-suppression — a suppression comment in a TEI file suppresses nothing.

**What it does.** Reports the codes of a `<!-- duizhao: ignore[CODES] reason -->` comment
that silence no finding on its line or the next: the finding was mended, moved, or the code
is misspelt (or names no rule). Only codes whose rule ran on the file are judged (with
`--select T` a suppression of X004 is left alone). `duizhao check --fix` removes them (a
safe fix: the codes, or the whole comment when none is left).

**Why.** A stale suppression hides the next real finding of its rule on that line, and
tells the reader about an exception that no longer exists.

**Bad.** The English of s004 now has the figure, so T002 has nothing to say:
```xml
<!-- duizhao: ignore[T002] the figure is restated in words -->
<p xml:id="s004">…增长3.6%…</p>
```

**Good.** The comment removed, or kept only while T002 still reports the line.

**Fix (safe).** `duizhao check --fix` removes the unused codes, or the whole comment when none is left.
"""

from ..finding import Severity
from ..suppression import unused

CODE = "X012"
SLUG = "unused-suppression"
SEVERITY = Severity.WARNING
TARGET = "suppressions"  # judged on the other rules' findings (see check.suppression)
KIND = "tei"
FIX = "safe"


def check(suppression, codes):
    """The problem of one suppression whose ``codes`` (judged on this file) silenced nothing."""
    return unused(suppression, codes)
