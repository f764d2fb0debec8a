"""G004 term-unused — a registered term occurs nowhere in the corpus.

**What it does.** Searches every segment's Chinese text for the term's `zh` and its
`variants` (anywhere, also inside longer words and names). Reported on the glossary
entry as a warning.

**Why.** The glossary documents this corpus; an entry with no occurrence is a typo in
its Chinese form, a term of a document not yet added, or dead weight on the glossary
page.

**Bad.** `zh: 链长治` (the corpus writes 链长制)

**Good.** `zh: 链长制`
"""

from ..finding import Problem, Severity
from ...registries import registries
from ..summary import written, written_anywhere

CODE = "G004"
SLUG = "term-unused"
SEVERITY = Severity.WARNING
TARGET = "corpus"
SUMMARISES = ("tei",)
NEEDS = ("every document",)  # see check.coverage


def summarise(item, project):
    """The terms named in a document."""
    return written(item, project, "term")


def check(project, summaries):
    if not summaries.reports_on(project.annotations_dir / "glossary.yaml"):
        return
    found = registries(project)
    named = written_anywhere(summaries["tei"])
    for term in found.records("glossary"):
        if term.id is not None and term.id not in named:
            yield Problem(*found.position(term, "zh"), f"term {term.id!r} ({term.get('zh')}) occurs in no segment of the corpus",
                          path=found.path("glossary"))
