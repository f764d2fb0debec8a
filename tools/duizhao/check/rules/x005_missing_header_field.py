"""X005 missing-header-field — the TEI header lacks a field every document must have.

**What it does.** Requires a Chinese and an English title, the original publisher, a
date, a known genre, a place, the source file name (present in `corpus/sources/`) and
at least one revision entry. A missing field is reported at the element that should
hold it (a missing date at `sourceDesc/bibl`), or at its nearest existing ancestor.

**Why.** The site's metadata card, the citation of a paragraph, the period resolution of
figures ("1-9月" needs a year) and the provenance of the text all come from the header.

**Bad.** `<titleStmt><title xml:lang="zh">吉安工业</title></titleStmt>` (no English title)

**Good.** `<title xml:lang="zh">吉安工业</title><title xml:lang="en">Ji'an Industry</title>`
"""

from ...tei import GENRES, T as TEI
from ..finding import Problem, Severity

CODE = "X005"
SLUG = "missing-header-field"
SEVERITY = Severity.ERROR
TARGET = "tei"


# Each field: (name, what holds it, from the header down). A missing field is reported at
# the deepest of these elements that exists: where it should be written.
FIELDS = (
    ("Chinese title (titleStmt/title[@xml:lang='zh'])", ("fileDesc", "titleStmt")),
    ("English title (titleStmt/title[@xml:lang='en'])", ("fileDesc", "titleStmt")),
    ("original publisher (sourceDesc/bibl/publisher)", ("fileDesc", "sourceDesc", "bibl")),
    ("date (sourceDesc/bibl/date @when or @notBefore)", ("fileDesc", "sourceDesc", "bibl")),
    ("genre (textClass/catRef)", ("profileDesc", "textClass")),
    ("place (creation/placeName)", ("profileDesc", "creation")),
    ("source file (sourceDesc/bibl/idno[@type='source-file'])", ("fileDesc", "sourceDesc", "bibl")),
    ("revision history (revisionDesc/change)", ("revisionDesc",)),
)


def _holder(doc, names: tuple[str, ...]):
    """The deepest existing element of the header path ``names`` (the header itself, or the root)."""
    el = doc.root.find(TEI + "teiHeader")
    if el is None:
        return doc.root
    for name in names:
        child = el.find(TEI + name)
        if child is None:
            break
        el = child
    return el


def check(item, project):
    doc = item.doc
    if doc is None:
        return
    present = (doc.titles.get("zh"), doc.titles.get("en"), any(doc.publisher.values()), doc.date, doc.genre,
               any(doc.place.values()), doc.source_file, doc.root.find(f".//{TEI}change") is not None)
    for (field, holder), value in zip(FIELDS, present):
        if not value:
            yield Problem(*doc.position(_holder(doc, holder)), f"missing header field: {field}")
    if doc.genre and doc.genre not in GENRES:
        cat = doc.root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}textClass/{TEI}catRef")
        yield Problem(*doc.position(cat), f"unknown genre {doc.genre!r} (one of: {', '.join(GENRES)})")
    if doc.source_file and not (project.sources_dir / doc.source_file).exists():
        idno = doc.root.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl/{TEI}idno[@type='source-file']")
        yield Problem(*doc.position(idno), f"source file {doc.source_file!r} is not in corpus/sources/")
