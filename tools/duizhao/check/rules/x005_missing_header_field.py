"""X005 missing-header-field — the TEI header lacks a field every document must have.

**What it does.** Requires a Chinese and an English title, the original publisher, a
date, a known genre, a place, the source file name (present in `corpus/sources/`) and
at least one revision entry.

**Why.** The site's metadata card, the citation of a paragraph, the period resolution of
figures ("1-9月" needs a year) and the provenance of the text all come from the header.

**Bad.** `<titleStmt><title xml:lang="zh">吉安工业</title></titleStmt>` (no English title)

**Good.** `<title xml:lang="zh">吉安工业</title><title xml:lang="en">Ji'an Industry</title>`
"""

from ...tei import GENRES
from ..finding import Problem, Severity

CODE = "X005"
SLUG = "missing-header-field"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    doc = item.doc
    if doc is None:
        return
    header = doc.root.find("{http://www.tei-c.org/ns/1.0}teiHeader")
    line = header.sourceline if header is not None else 1
    required = {
        "Chinese title (titleStmt/title[@xml:lang='zh'])": doc.titles.get("zh"),
        "English title (titleStmt/title[@xml:lang='en'])": doc.titles.get("en"),
        "original publisher (sourceDesc/bibl/publisher)": any(doc.publisher.values()),
        "date (sourceDesc/bibl/date @when or @notBefore)": doc.date,
        "genre (textClass/catRef)": doc.genre,
        "place (creation/placeName)": any(doc.place.values()),
        "source file (sourceDesc/bibl/idno[@type='source-file'])": doc.source_file,
        "revision history (revisionDesc/change)": doc.root.find(".//{http://www.tei-c.org/ns/1.0}change") is not None,
    }
    for field, value in required.items():
        if not value:
            yield Problem(line, 1, f"missing header field: {field}")
    if doc.genre and doc.genre not in GENRES:
        yield Problem(line, 1, f"unknown genre {doc.genre!r} (one of: {', '.join(GENRES)})")
    if doc.source_file and not (project.sources_dir / doc.source_file).exists():
        yield Problem(line, 1, f"source file {doc.source_file!r} is not in corpus/sources/")
