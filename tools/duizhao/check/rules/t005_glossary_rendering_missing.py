"""T005 glossary-rendering-missing — a glossary term's English is absent from the translation.

**What it does.** For each glossary term written in a segment's Chinese (its `zh` or one
of its `variants`, longest match first: 链长 inside 链长制 does not count on its own, nor
a term inside a registered entity name), checks that the English contains the term's
`en` or one of its `en_variants` (`duizhao.renderings`: case-insensitive, whole words;
a hyphen or a space alike; singular or plural; British or American spelling; one extra
word allowed between two words, as in "high-quality industrial development").
Reported at the `<ab>`. A term rendered only in part is T008's finding and is not repeated
here.

**Why.** The glossary (`annotations/glossary.yaml`) is the authority for terminology:
the same concept rendered the same way throughout lets readers recognise it, and the
site highlights it from the glossary's English.

Where a rendering is rightly different in one place (a pronoun, a shortened second
mention), suppress with a reason on the `<ab>`'s line or the line above:
`<!-- duizhao: ignore[T005] second mention shortened to "the system" -->`

**Bad.** `全市实施产业链链长制` → "The city implemented the chain leader mechanism"

**Good.** "The city implemented the industrial chain chief system"
"""

from ..aligned import translated_terms
from ..finding import Problem, Severity

CODE = "T005"
SLUG = "glossary-rendering-missing"
SEVERITY = Severity.WARNING
TARGET = "tei"
NEEDS = ("glossary", "entities")  # see check.coverage


def check(item, project):
    if item.doc is None:
        return
    for seg, tr, form, term, renderings, text in translated_terms(project, item.doc, lambda r: r.accepted):
        if not renderings.rendered(text) and not renderings.half_rendered(text):
            wanted = " or ".join(f'"{f}"' for f in renderings.accepted)
            yield Problem(tr.line, 1, f"{seg.id}: {form} ({term.id}) is not rendered as {wanted}")
