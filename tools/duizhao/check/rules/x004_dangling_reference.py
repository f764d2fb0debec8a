"""X004 dangling-reference — a `#id` pointer names nothing in the document.

**What it does.** Checks every local pointer (`sp/@who`, `ab/@corresp`, `ab/@resp`,
`catRef/@target`, omission `item/@corresp`, `change/@who`, `ab/@ana`) resolves to an
`xml:id` of the same document.

**Why.** A turn whose speaker is undeclared has no name on the site; a translation that
points at a missing segment is lost; a broken genre or status reference is silently
ignored.

**Bad.** `<sp who="#huang-guodng">` when the header declares `huang-guodong`

**Good.** `<sp who="#huang-guodong">`
"""

from ...tei import XML_ID
from ..finding import Problem, Severity

CODE = "X004"
SLUG = "dangling-reference"
SEVERITY = Severity.ERROR
TARGET = "tei"

POINTER_ATTRIBUTES = ("who", "corresp", "resp", "target", "ana")


def check(item, project):
    if item.doc is None:
        return
    root = item.doc.root
    ids = {el.get(XML_ID) for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in POINTER_ATTRIBUTES:
            for ref in (el.get(attr) or "").split():
                if ref.startswith("#") and ref[1:] not in ids:
                    yield Problem(el.sourceline or 1, 1, f"@{attr} points to {ref}, which is not an xml:id of this document")
