"""G005 term-unannotated — a registered term occurs in the text but no annotation covers it.

**What it does.** Finds every occurrence of a glossary term's `zh` or `variants` in every
segment's Chinese text and reports those that no term annotation covers. A rejected
annotation covers its span too: a reviewer decided that this occurrence is not the term
(e.g. 吉安 inside a name the registry lacks), so it is not reported again. An annotation covers an occurrence when its span contains it, or overlaps it
and names the same term (链长制 annotated inside the variant 产业链链长制). Longest match
wins: an occurrence inside a longer registered term or entity name (链长 inside 链长制,
高新区 inside 吉安高新区) is not counted on its own, while one inside an ordinary longer
word (规上企业 in 新增规上企业数) is. Reported at the segment in the TEI file, as a warning;
checked with the document, against its annotation file.

**Why.** The full annotation of the corpus is a promise to readers: every term explained
where it occurs, and counts of mentions that can be trusted. `duizhao suggest
--recommender gazetteer` proposes the missing annotations.

**Bad.** `s003` contains 链长制 and `annotations/<doc>.yaml` has no term annotation on it.

**Good.**
```yaml
- id: mini-news-2020.a0002
  type: term
  segment: s003
  quote: 链长制
  term: chain-chief-system
```
"""

from ... import annotations
from ...names import corpus_names
from ..finding import Problem, Severity

CODE = "G005"
SLUG = "term-unannotated"
SEVERITY = Severity.WARNING
TARGET = "tei"
NEEDS = ("annotations", "glossary", "entities")  # see check.coverage


def _covered(project, doc) -> tuple[dict[str, list[tuple[int, int, str | None]]], set[tuple[str, int, int]]]:
    """The spans of the document's term annotations, by segment: accepted, proposed and
    rejected (every decision counts); and the same as (segment, start, end), to find an
    occurrence annotated exactly in one look."""
    path = project.annotations_dir / f"{doc.id}.yaml"
    if not annotations.is_annotation_file(path) or not path.exists():
        return {}, set()
    index = annotations.load(project)
    covered: dict[str, list[tuple[int, int, str | None]]] = {}
    exact: set[tuple[str, int, int]] = set()
    for ann in index.file(path).annotations:
        span = index.span(ann) if ann.type == "term" else None
        if span is not None:
            covered.setdefault(ann.segment, []).append((*span, ann.term))
            exact.add((ann.segment, *span))
    return covered, exact


def check(item, project):
    doc = item.doc
    if doc is None:
        return
    covered = exact = None
    for occ in corpus_names(project).in_document(doc)[1]:
        terms = occ.match.names("term")
        if not terms:
            continue
        if covered is None:
            covered, exact = _covered(project, doc)
        m = occ.match
        if (occ.segment, m.start, m.end) in exact or any((start <= m.start and m.end <= end) or (start < m.end and m.start < end and term in terms)
               for start, end, term in covered.get(occ.segment, [])):
            continue
        seg = doc.segment_index[occ.segment]
        context = seg.zh[max(0, m.start - 6): m.end + 6]
        yield Problem(seg.line, 1, f"{occ.segment}: {m.form!r} ({', '.join(terms)}) at {m.start}-{m.end} is not annotated "
                      f"(…{context}…)")
