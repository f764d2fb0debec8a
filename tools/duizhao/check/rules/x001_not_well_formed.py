"""X001 xml-not-well-formed — the TEI file is not well-formed XML.

**What it does.** Parses every corpus file with the project's hardened XML parser and
reports the first syntax error with its line and column.

**Why.** A file that does not parse cannot be validated, exported or published; every
other check of it is skipped until this is fixed.

**Bad.** `<p xml:id="s001">增长3.6%</q>`

**Good.** `<p xml:id="s001">增长3.6%</p>`
"""

from ..finding import Problem, Severity

CODE = "X001"
SLUG = "xml-not-well-formed"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
