"""A006 document-mismatch — the annotation file does not belong to the document it claims.

**What it does.** Requires `document:` to equal the file stem (`annotations/<doc-id>.yaml`),
a corpus document `corpus/<doc-id>.xml` to exist, and every annotation id to start with
`<doc-id>.`.

**Why.** Annotations are anchored in the document named by the file; a copied file that
still says another document, or ids carried over from one, attach annotations to the
wrong text or make ids collide later.

**Bad.** `annotations/jian-news-2019-12.yaml` containing `document: jian-news-2020-11`

**Good.** `annotations/jian-news-2019-12.yaml` containing `document: jian-news-2019-12`
"""

from ... import annotations
from ..finding import Problem, Severity

CODE = "A006"
SLUG = "document-mismatch"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def check(item, project):
    if item.kind != "annotations" or item.data is None:
        return
    f = annotations.load(project).file(item.path)
    if f.document is not None and f.document != f.doc:
        yield Problem(*f.position("document"), f"document is {f.document!r} but the file is named {f.doc!r}")
    if f.doc not in project.documents and not (project.corpus_dir / f"{f.doc}.xml").exists():
        yield Problem(*f.position("document"), f"there is no corpus document corpus/{f.doc}.xml for this file")
    for ann in f.annotations:
        if ann.id is not None and not ann.id.startswith(f.doc + "."):
            yield Problem(*ann.position("id"), f"annotation id {ann.id!r} does not start with the document id {f.doc + '.'!r}")
