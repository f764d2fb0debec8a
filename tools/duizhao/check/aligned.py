"""What the translation rules (``T``) share: segments paired with their English, the
glossary terms each segment's Chinese contains, and its numbers (which F001 reads too)."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator

from ..memo import per_project
from ..names import corpus_names
from ..numbers import NumberMention, find_numbers
from ..project import Project
from ..registries import Term, registries
from ..renderings import Renderings, prepare
from ..tei import Document, Segment, Translation


def translated(doc: Document) -> Iterator[tuple[Segment, Translation]]:
    """Each segment with a non-empty English translation, in document order."""
    for seg in doc.segments:
        tr = doc.translations.get(seg.id)
        if tr is not None and tr.en.strip():
            yield seg, tr


@per_project
def _terms_by_segment(project: Project) -> dict[tuple[str, str], list[tuple[str, Term, Renderings]]]:
    glossary = registries(project).terms
    compiled: dict[str, Renderings] = {}  # one per term and project (patterns compiled on first use)
    out: dict[tuple[str, str], list[tuple[str, Term, Renderings]]] = {}
    seen: dict[tuple[str, str], set[str]] = {}  # the term ids of ``out``'s lists
    for occ in corpus_names(project).occurrences:
        for term_id in occ.match.names("term"):
            key = (occ.doc, occ.segment)
            found, ids = out.setdefault(key, []), seen.setdefault(key, set())
            if term_id in glossary and term_id not in ids:
                if term_id not in compiled:
                    compiled[term_id] = Renderings(glossary[term_id])
                found.append((occ.match.form, glossary[term_id], compiled[term_id]))
                ids.add(term_id)
    return out


def segment_terms(project: Project, doc_id: str, seg_id: str) -> list[tuple[str, Term, Renderings]]:
    """``(form, glossary term, its renderings)`` for each term written in the segment's
    Chinese, once per term, longest match first: a term inside a longer registered name
    does not count."""
    return _terms_by_segment(project).get((doc_id, seg_id), [])


def translated_terms(project: Project, doc: Document, wanted: Callable[[Renderings], list[str]]
                     ) -> Iterator[tuple[Segment, Translation, str, Term, Renderings, tuple[str, str]]]:
    """``(segment, translation, form, glossary term, renderings, prepared English)`` for each
    term of each translated segment (:func:`segment_terms`) with ``wanted(renderings)`` forms
    to look for; the English is prepared (:func:`~duizhao.renderings.prepare`) once per
    segment, and only when a term asks."""
    for seg, tr in translated(doc):
        text = None
        for form, term, renderings in segment_terms(project, doc.id, seg.id):
            if not wanted(renderings):
                continue
            if text is None:
                text = prepare(tr.en)
            yield seg, tr, form, term, renderings, text


_NUMBERS: dict[int, dict[str, list[NumberMention]]] = {}  # by id(document), while it lives


def segment_numbers(doc: Document, seg: Segment) -> list[NumberMention]:
    """``find_numbers(seg.zh)`` for a segment of ``doc``, scanned once however many rules
    ask (T002 for every segment, F001 for those with figures), kept as long as the parsed
    document is."""
    found = _NUMBERS.get(id(doc))
    if found is None:
        found = _NUMBERS[id(doc)] = {}
        weakref.finalize(doc, _NUMBERS.pop, id(doc), None)
    if seg.id not in found:
        found[seg.id] = find_numbers(seg.zh)
    return found[seg.id]
