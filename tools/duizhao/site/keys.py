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
from collections.abc import Callable
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
        self.memo = data.page_keys  # page -> its key's digest, this build's and what the last one's still holds
        self._carry()

    def _carry(self) -> None:
        """Take the previous build's keys of the pages an edit cannot have touched: the
        registries the same, an entity's or indicator's page when no changed document has
        (or had) a mention or figure of it, or shows on it as before; the glossary when no
        document's text changed; the figures' index when no changed document's figures by
        indicator and modality did."""
        data, old = self.data, self.data.previous
        if old is None or old.registry_digest != data.registry_digest:
            return
        texts = any(old.project.documents.get(d) is not data.project.documents.get(d) for d in data.changed)
        targets = {t for t in data.changed_targets if not self._shown_as_before(t, old)}
        hit = {t: self._pages_hit(t, old) for t in targets if t[0] == "entity"}
        figures = any(_figure_counts(old, d) != _figure_counts(data, d) for d in data.changed)
        for page, value in old.page_keys.items():
            kind, name = page[0], page[1] if len(page) > 1 else None
            if kind == "entity" and (kind, name) in hit and (hit[(kind, name)] is None or page[2] in hit[(kind, name)]):
                continue
            if kind == "indicator" and ("figure", name) in targets:
                continue
            if (kind == "glossary" and texts) or (kind == "figures" and figures):
                continue
            self.memo[page] = value

    def _shown_as_before(self, target: tuple[str, str], old: SiteData) -> bool:
        """Whether an entity's or indicator's pages show every changed document as before:
        its run of places where it was, and the same :meth:`mention` keys or figure rows (a
        note, a status among those shown, an edit elsewhere in the document leave them be)."""
        kind, name = target
        if kind not in ("entity", "figure"):
            return False
        what, shown = ("mentions", self._mentions) if kind == "entity" else ("figures_shown", self._figures)
        for doc_id in self.data.changed:
            run = self.data.place_offsets.get(target, {}).get(doc_id)
            if run != old.place_offsets.get(target, {}).get(doc_id):
                return False
            if run is not None and (old.computed(doc_id, what) or {}).get(name, ()) != shown(doc_id).get(name):
                return False
        return True

    def _pages_hit(self, target: tuple[str, str], old: Any) -> set[int] | None:
        """The pages of an entity that show a changed document's mentions (None: all of them,
        when its number of mentions or where a changed document's start changed)."""
        data = self.data
        if len(old.places.get(target, ())) != len(data.places.get(target, ())):
            return None
        pages: set[int] = set()
        for doc_id in data.changed:
            before, now = old.place_offsets[target].get(doc_id), data.place_offsets[target].get(doc_id)
            if before != now:
                return None
            if now is not None and now[1]:
                first, count = now
                pages.update(range(first // render.MENTIONS_PER_PAGE + 1, (first + count - 1) // render.MENTIONS_PER_PAGE + 2))
        return pages

    def _remember(self, page: tuple, key: Callable[[], Any]) -> str:
        """The digest of ``key()``, for ``page``, worked out once (and carried over, :meth:`_carry`)."""
        if page not in self.memo:
            self.memo[page] = digest(key())
        return self.memo[page]

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
    def cards(self) -> str:
        return digest(tuple(self.data.per_document(doc.id, "card", lambda doc=doc: self.card(doc))
                            for doc in self.data.documents))

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
        def terms() -> tuple:
            out = []
            for tid in self.data.glossary:
                found = self.data.term_occurrences(tid)
                out.append((tid, tuple((o.doc, o.segment) for o in found[:render.OCCURRENCE_LINKS]), len(found)))
            return tuple(out)
        return ("glossary", self.registry["glossary"], self._remember(("glossary",), terms), tuple(downloads))

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
        return ("entity", eid, number, self._remember(("entity", eid, number), lambda: (
            entry, self._entry(entry.get("parent")), self.children.get(eid, ()), len(places),
            self._page_mentions(eid, places[first:first + render.MENTIONS_PER_PAGE], first))))

    def _page_mentions(self, eid: str, shown: list[Place], first: int) -> tuple:
        """The :meth:`mention` keys of ``shown``, the places of an entity from the ``first``:
        taken a document's run at a time from its keys."""
        runs, out = self.data.place_offsets.get(("entity", eid), {}), []
        while len(out) < len(shown):
            doc_id = shown[len(out)].doc.id
            skip = first + len(out) - runs[doc_id][0]
            out += self._mentions(doc_id)[eid][skip:skip + len(shown) - len(out)]
        return tuple(out)

    def _mentions(self, doc_id: str) -> dict[str, list[tuple]]:
        """``{entity: the mention keys of its places in a document}`` (once per document)."""
        return self.data.per_document(doc_id, "mentions", lambda: {
            eid: [self.mention(p) for p in found] for (kind, eid), found in self.data.document_places(doc_id).items()
            if kind == "entity"})

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
        def shown() -> tuple:
            rows = [self._figures(doc_id)[iid] for doc_id in self.data.place_offsets.get(("figure", iid), {})]
            named = sorted({e for found in rows for e in found[1]}, key=repr)
            return (self.data.indicators[iid], tuple(found[0] for found in rows),
                    tuple(self._entry(e) for e in named))
        return ("indicator", iid, self._remember(("indicator", iid), shown))

    def _figures(self, doc_id: str) -> dict[str, tuple[str, set]]:
        """``{indicator: (digest of its rows, the entities they name)}`` of one document."""
        def rows() -> dict[str, tuple[str, set]]:
            out = {}
            for (kind, iid), found in self.data.document_places(doc_id).items():
                if kind == "figure":
                    out[iid] = (digest(tuple(self.figure_row(p) for p in found)),
                                {e for p in found for e in (p.mark.ann.scope, p.mark.ann.rank_among) if e})
            return out
        return self.data.per_document(doc_id, "figures_shown", rows)

    def figures_index(self) -> tuple:
        """``figures.html``: every indicator's names and unit, its figures by modality; the
        figures without an indicator."""
        def counts() -> tuple:
            total: Counter = Counter()  # (indicator or None, modality) -> figures, summed over the documents
            for doc in self.data.documents:
                total.update(_figure_counts(self.data, doc.id))
            return (tuple((iid, tuple(sorted(((mod, n) for (i, mod), n in total.items() if i == iid and n), key=repr)))
                          for iid in self.data.indicators), sum(n for (i, _), n in total.items() if i is None))
        return ("figures", self.registry["indicators"], self._remember(("figures",), counts))


def _figure_counts(data: SiteData, doc_id: str) -> Counter:
    """``{(indicator or None, modality): figures}`` of one document (none when it is not in ``data``)."""
    if doc_id not in data.project.documents:
        return Counter()
    return data.per_document(doc_id, "figures", lambda: Counter(
        (m.ann.indicator or None, m.ann.modality) for ms in data.marks.get(doc_id, {}).values()
        for m in ms if m.type == "figure"))
