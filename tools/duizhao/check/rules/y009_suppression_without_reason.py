"""Y009 suppression-without-reason — a suppression comment in a YAML file gives no reason.

**What it does.** Reports a `# duizhao: ignore[CODES]` comment with nothing after the
codes. Such a comment suppresses nothing: the findings it names are reported as well.

**Why.** A suppression is a deliberate exception to a rule; the next reader (a reviewer, the
annotator a year later) must see why it was made, or they cannot tell an exception from a
mistake hidden under a comment.

**Bad.**
```yaml
    # duizhao: ignore[F004]
    value: 31
```

**Good.**
```yaml
    # duizhao: ignore[F004] the source revises the figure of jian-news-2019-12
    value: 31
```
"""

from ..finding import Severity
from ..suppression import without_reason

CODE = "Y009"
SLUG = "suppression-without-reason"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.problem is None:
        yield from without_reason(item.text, xml=False)
