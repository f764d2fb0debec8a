"""T004 length-ratio — the English is implausibly short or long for its Chinese.

**What it does.** Compares the Latin letters of the English with the ideographs of the
Chinese (digits and Latin words carry over unchanged and are left out of both counts)
and warns when the ratio falls outside 2.5–8.0 letters per ideograph. Segments with fewer
than 20 ideographs (headings, bylines, addressee lists full of abbreviations) are exempt.

The bounds come from the corpus itself: over the 127 segments of the five documents with
20 ideographs or more, the ratio has median 4.5, geometric mean 4.46 and a geometric
standard deviation of ×1.14 (observed range 2.86–6.61); 2.5 and 8.0 are the geometric
mean ∓ 4 standard deviations (2.61, 7.63), rounded outwards.

**Why.** A ratio far below the norm usually means an omitted sentence or clause, one far
above a paraphrase, an explanation added to the text, or the wrong segment's English.

**Bad.** A 120-character paragraph whose English is one sentence of 150 letters (1.25
letters per ideograph).

**Good.** The same paragraph translated in full (about 540 letters).
"""

from ...text import count_ideographs, count_latin_letters
from ..aligned import translated
from ..finding import Problem, Severity

CODE = "T004"
SLUG = "length-ratio"
SEVERITY = Severity.WARNING
TARGET = "tei"

MIN_IDEOGRAPHS = 20
LOW, HIGH = 2.5, 8.0


def ratio(zh: str, en: str) -> float | None:
    """Latin letters of ``en`` per ideograph of ``zh`` (None for short segments)."""
    n = count_ideographs(zh)
    return None if n < MIN_IDEOGRAPHS else count_latin_letters(en) / n


def check(item, project):
    if item.doc is None:
        return
    for seg, tr in translated(item.doc):
        r = ratio(seg.zh, tr.en)
        if r is not None and not LOW <= r <= HIGH:
            what = "short" if r < LOW else "long"
            yield Problem(tr.line, 1, f"{seg.id}: the English is implausibly {what}: {r:.2f} letters per "
                          f"Chinese character (expected {LOW}–{HIGH})")
