"""X003 duplicate-xml-id — two elements share one `xml:id`.

**What it does.** Reports an `xml:id` used more than once in a document, at its second
use (the XML parser stops there, so fix and re-run to see the next one).

**Why.** Segment ids anchor the translation and every annotation: a duplicated id makes
them ambiguous, and the site's permalinks collide.

**Bad.** `<p xml:id="s007">…</p> … <p xml:id="s007">…</p>`

**Good.** `<p xml:id="s007">…</p> … <p xml:id="s008">…</p>`
"""

from ...tei import XML_ID
from ..finding import Problem, Severity

CODE = "X003"
SLUG = "duplicate-xml-id"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    if item.problem is not None and item.problem.code == CODE:  # the parser refuses duplicate ids
        yield Problem(item.problem.line, item.problem.col, item.problem.message)
    if item.doc is None:
        return
    first: dict[str, int] = {}
    for el in item.doc.root.iter():
        if not isinstance(el.tag, str):
            continue
        xid = el.get(XML_ID)
        if xid is None:
            continue
        if xid in first:
            yield Problem(el.sourceline or 1, 1, f"duplicate xml:id {xid!r} (first used at line {first[xid]})")
        else:
            first[xid] = el.sourceline or 1
