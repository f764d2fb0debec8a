"""Y006 anchor-or-alias — the file uses YAML anchors (`&name`) or aliases (`*name`).

**What it does.** Refuses an annotator file with an anchor or an alias, reporting the
first one at its line and column, before anything is built from the file (the file is
then left out of every other check, like a file that does not parse).

**Why.** An alias repeats a value without writing it again, so ten short lines of anchors
that each repeat the one before ten times stand for 10,000,000,000 values: reading them
would hang the check and exhaust memory (the "billion laughs" of YAML). Annotator files
never need them: a note, a quote or a registry entry is written out where it is used.

**Bad.**
```yaml
- id: jian-news-2019-12.a0001
  note: &same Growth rate of value added.
- id: jian-news-2019-12.a0002
  note: *same
```

**Good.**
```yaml
- id: jian-news-2019-12.a0001
  note: Growth rate of value added.
- id: jian-news-2019-12.a0002
  note: Growth rate of value added.
```
"""

from ..finding import Problem, Severity

CODE = "Y006"
SLUG = "anchor-or-alias"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
