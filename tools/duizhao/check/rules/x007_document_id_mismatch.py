"""X007 document-id-mismatch — the document's `xml:id` is not its file name.

**What it does.** Requires `TEI/@xml:id` to equal the file stem
(`corpus/<doc-id>.xml`) and to be a lowercase slug (`[a-z][a-z0-9-]*`).

**Why.** The document id names the annotation file (`annotations/<doc-id>.yaml`), the
site page and every exported record; two names for one document break those links.

**Bad.** `corpus/jian-news-2019-12.xml` with `<TEI xml:id="JianNews">`

**Good.** `corpus/jian-news-2019-12.xml` with `<TEI xml:id="jian-news-2019-12">`
"""

import re

from ...tei import XML_ID
from ..finding import Problem, Severity

CODE = "X007"
SLUG = "document-id-mismatch"
SEVERITY = Severity.ERROR
TARGET = "tei"

DOC_ID = re.compile(r"[a-z][a-z0-9-]*")


def check(item, project):
    if item.doc is None:
        return
    root = item.doc.root
    xid = root.get(XML_ID)
    stem = item.path.stem
    if xid != stem:
        yield Problem(root.sourceline or 1, 1, f"TEI/@xml:id is {xid!r} but the file is named {stem!r}")
    if not DOC_ID.fullmatch(stem):
        yield Problem(root.sourceline or 1, 1, f"document id {stem!r} is not a lowercase slug [a-z][a-z0-9-]*")
