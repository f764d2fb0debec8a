"""X006 hostile-xml — DTDs, entity declarations, entity references or XInclude.

**What it does.** Refuses any document with a DOCTYPE, an entity declaration or
reference, or an `xi:include`: the parser never loads DTDs, expands entities or fetches
anything, and this rule says so instead of reading half a document.

**Why.** External entities leak local files or reach the network (XXE); entity expansion
can exhaust memory ("billion laughs"). Corpus files need none of it: write characters
as UTF-8.

**Bad.** `<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>` … `&x;`

**Good.** No DOCTYPE; `©` written as the character itself.
"""

from ..finding import Problem, Severity

CODE = "X006"
SLUG = "hostile-xml"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
