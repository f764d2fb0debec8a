"""How a document's English was made, read from its TEI header and its segments' attributes.

The header says it (``site/guide/encoding.md``, *Translation provenance*): each ``<ab>`` names
its translator with ``@resp`` (a ``titleStmt/respStmt``), its status with ``@ana`` (a category
of the ``translation-status`` taxonomy: ``draft``, ``checked`` = passes the automatic checks,
``reviewed`` = revised by a second reader) and, once revised, the ``revisionDesc/change`` that
records the revision with ``@change``; that change's ``@who`` names the reviser. The
translator's ``resp`` states the method in words (machine-generated, machine-assisted or a
human translation), which :func:`method_of` reads.

The site's document card, the segments and documents exports and ``duizhao stats`` take what
they show from here; rules X013, X014 and T009 check that the pointers hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tei import Change, Document, Responsibility, Translation

STATUSES = ("draft", "checked", "reviewed")  # the translation-status categories, in order
CATEGORIES: dict[str, tuple[str, str]] = {  # their catDesc in the header, (en, zh), as ingest writes them
    "draft": ("draft translation", "译文初稿"),
    "checked": ("passes the automatic checks; not revised by a second reader", "通过自动检查；未经译者以外的审校者修订"),
    "reviewed": ("revised by a second reader, recorded with its own change and reviser",
                 "经译者以外的审校者修订，修订记录与审校者另行注明"),
}
METHODS = ("machine-generated", "machine-assisted", "human")
_METHOD_WORDS = (  # the first that matches wins: "no human translator" is said of a machine draft
    ("machine-generated", re.compile(r"\bmachine[- ]generated\b|\bmachine translation\b(?!.*post-?edit)", re.I)),
    ("machine-assisted", re.compile(r"\bmachine[- ]assisted\b|\bpost-?edit", re.I)),
    ("human", re.compile(r"\bhuman translat|\btranslated by hand\b", re.I)),
)


def method_of(resp: str) -> str | None:
    """The method a translator's ``resp`` states: one of :data:`METHODS`, or ``None``."""
    for method, words in _METHOD_WORDS:
        if words.search(resp):
            return method
    return None


def pointers(value: str | None) -> tuple[str, ...]:
    """The ids an attribute of ``#id`` pointers names, without '#'."""
    return tuple(p.removeprefix("#") for p in (value or "").split())


def _names(doc: Document, ids: tuple[str, ...]) -> str | None:
    found = [doc.responsibilities[i].name for i in ids if i in doc.responsibilities]
    return "; ".join(dict.fromkeys(n for n in found if n)) or None


def translator(doc: Document, tr: Translation | None) -> str | None:
    """Who translated a segment: the names of the respStmts its ``@resp`` points to."""
    return None if tr is None else _names(doc, pointers("#" + tr.resp))


def revision_changes(doc: Document, tr: Translation | None) -> list[Change]:
    """The revisionDesc changes a segment's ``@change`` points to."""
    if tr is None or not tr.changes:
        return []
    by_id = {c.id: c for c in doc.revisions if c.id}
    return [by_id[c] for c in tr.changes if c in by_id]


def reviser(doc: Document, tr: Translation | None) -> str | None:
    """Who revised a reviewed segment: the names of the respStmts that the ``@who`` of its
    ``@change`` names; ``None`` for a segment not reviewed."""
    if tr is None or tr.status != "reviewed":
        return None
    return _names(doc, tuple(w for c in revision_changes(doc, tr) for w in c.who))


@dataclass(frozen=True)
class Revision:
    """A revision of segments by a second reader: the change that records it, who made it
    (its ``@who``) and how many segments point to it."""

    change: Change
    revisers: tuple[Responsibility, ...]
    segments: int


@dataclass(frozen=True)
class TranslationProvenance:
    """How the English of one document was made."""

    translators: tuple[Responsibility, ...]  # the respStmts the segments' @resp name
    method: str | None  # machine-generated | machine-assisted | human; None: the header does not say
    drafted: Change | None  # the first change made by a translator
    revisions: tuple[Revision, ...]  # second readings, in header order
    statuses: dict[str, int]  # segments by status; "missing": no English
    segments: int
    history: tuple[tuple[Change, tuple[Responsibility, ...]], ...]  # every change with its responsibilities

    @property
    def translated(self) -> int:
        return self.segments - self.statuses.get("missing", 0)

    @property
    def reviewed(self) -> int:
        return self.statuses.get("reviewed", 0)


def statuses(doc: Document) -> dict[str, int]:
    """Segments by translation status, in the order of :data:`STATUSES` (then any other
    status a document uses); ``missing``: no English."""
    out: dict[str, int] = {}
    for seg in doc.segments:
        tr = doc.translations.get(seg.id)
        key = (tr.status or "?") if tr and tr.en else "missing"
        out[key] = out.get(key, 0) + 1
    order = {s: i for i, s in enumerate((*STATUSES, "missing"))}
    return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], len(order))))


def of(doc: Document) -> TranslationProvenance:
    """The provenance of ``doc``'s translation."""
    trs = [doc.translations[s.id] for s in doc.segments if s.id in doc.translations]
    resp_ids = tuple(dict.fromkeys(i for tr in trs for i in pointers("#" + tr.resp)))
    translators = tuple(doc.responsibilities[i] for i in resp_ids if i in doc.responsibilities)
    methods = [m for m in (method_of(r.resp) for r in translators) if m]
    drafted = next((c for c in doc.revisions if set(c.who) & set(resp_ids)), None)
    counts: dict[str, int] = {}
    for tr in trs:
        if tr.status == "reviewed":
            for c in tr.changes:
                counts[c] = counts.get(c, 0) + 1
    revisions = tuple(
        Revision(c, tuple(doc.responsibilities[w] for w in c.who if w in doc.responsibilities), counts[c.id])
        for c in doc.revisions if c.id and c.id in counts
    )
    history = tuple((c, tuple(doc.responsibilities[w] for w in c.who if w in doc.responsibilities))
                    for c in doc.revisions)
    return TranslationProvenance(translators=translators, method=methods[0] if methods else None, drafted=drafted,
                                 revisions=revisions, statuses=statuses(doc), segments=len(doc.segments),
                                 history=history)
