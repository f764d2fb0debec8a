"""X011 suppression-without-reason — a suppression comment in a TEI file gives no reason.

**What it does.** Reports a `<!-- duizhao: ignore[CODES] -->` comment with nothing after
the codes. Such a comment suppresses nothing: the findings it names are reported as well.

**Why.** A suppression is a deliberate exception to a rule; the next reader (a reviewer, the
annotator a year later) must see why it was made, or they cannot tell an exception from a
mistake hidden under a comment.

**Bad.**
```xml
<!-- duizhao: ignore[T002] -->
<p xml:id="s004">…</p>
```

**Good.**
```xml
<!-- duizhao: ignore[T002] the figure is restated in words -->
<p xml:id="s004">…</p>
```
"""

from ..finding import Severity
from ..suppression import without_reason

CODE = "X011"
SLUG = "suppression-without-reason"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.doc is not None:
        yield from without_reason(item.text, xml=True)
