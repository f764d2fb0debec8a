"""The reading view of a document: its TEI as rows of Chinese and English with the
highlights, corrections, notes and page breaks, and the tooltips they point to.

A document's view does not depend on the interface language, so both languages' pages
share it (:class:`ReadingView`); only the tooltips' texts differ (:class:`TipBodies`).
A highlight and its English counterpart are one pair: only the Chinese one is a tab stop
(the script hands the stop to the English one when only English is shown).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from lxml import etree
from markupsafe import Markup

from ..tei import SEGMENT_TAGS, XML_ID, Document, Segment, T
from . import i18n
from .data import Mark, SiteData
from .inline import Bold, Correction, Link, PageBreak, markup
from .spans import Piece, Point, Span, emit, nest

ANNOTATION_RANK = 1


@dataclass
class Block:
    """One node of a document's reading view (a div, a turn, a figure, a segment…)."""

    kind: str
    attrs: dict[str, Any] = field(default_factory=dict)
    children: list["Block"] = field(default_factory=list)


@dataclass
class Tip:
    id: str
    kind: str  # term | entity | figure | correction | note
    data: dict[str, Any]
    key: Any = None  # what it shows: equal keys, equal bodies


SHARED_TIPS = ("term", "entity", "correction", "note")  # bodies equal on every page; a figure's is its own


class Tips:
    """The tooltips of one page, one per distinct content: the thirty mentions of 吉安 share
    one tooltip (spans point to it with ``data-tip`` and ``aria-describedby``)."""

    def __init__(self) -> None:
        self.items: list[Tip] = []
        self._ids: dict[Any, str] = {}
        self.of: dict[str, str] = {}  # mark id -> tooltip id

    def add(self, key: Any, kind: str, data: dict[str, Any]) -> str:
        if key not in self._ids:
            self._ids[key] = f"tip-{len(self.items) + 1}"
            self.items.append(Tip(self._ids[key], kind, data, key))
        return self._ids[key]

    def mark(self, mark: Mark, in_english: bool, has_english: bool) -> None:
        ann = mark.ann
        shown = (mark.type, mark.target, ann.status, ann.source if ann.status == "proposed" else None, ann.note,
                 in_english, has_english)
        key = ("figure", mark.id) if mark.type == "figure" else shown
        self.of[mark.id] = self.add(key, mark.type, {"mark": mark, "in_english": in_english,
                                                     "has_english": has_english})


class ReadingView:
    """Builds documents' rows and tooltips (:class:`Block`, :class:`Tips`) from the site data."""

    def __init__(self, data: SiteData):
        self.data = data

    def of(self, doc: Document) -> tuple[list[Block], Tips]:
        tips = Tips()
        blocks = self._blocks(doc, doc.source_text, tips) if doc.source_text is not None else []
        return blocks, tips

    def _blocks(self, doc: Document, elem: etree._Element, tips: Tips) -> list[Block]:
        out: list[Block] = []
        for child in elem:
            if not isinstance(child.tag, str):
                continue
            name_ = child.tag[len(T):] if child.tag.startswith(T) else child.tag
            if child.tag in SEGMENT_TAGS and child.get(XML_ID) in doc.segment_index:
                out.append(self._segment(doc, doc.segment_index[child.get(XML_ID)], tips))
            elif name_ == "sp":
                who = (child.get("who") or "").split()[0].removeprefix("#") if child.get("who") else ""
                person = doc.speakers.get(who)
                label = child.find(T + "speaker")
                out.append(Block("sp", {
                    "who": who, "person": person,
                    "label": " ".join("".join(label.itertext()).split()) if label is not None else "",
                }, self._blocks(doc, child, tips)))
            elif name_ == "speaker":
                continue
            elif name_ in ("div", "figure", "list", "front", "body", "back"):
                out.append(Block(name_, {"type": child.get("type") or child.get("rend") or ""},
                                 self._blocks(doc, child, tips)))
            elif name_ == "pb":
                out.append(Block("pb", {"n": child.get("n")}))
            else:
                out.extend(self._blocks(doc, child, tips))
        return out

    def _segment(self, doc: Document, seg: Segment, tips: Tips) -> Block:
        marks = self.data.segment_marks(doc, seg)
        tr = doc.translations.get(seg.id)
        projected = self.data.projections(doc, seg)
        for mark in marks:
            tips.mark(mark, mark.id in projected, bool(tr and tr.en))
        zh = self._zh_html(seg, marks, tips)
        en = None
        if tr is not None and tr.en:
            by_id = {m.id: m for m in marks}
            spans = [Span(s, e, ANNOTATION_RANK, mid, by_id[mid]) for mid, (s, e) in projected.items()]
            en = emit(tr.en, nest(spans), [], lambda piece: self._open_mark(piece, tips, english=True), lambda point: Markup(""))
        return Block("seg", {"seg": seg, "zh": zh, "en": en, "status": tr.status if tr and tr.en else "missing",
                             "resp": tr.resp if tr else ""})

    def _zh_html(self, seg: Segment, marks: list[Mark], tips: Tips) -> Markup:
        decorations = markup(seg.element, seg.zh) if seg.element is not None else None
        spans = [Span(m.start, m.end, ANNOTATION_RANK, m.id, m) for m in marks]
        points: list[Point] = []
        if decorations is not None:
            spans += decorations.spans
            points = decorations.points
        def register(payload: Any) -> str:  # equal corrections or notes share a tooltip
            if isinstance(payload, Correction):
                return tips.add(("fix", payload), "correction", {"fix": payload})
            return tips.add(("note", payload), "note", {"note": payload})

        def opener(piece: Piece) -> tuple[Markup, Markup]:
            payload = piece.span.payload
            if isinstance(payload, Mark):
                return self._open_mark(piece, tips)
            if isinstance(payload, Bold):
                return Markup("<strong>"), Markup("</strong>")
            if isinstance(payload, Link):
                return Markup('<a class="dz-ref" href="%s">') % payload.target, Markup("</a>")
            if isinstance(payload, Correction):
                tip = register(payload)
                attrs = Markup(' tabindex="0"') if piece.first else Markup("")
                return (Markup('<span class="dz-corr dz-corr--%s" aria-describedby="%s" data-tip="%s"%s>')
                        % (payload.type or "other", tip, tip, attrs), Markup("</span>"))
            return Markup("<span>"), Markup("</span>")

        def marker(point: Point) -> Markup:
            payload = point.payload
            if isinstance(payload, Correction) and payload.type == "page-break" and not payload.source:
                return self._pagebreak()
            if isinstance(payload, PageBreak):
                return self._pagebreak()
            tip = register(payload)
            if isinstance(payload, Correction):
                return (Markup('<span class="dz-corr dz-corr--%s dz-corr--point" tabindex="0" aria-describedby="%s" '
                               'data-tip="%s">‸</span>') % (payload.type or "other", tip, tip))
            return Markup('<sup class="dz-note" tabindex="0" aria-describedby="%s" data-tip="%s">†</sup>') % (tip, tip)

        return emit(seg.zh, nest(spans), points, opener, marker)

    @staticmethod
    def _pagebreak() -> Markup:
        label = f"{i18n.t('page_break', 'zh')} · {i18n.t('page_break', 'en')}"
        return Markup('<span class="dz-pb" title="%s">⁞</span>') % label

    def _open_mark(self, piece: Piece, tips: Tips, english: bool = False) -> tuple[Markup, Markup]:
        """A highlight; its first piece in the Chinese is the pair's tab stop (``data-first`` in
        the English: the script makes it one when only the English is shown)."""
        mark: Mark = piece.span.payload
        classes = f"dz-ann dz-{mark.type}" + (" dz-proposed" if mark.ann.status == "proposed" else "")
        focus = Markup("") if not piece.first else Markup(' data-first=""') if english else Markup(' tabindex="0"')
        tip = tips.of[mark.id]
        return (Markup('<span class="%s" data-ann="%s" data-tip="%s" aria-describedby="%s"%s>')
                % (classes, mark.id, tip, tip, focus), Markup("</span>"))


class TipBodies:
    """The tooltips' bodies in one language. A term's, entity's, correction's or note's body is
    rendered once for every page in the same folder (the documents': its links, to the
    glossary or an entity, read the same from each)."""

    def __init__(self, env: Environment):
        self.env = env
        self._shared: dict[tuple[str, Any], Markup] = {}

    def __call__(self, tips: list[Tip], url: str, context: dict[str, Any]) -> list[tuple[str, Markup]]:
        folder = url.rstrip("/").rpartition("/")[0]
        module = None
        out = []
        for tip in tips:
            shared = (folder, tip.key) if tip.kind in SHARED_TIPS else None
            body = self._shared.get(shared) if shared else None
            if body is None:
                module = module or self.env.get_template("tips.html").make_module(context)
                body = module.render(tip)
                if shared:
                    self._shared[shared] = body
            out.append((tip.id, body))
        return out
