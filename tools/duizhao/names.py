"""Where registered names occur in the corpus: glossary terms (``zh`` + ``variants``) and
entity names (``zh`` + ``aliases``), matched in every segment's zh text.

One Aho-Corasick automaton over all forms finds every occurrence in one pass. An
occurrence strictly inside a longer registered name is not counted on its own (链长 inside
链长制, 高新区 inside 吉安高新区); an occurrence inside an unregistered longer word is
(规上企业 inside 新增规上企业数). Term frequencies, G004/G005 and E002 all use this one notion.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from .joined import Joined
from .memo import per_project
from .project import Project
from .registries import Record, records_of, registries
from .tei import Document, T

Ref = tuple[str, str]  # (kind, id): kind is ``term``, ``entity`` or ``indicator``


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    form: str
    refs: tuple[Ref, ...]  # everything this form names (several only on a collision)
    inside: bool = False  # strictly inside a longer registered name

    def names(self, kind: str) -> list[str]:
        return [rid for k, rid in self.refs if k == kind]


class Matcher:
    def __init__(self, forms: dict[str, list[Ref]]):
        self.forms = forms
        self._automaton = ahocorasick.Automaton() if forms else None
        for form, refs in forms.items():
            self._automaton.add_word(form, (form, tuple(refs)))
        if self._automaton is not None:
            self._automaton.make_automaton()

    @classmethod
    def of(cls, records: Iterable[Record]) -> "Matcher":
        """A matcher of the Chinese forms of registry records (those with an id)."""
        forms: dict[str, list[Ref]] = {}
        for record in records:
            if record.id is not None:
                for form in record.forms:
                    refs = forms.setdefault(form, [])
                    if (record.kind, record.id) not in refs:
                        refs.append((record.kind, record.id))
        return cls(forms)

    @classmethod
    def from_registries(cls, glossary: Iterable[Any], entities: Iterable[Any]) -> "Matcher":
        """A matcher of glossary terms and entities (records, or entries as written)."""
        return cls.of([*records_of("glossary", glossary), *records_of("entities", entities)])

    def find(self, text: str, nested: bool = False) -> list[NameMatch]:
        """Occurrences in ``text`` by position; those strictly inside a longer one only if ``nested``."""
        if self._automaton is None:
            return []
        # By start, longer first: (start, -end) sorts so, and never ties (one form per span).
        found = sorted((end + 1 - len(form), -end - 1, form, refs) for end, (form, refs) in self._automaton.iter(text))
        kept, reach = [], -1
        for start, neg_end, form, refs in found:
            end = -neg_end
            inside = end <= reach  # within an earlier-starting (or same-start, longer) match
            if nested or not inside:
                kept.append(NameMatch(start, end, form, refs, inside))
            reach = max(reach, end)
        return kept


@dataclass(frozen=True)
class Occurrence:
    doc: str
    segment: str
    match: NameMatch


class CorpusNames:
    """Every name occurrence of the corpus, in corpus and text order."""

    def __init__(self, project: Project, previous: "CorpusNames | None" = None):
        found = registries(project)
        self.matcher = Matcher.of([*found.records("glossary"), *found.records("entities")])
        self._by_doc: dict[str, tuple[Document, set[Ref], list[Occurrence]]] = {}
        self._refs: dict[str, dict[Ref, list[Occurrence]]] = {}  # a document's occurrences by ref
        # the same names: a document ``previous`` scanned (the same object) is not scanned again
        same = previous is not None and previous.matcher.forms == self.matcher.forms
        known = previous._by_doc if same else {}
        changed = set(known) - set(project.documents)  # removed
        for doc in project.documents.values():
            old = known.get(doc.id)
            if old is not None and old[0] is doc:
                self._by_doc[doc.id], self._refs[doc.id] = old, previous._refs[doc.id]
                continue
            changed.add(doc.id)
            written, occurrences = self._scan(doc)
            self._by_doc[doc.id] = (doc, written, occurrences)
            by_ref: dict[Ref, list[Occurrence]] = {}
            for occ in occurrences:
                for ref in occ.match.refs:
                    by_ref.setdefault(ref, []).append(occ)
            self._refs[doc.id] = by_ref
        order, part = list(self._by_doc), self._refs.__getitem__
        if same:
            touched = {ref for doc_id in changed for side in (previous, self) for ref in side._refs.get(doc_id, ())}
            self._by_ref = previous._by_ref.rejoined(order, part, changed, touched)
        else:
            self._by_ref = Joined.of(order, part)

    @property
    def occurrences(self) -> list[Occurrence]:
        """Every occurrence, in corpus and text order."""
        return [occ for _, _, found in self._by_doc.values() for occ in found]

    def _scan(self, doc: Document) -> tuple[set[Ref], list[Occurrence]]:
        written: set[Ref] = set()
        occurrences: list[Occurrence] = []
        header = doc.root.find(T + "teiHeader")
        if header is not None:
            for m in self.matcher.find(" ".join(header.itertext()), nested=True):
                written.update(m.refs)
        for seg in doc.segments:
            for m in self.matcher.find(seg.zh, nested=True):
                written.update(m.refs)
                if not m.inside:
                    occurrences.append(Occurrence(doc.id, seg.id, m))
        return written, occurrences

    def in_document(self, doc: Document) -> tuple[set[Ref], list[Occurrence]]:
        """What one document names: everything written in it (in a segment, even inside a
        longer name, or in its header) and its occurrences (as :meth:`of` counts), in text order."""
        found = self._by_doc.get(doc.id)
        return (found[1], found[2]) if found is not None and found[0] is doc else self._scan(doc)

    def of(self, kind: str, rid: str) -> list[Occurrence]:
        """The occurrences of one term or entity (not counting those inside a longer name)."""
        return self._by_ref.values.get((kind, rid), [])


@per_project
def corpus_names(project: Project) -> CorpusNames:
    return CorpusNames(project)


def carry(project: Project, previous: Project) -> CorpusNames:
    """``corpus_names(project)``, reusing the scans of ``previous``'s documents carried over
    (:meth:`Project.carry`)."""
    return corpus_names.put(project, CorpusNames(project, corpus_names(previous)))
