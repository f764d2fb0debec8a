"""Y007 yaml-too-large — the file, a value or its nesting is beyond duizhao's limits.

**What it does.** Refuses a YAML file over 16 MiB, a value of more than 100,000 characters
or mappings and lists nested more than 32 levels deep (`duizhao.limits`), reporting where
the limit is crossed, before anything is built from the file (the file is then left out
of every other check, like a file that does not parse).

**Why.** The real files are about 100 KB, with values of a few hundred characters nested
4 levels deep. Input far beyond that is a mistake (an unclosed bracket, a pasted
document) or an attack, and reading it could hang the check or overflow Python's stack
(5,000 nested lists crashed the schema validator).

**Bad.** `note: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`

**Good.** `note: Growth rate of value added.`
"""

from ..finding import Problem, Severity

CODE = "Y007"
SLUG = "yaml-too-large"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
