"""What each generated page shows, as the small values its render-cache key is made of.

A page is rendered again only when its key changes (:class:`.page_list.Spec`), and ``mkdocs
serve --dirty`` does not even re-template a page whose key is the same: a key must hold
everything its page shows (never a stale page), and as little else as it can (an edit
renders again only the pages it changes). Each method mirrors a page's context
(:mod:`.render`, :mod:`.figure_pages`) and template, named in its docstring: change them
together (``tests/test_site_keys.py`` renders every page before and after edits and checks
that no page changed under an unchanged key). Keys are made from :class:`.SiteData`'s
marks and places, which the pages use too: nothing here renders or projects English.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from functools import cached_property
from typing import Any

from .. import translation_provenance
from ..tei import Document
from . import i18n, meta, render
from .data import Mark, Place, SiteData


def digest(value: Any) -> str:
    """A short stand-in for a large value in a key (its ``repr``, hashed)."""
    return hashlib.sha256(repr(value).encode()).hexdigest()


def _projected(mark: Mark) -> tuple:
    """What :func:`duizhao.projection.project` reads of a mark."""
    ann = mark.ann
    figure = (ann.quote, ann.value, ann.value_max, ann.scale, ann.unit, ann.qualifier) if mark.type == "figure" else ()
    return (mark.id, mark.type, mark.target, mark.start, mark.end, *figure)


class Keys:
    """The keys of the pages made from ``data`` (the things several pages share, computed once)."""

    def __init__(self, data: SiteData):
        self.data = data
        # (doc, segment, type, target) -> digest of the segment's texts and of the marks projected with the target's
        self._groups: dict[tuple[str, str, str, str | None], str] = {}

    @cached_property
    def registry(self) -> dict[str, str]:
        """``{registry: digest of its entries as written}``: comments and layout of the file left out."""
        return {name: digest(list(entries.items())) for name, entries in self.data.registries.items()}

    # -- documents ----------------------------------------------------------------------
    def card(self, doc: Document) -> tuple:
        """A document's row in the list of ``document_list.html`` (home, documents index)."""
        return (doc.id, doc.date, tuple(meta.date_shown(doc, lang) for lang in i18n.LANGS),
                tuple(meta.title(doc, lang) for lang in i18n.LANGS),
                tuple(bool(doc.headings.get(lang)) for lang in i18n.LANGS), doc.genre,
                tuple(sorted(doc.place.items())), tuple(translation_provenance.statuses(doc).items()),
                len(doc.segments), sum(self.data.annotation_counts(doc).values()))

    @cached_property
    def cards(self) -> tuple:
        return tuple(self.card(doc) for doc in self.data.documents)

    def home(self) -> tuple:
        """``home.html``: the document list, the totals drawn from it and the registries' sizes."""
        data = self.data
        return ("home", self.cards, len(data.glossary), len(data.entities), len(data.indicators))

    def documents(self) -> tuple:
        """``documents.html``: the document list."""
        return ("documents", self.cards)

    # -- glossary and entities ------------------------------------------------------------
    def glossary(self, downloads: list[Any]) -> tuple:
        """``glossary.html``: the terms, each one's occurrence links (the first
        :data:`~.render.OCCURRENCE_LINKS`) and frequency; the downloads. (The page's context
        counts a term's annotations too, which the template does not show.)"""
        docs = {doc.id for doc in self.data.documents}
        terms = []
        for tid in self.data.glossary:
            found = [(d, s) for d, s in self.data.term_occurrences.get(tid, []) if d in docs]
            terms.append((tid, tuple(found[:render.OCCURRENCE_LINKS]), len(found)))
        return ("glossary", self.registry["glossary"], tuple(terms), tuple(downloads))

    def entities_index(self) -> tuple:
        """``entities.html``: every entity's names and type, and its number of mentions."""
        counts = tuple(len(self.data.places_of("entity", eid)) for eid in self.data.entities)
        return ("entities", self.registry["entities"], counts)

    @cached_property
    def children(self) -> dict[str, tuple]:
        """``{entity: ((child id, entry), …)}`` in registry order."""
        out: dict[str, list] = defaultdict(list)
        for cid, c in self.data.entities.items():
            if isinstance(c.get("parent"), str):
                out[c["parent"]].append((cid, c))
        return {eid: tuple(found) for eid, found in out.items()}

    def _entry(self, eid: Any) -> tuple:
        """An entity as a link shows it (``entity_link``, ``scope_name``): its entry, or None when unknown."""
        return (eid, self.data.entities.get(eid) if isinstance(eid, str) else None)

    def mention(self, place: Place) -> tuple:
        """One keyword-in-context line of ``entity.html``: the segment link, the Chinese around
        the mark and the English around its projection. :func:`duizhao.projection.project`
        pairs the marks of one entity in a segment, in text order, with the matches of its
        English names (the entity's entry, in the page's key) in the segment's English; the
        other marks of the segment count only if one has the same id (its span would replace)."""
        doc, seg, mark = place.doc, place.segment, place.mark
        key = (doc.id, seg.id, mark.type, mark.target)
        if key not in self._groups:  # once for all the mentions of an entity in a segment
            tr = doc.translations.get(seg.id)
            marks = [(m, m.id) for m in self.data.segment_marks(doc, seg)]
            same = {i for m, i in marks if m.type == mark.type and m.target == mark.target}
            self._groups[key] = digest((seg.zh, tr.en if tr is not None else None,
                                        tuple(_projected(m) for m, i in marks if i in same)))
        return (doc.id, seg.id, mark.id, mark.start, mark.end, self._groups[key])

    def entity(self, eid: str, number: int) -> tuple:
        """Page ``number`` of ``entity.html``: the entry, its parent and children (linked by
        name), the mentions on that page and their total (the pager, the page's description)."""
        entry = self.data.entities[eid]
        places = self.data.places_of("entity", eid)
        first = (number - 1) * render.MENTIONS_PER_PAGE
        return ("entity", eid, entry, self._entry(entry.get("parent")), self.children.get(eid, ()), number, len(places),
                tuple(self.mention(p) for p in places[first:first + render.MENTIONS_PER_PAGE]))

    # -- figures ------------------------------------------------------------------------------
    @staticmethod
    def figure_row(place: Place) -> tuple:
        """A figure as ``indicator.html`` shows it (table row, chart point, legend): what the
        annotation states, where it is; not its note, status, prefix/suffix or id."""
        ann = place.mark.ann
        return (place.doc.id, place.segment.id, ann.quote, ann.value, ann.value_max, ann.unit, ann.scale,
                ann.qualifier, ann.measure, ann.modality, ann.rank_of, ann.rank_among, ann.per, ann.benchmark,
                ann.scope, ann.period)

    def indicator(self, iid: str) -> tuple:
        """``indicator.html``: the entry, the figures and the entities they name (scope, rank
        among). The rows are keyed in corpus order: the page sorts them (stably) by fields
        of the rows, so the order shown follows from this one."""
        places = self.data.places_of("figure", iid)
        named = sorted({e for p in places for e in (p.mark.ann.scope, p.mark.ann.rank_among) if e}, key=repr)
        return ("indicator", iid, self.data.indicators[iid], tuple(self.figure_row(p) for p in places),
                tuple(self._entry(e) for e in named))

    def figures_index(self) -> tuple:
        """``figures.html``: every indicator's names and unit, its figures by modality; the
        figures without an indicator."""
        counts = tuple((iid, tuple(sorted(Counter(p.mark.ann.modality for p in self.data.places_of(
            "figure", iid)).items(), key=repr))) for iid in self.data.indicators)
        unassigned = sum(1 for marks in self.data.marks.values() for ms in marks.values()
                         for m in ms if m.type == "figure" and not m.ann.indicator)
        return ("figures", self.registry["indicators"], counts, unassigned)
