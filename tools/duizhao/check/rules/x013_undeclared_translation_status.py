"""X013 undeclared-translation-status — a segment's status is not a category of the header's translation-status taxonomy.

**What it does.** Checks that the `@ana` of every translation `<ab>` points to a `category`
of the `taxonomy xml:id="translation-status"` in the document's `classDecl` (the corpus
declares `draft`, `checked` = passes the automatic checks, and `reviewed` = revised by a second
reader). Reported at the `<ab>`: a status the taxonomy does not declare, one that points to
something else (a genre, a `respStmt`), an `<ab>` without a status, and every status of a
document that declares no translation-status taxonomy at all.

**Why.** The status is what tells a reader how far to trust a paragraph, and the header is
where its meaning is written down: a status the header does not declare means nothing to
anyone reading the TEI outside this project, and the site, the exports and `duizhao stats`
count it as an unknown kind.

**Bad.**
```xml
<taxonomy xml:id="translation-status">
  <category xml:id="draft">…</category>
  <category xml:id="reviewed">…</category>
</taxonomy>
…
<ab corresp="#s002" resp="#tr-duizhao" ana="#checked">From January to September…</ab>
```

**Good.**
```xml
<taxonomy xml:id="translation-status">
  <category xml:id="draft">…</category>
  <category xml:id="checked"><catDesc xml:lang="en">passes the automatic checks; not revised by a second reader</catDesc>…</category>
  <category xml:id="reviewed">…</category>
</taxonomy>
…
<ab corresp="#s002" resp="#tr-duizhao" ana="#checked">From January to September…</ab>
```
"""

from ...translation_provenance import pointers
from ..finding import Problem, Severity

CODE = "X013"
SLUG = "undeclared-translation-status"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    doc = item.doc
    if doc is None:
        return
    declared = doc.status_categories
    for ab in doc.translation_elements:
        statuses = pointers(ab.get("ana"))
        if not statuses:
            yield Problem(*doc.position(ab), "this translation has no status (@ana: #draft, #checked or #reviewed)")
            continue
        for status in statuses:
            if declared is None:
                yield Problem(*doc.position(ab), f"status #{status} is not declared: the header has no "
                                                 "translation-status taxonomy (classDecl/taxonomy[@xml:id='translation-status'])")
            elif status not in declared:
                yield Problem(*doc.position(ab), f"status #{status} is not a category of the translation-status taxonomy "
                                                 f"(declared: {', '.join(declared) or 'none'})")
