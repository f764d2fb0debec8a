"""T007 orphan-translation — an English `<ab>` that translates no segment.

**What it does.** Reports a translation `<ab>` whose `corresp` names an element of the
document that is not a segment (a `div`, the `respStmt`…), and a second `<ab>` for a
segment that already has one (tools read only the first). A `corresp` naming no
element at all is X004's finding and is not repeated here.

**Why.** An orphan translation is invisible: no tool shows or exports it, and the
segment it was meant for may be reported as untranslated or keep an outdated English.

**Bad.**
```xml
<ab corresp="#s002" …>From January to September…</ab>
<ab corresp="#s002" …>The city implemented…</ab>   <!-- meant for s003 -->
```

**Good.**
```xml
<ab corresp="#s002" …>From January to September…</ab>
<ab corresp="#s003" …>The city implemented…</ab>
```
"""

from ...tei import NS, XML_ID
from ..finding import Problem, Severity

CODE = "T007"
SLUG = "orphan-translation"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.doc is None:
        return
    root = item.doc.root
    ids = {el.get(XML_ID): el for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    segments = item.doc.segment_index
    first: dict[str, int] = {}
    for ab in root.xpath("tei:text[@type='translation']/tei:body/tei:ab", namespaces=NS):
        target = (ab.get("corresp") or "").strip().removeprefix("#")
        line = ab.sourceline or 1
        if target not in ids:
            continue  # X004 dangling-reference
        if target not in segments:
            tag = ids[target].tag.split("}")[-1]
            yield Problem(line, 1, f"this translation points to #{target}, a <{tag}>, not a translatable segment")
        elif target in first:
            yield Problem(line, 1, f"segment {target} is already translated at line {first[target]}; this translation is ignored")
        else:
            first[target] = line
