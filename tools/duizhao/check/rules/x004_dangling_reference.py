"""X004 dangling-reference — a `#id` pointer names nothing in the document.

**What it does.** Checks every local pointer (`sp/@who`, `ab/@corresp`, `catRef/@target`,
omission `item/@corresp`) resolves to an `xml:id` of the same document. The pointers of the
translation's provenance have their own rules, which say what they must reach: a status
(`ab/@ana`) is X013's, a translator or reviser (`ab/@resp`, `change/@who`) X014's, a
segment's revision (`ab/@change`) T009's.

**Why.** A turn whose speaker is undeclared has no name on the site; a translation that
points at a missing segment is lost; a broken genre or status reference is silently
ignored.

**Bad.** `<sp who="#huang-guodng">` when the header declares `huang-guodong`

**Good.** `<sp who="#huang-guodong">`
"""

from lxml import etree

from ...tei import XML_ID
from ..finding import Problem, Severity

CODE = "X004"
SLUG = "dangling-reference"
SEVERITY = Severity.ERROR
TARGET = "tei"

POINTER_ATTRIBUTES = ("who", "corresp", "resp", "target", "ana")
OWN_RULES = {("ab", "ana"): "X013", ("ab", "resp"): "X014", ("change", "who"): "X014"}  # checked there


def check(item, project):
    if item.doc is None:
        return
    root = item.doc.root
    ids = {el.get(XML_ID) for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = etree.QName(el).localname
        for attr in POINTER_ATTRIBUTES:
            if (tag, attr) in OWN_RULES:
                continue
            for ref in (el.get(attr) or "").split():
                if ref.startswith("#") and ref[1:] not in ids:
                    yield Problem(el.sourceline or 1, 1, f"@{attr} points to {ref}, which is not an xml:id of this document")
