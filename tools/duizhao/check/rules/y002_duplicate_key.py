"""Y002 duplicate-key — a mapping has the same key twice.

**What it does.** Reports the second occurrence of a key in one mapping, with the line
of the first.

**Why.** Most YAML readers (PyYAML among them) silently keep the last value, so one of
the annotator's two edits is lost without a word. duizhao reads with ruamel.yaml, which
refuses duplicates.

**Bad.**
```yaml
- id: jian-news-2019-12.a0001
  value: 3.6
  value: 3.9
```

**Good.**
```yaml
- id: jian-news-2019-12.a0001
  value: 3.6
```
"""

from ..finding import Problem, Severity

CODE = "Y002"
SLUG = "duplicate-key"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
