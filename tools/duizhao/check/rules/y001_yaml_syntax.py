"""Y001 yaml-syntax — the YAML file does not parse.

**What it does.** Reads every annotation and registry file with ruamel.yaml and reports
the syntax error at its line and column.

**Why.** An unreadable file hides all of its annotations from the checks, the exports
and the site.

**Bad.**
```yaml
- id: jian-news-2019-12.a0001
  quote: "增长3.6%
```

**Good.**
```yaml
- id: jian-news-2019-12.a0001
  quote: "增长3.6%"
```
"""

from ..finding import Problem, Severity

CODE = "Y001"
SLUG = "yaml-syntax"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
