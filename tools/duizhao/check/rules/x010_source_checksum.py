"""X010 source-checksum — the source file's bytes are not those the header records.

**What it does.** Computes the SHA-256 and the size in bytes of the source file in
`corpus/sources/` named by the header (`idno type="source-file"`) and compares them with
the `idno type="sha256"` and `extent/measure unit="byte"` recorded beside it. Reports a
mismatch, and a header that records neither.

**Why.** The source is the evidence for every character of the encoding: a source edited,
re-saved in another encoding or replaced by another copy silently changes what the corpus
is faithful to. The checksum makes such a change visible; if it was meant (a better copy of
the same report), record the new checksum and say so in `revisionDesc`.

**Bad.** `<idno type="sha256">071a…</idno>` for a source re-saved with Windows line endings.

**Good.** `<idno type="sha256">` and `<extent><measure unit="byte" quantity="6002">` as
`duizhao ingest` wrote them, for the bytes as received.
"""

from ...fidelity import source_path
from ...provenance import BIBL, fingerprint, recorded
from ...tei import NS
from ..finding import Problem, Severity

CODE = "X010"
SLUG = "source-checksum"
SEVERITY = Severity.ERROR
TARGET = "tei"


def check(item, project):
    doc = item.doc
    if doc is None:
        return
    src = source_path(doc)
    if src is None:
        return  # X005 reports a missing source
    actual, written = fingerprint(src), recorded(doc)
    if written is None:
        bibl = doc.root.xpath(BIBL, namespaces=NS)
        line, col = doc.position(bibl[0]) if bibl else (1, 1)
        yield Problem(line, col, f"the header records no checksum of {src.name}: add "
                                 f'<idno type="sha256">{actual.sha256}</idno> and <extent><measure unit="byte" '
                                 f'quantity="{actual.size}">{actual.size} bytes</measure></extent> if these are '
                                 "the bytes as received")
        return
    changes = []
    if written.sha256 != actual.sha256:
        changes.append(f"SHA-256 {actual.sha256}, not {written.sha256 or 'unrecorded'}")
    if written.size != actual.size:
        changes.append(f"{actual.size} bytes, not {'unrecorded' if written.size is None else written.size}")
    if changes:
        yield Problem(*doc.position(written.element), f"{src.name} has changed since it was recorded: {'; '.join(changes)}")
