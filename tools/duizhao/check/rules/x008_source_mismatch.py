"""X008 source-mismatch — the encoding departs from its source text.

**What it does.** Rebuilds the source reading of the body (`sic` over `corr`, omitted
boilerplate put back where the header says it was) and compares every ideograph, letter
and digit, in order, with the source file in `corpus/sources/`. Reports the first place
where they part.

**Why.** Faithfulness is the corpus's first promise: every character of the source is
either in the body or recorded as deliberately left out, and the body adds nothing
beyond its recorded corrections.

**Bad.** Fixing a typo in place: `清偿` where the source has `清尝`.

**Good.** `<choice><sic>清尝</sic><corr type="substitution">清偿</corr></choice>`
"""

from ...fidelity import compare, source_path
from ..finding import Problem, Severity

CODE = "X008"
SLUG = "source-mismatch"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.doc is None:
        return
    src = source_path(item.doc)
    if src is None:
        return  # X005 reports the missing source
    mismatch = compare(item.doc, src.read_text(encoding="utf-8"))
    if mismatch is not None:
        yield Problem(mismatch.line or 1, 1, f"departs from {src.name} at character {mismatch.offset}: {mismatch}")
