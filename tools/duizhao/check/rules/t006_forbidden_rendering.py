"""T006 forbidden-rendering — the English uses a rendering the glossary forbids.

**What it does.** For each glossary term written in a segment's Chinese (longest match
first, as in T005), reports any of the term's `forbidden` renderings found in the English
(case-insensitive, whole words, plurals and spelling variants included, but word for
word: no extra word in between). Reported at the `<ab>`.

**Why.** Forbidden renderings record known mistranslations (链长制 is not a "chain length
system"); once one is listed, it must not come back.

**Bad.** `全市实施产业链链长制` → "The city implemented the chain length system"

**Good.** "The city implemented the industrial chain chief system"
"""

from ..aligned import translated_terms
from ..finding import Problem, Severity

CODE = "T006"
SLUG = "forbidden-rendering"
SEVERITY = Severity.ERROR
TARGET = "tei"
NEEDS = ("glossary", "entities")  # see check.coverage


def check(item, project):
    if item.doc is None:
        return
    for seg, tr, form, term, renderings, text in translated_terms(project, item.doc, lambda r: r.forbidden):
        for bad in renderings.forbidden_used(text):
            yield Problem(tr.line, 1, f'{seg.id}: "{bad}" is a forbidden rendering of {form} ({term.id}); '
                          f'use "{term.en}"')
