"""X014 unknown-responsibility — a translation's `@resp` or a revision's `@who` names no `respStmt`.

**What it does.** Checks that every pointer of a translation `<ab>`'s `@resp` (its translator)
and of a `revisionDesc/change`'s `@who` (who made the change) names a `respStmt` of the
header's `titleStmt`. Reported at the `<ab>` or the `<change>`: a pointer to nothing, and one
to an element that is not a `respStmt` (a speaker, a category).

**Why.** The `respStmt` is where the header says who did the work and how (for the English:
who or what drafted it, whether it was machine-generated, who revised it). A pointer that
does not reach one leaves a translation or a revision without anyone responsible: the site's
document card and the exports' `translator` and `reviser` are then empty.

**Bad.**
```xml
<respStmt xml:id="tr-duizhao"><resp>English translation: …</resp><name>…</name></respStmt>
…
<ab corresp="#s002" resp="#translator" ana="#checked">From January to September…</ab>
```

**Good.**
```xml
<ab corresp="#s002" resp="#tr-duizhao" ana="#checked">From January to September…</ab>
```
"""

from ...tei import NS, XML_ID
from ...translation_provenance import pointers
from ..finding import Problem, Severity

CODE = "X014"
SLUG = "unknown-responsibility"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    doc = item.doc
    if doc is None:
        return
    ids = {el.get(XML_ID): el for el in doc.root.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    known = doc.responsibilities
    pointing = [(ab, "resp", "translation") for ab in doc.translation_elements]
    pointing += [(ch, "who", "change") for ch in doc.root.xpath("tei:teiHeader/tei:revisionDesc/tei:change", namespaces=NS)]
    for el, attr, what in pointing:
        for ref in pointers(el.get(attr)):
            if ref in known:
                continue
            if ref in ids:
                tag = ids[ref].tag.split("}")[-1]
                yield Problem(*doc.position(el), f"@{attr} of this {what} points to #{ref}, a <{tag}>, not a respStmt")
            else:
                yield Problem(*doc.position(el), f"@{attr} of this {what} points to #{ref}: no respStmt of the "
                                                 f"titleStmt has this id (declared: {', '.join(known) or 'none'})")
