"""T009 review-without-second-reader — a `reviewed` segment does not name a reviser other than its translator.

**What it does.** A translation `<ab>` marked `ana="#reviewed"` must say who revised it and
that this was someone else than its translator: its `@change` (TEI `att.global.change`)
points to a `revisionDesc/change`, and the `@who` of that change names a `respStmt` different
from the segment's `@resp`. Reported at the `<ab>`: no `@change`; a `@change` that points to
no `change` of the `revisionDesc`; a change that names no one (`@who`); a change made by the
translator alone. (A `@who` that names no `respStmt` is X014's finding, at the change.)

**Why.** `reviewed` means *revised by a second reader*. A translator re-reading their own
draft is a self-revision, which the corpus calls `checked`; a reader deciding how far to
trust a paragraph needs to know that a second person (or agent) with its own brief read it
against the Chinese, and who that was.

**Bad.**
```xml
<respStmt xml:id="tr-duizhao">…</respStmt>
<change xml:id="rev-2026-12-05" when="2026-12-05" who="#tr-duizhao">Translation reviewed.</change>
…
<ab corresp="#s001" resp="#tr-duizhao" ana="#reviewed" change="#rev-2026-12-05">…</ab>
```

**Good.**
```xml
<respStmt xml:id="rev-second-reader"><resp>Second reading: …</resp><name>…</name></respStmt>
<change xml:id="rev-2026-12-05" when="2026-12-05" who="#rev-second-reader">Second reading: …</change>
…
<ab corresp="#s001" resp="#tr-duizhao" ana="#reviewed" change="#rev-2026-12-05">…</ab>
```
"""

from ...translation_provenance import pointers
from ..finding import Problem, Severity

CODE = "T009"
SLUG = "review-without-second-reader"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    doc = item.doc
    if doc is None:
        return
    changes = {c.id: c for c in doc.revisions if c.id}
    for ab in doc.translation_elements:
        if "reviewed" not in pointers(ab.get("ana")):
            continue
        where = doc.position(ab)
        translators = set(pointers(ab.get("resp")))
        refs = pointers(ab.get("change"))
        if not refs:
            yield Problem(*where, "a reviewed segment names the revision that reviewed it: add @change pointing to "
                                  "the revisionDesc change of its second reader")
            continue
        revisers: set[str] = set()
        for ref in refs:
            change = changes.get(ref)
            if change is None:
                yield Problem(*where, f"@change points to #{ref}, which is not a change of the revisionDesc")
            elif not change.who:
                yield Problem(*where, f"the change #{ref} names no reviser (@who)")
            else:
                revisers.update(change.who)
        if revisers and not revisers - translators:
            who = ", ".join(f"#{w}" for w in sorted(revisers))
            yield Problem(*where, f"reviewed by its own translator ({who}): a reviewed segment is revised by a second "
                                  "reader, recorded with its own respStmt; a self-revision is #checked")
