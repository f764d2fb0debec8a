"""X009 xml-too-large — the TEI file, a text in it or its nesting is beyond duizhao's limits.

**What it does.** Refuses a corpus file over 16 MiB, elements nested more than 256 levels
deep, or a text or attribute value over 10 MB (`duizhao.limits`; the last two are
libxml2's own limits, kept by never parsing with `huge_tree`), reporting where the limit
is crossed. The file is then left out of every other check, like one that does not parse.

**Why.** Corpus documents are about 50 KB and nested 9 levels deep. Far more is a mistake
(an element never closed, a pasted dump) or an attack on the parser's memory and time.

**Bad.** `<p xml:id="s003"><hi rend="bold"><hi rend="bold">…` 300 levels deep

**Good.** `<p xml:id="s003"><hi rend="bold">吉安</hi>…</p>`
"""

from ..finding import Problem, Severity

CODE = "X009"
SLUG = "xml-too-large"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
