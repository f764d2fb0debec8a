"""T001 missing-translation — a segment has no English, or an empty one.

**What it does.** Reports every segment of the source text without an `<ab>` whose
`corresp` points to it in the translation `<text>`, at the segment's line, and every
`<ab>` with no text, at the `<ab>`'s line.

**Why.** The corpus promises English for every segment: the reading view shows a gap,
the TMX export leaves the unit out and the statistics count it as missing.

**Bad.**
```xml
<p xml:id="s003">全市实施产业链链长制…</p>
<!-- translation body: no <ab corresp="#s003"> -->
```

**Good.**
```xml
<ab corresp="#s003" resp="#tr-duizhao" ana="#draft">The city implemented the industrial chain chief system…</ab>
```
"""

from ..finding import Problem, Severity

CODE = "T001"
SLUG = "missing-translation"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.doc is None:
        return
    for seg in item.doc.segments:
        tr = item.doc.translations.get(seg.id)
        if tr is None:
            yield Problem(seg.line, 1, f'segment {seg.id} has no English translation (no <ab corresp="#{seg.id}">)')
        elif not tr.en.strip():
            yield Problem(tr.line, 1, f"the English translation of segment {seg.id} is empty")
