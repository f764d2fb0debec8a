"""Generated pages as HTML: auto-escaping templates, then sanitised.

Annotator and corpus text reaches HTML only through Jinja2 with autoescape on (or
:func:`markupsafe.escape` in :mod:`.spans`), and every page fragment is passed through
:func:`sanitise` (nh3) before MkDocs sees it: a note with ``<script>`` or a
``javascript:`` link comes out as inert text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import nh3
from jinja2 import Environment, FileSystemLoader
from lxml import etree
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ..pinyin import pinyin as pinyin_of
from ..suggest.report import Published
from ..tei import SEGMENT_TAGS, XML_ID, Document, Segment, T
from . import evaluation as evaluation_page
from . import figure_pages, i18n
from .data import Mark, SiteData
from .inline import Bold, Correction, Link, Note, PageBreak, markup
from .spans import Piece, Point, Span, emit, nest

TEMPLATES = Path(__file__).parent / "templates"
ANNOTATION_RANK = 1

# What survives sanitising: the elements and attributes the templates write, nothing else.
_TAGS = {
    "a", "abbr", "article", "aside", "br", "button", "caption", "code", "dd", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "header", "input", "label",
    "li", "mark", "nav", "ol", "p", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul", "pre", "blockquote", "hr",
    "svg", "g", "rect", "line", "polyline", "circle", "path", "text", "title", "desc", "tspan",
}
_ATTRS = {
    "*": {"class", "id", "lang", "title", "role", "tabindex", "hidden", "dir", "aria-label", "aria-describedby",
          "aria-labelledby", "aria-level", "aria-pressed", "aria-hidden", "aria-live", "aria-controls",
          "aria-expanded", "aria-current"},
    "a": {"href", "hreflang", "download", "rel"},
    "button": {"type", "value", "name"},
    "form": {"action", "method"},
    "input": {"type", "name", "value", "placeholder", "autocomplete", "checked", "spellcheck", "enterkeyhint"},
    "label": {"for"},
    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
    "svg": {"viewBox", "width", "height", "xmlns", "preserveAspectRatio", "focusable"},
    "g": {"transform", "fill", "stroke", "stroke-width", "stroke-dasharray", "font-size", "text-anchor"},
    "rect": {"x", "y", "width", "height", "fill", "stroke", "stroke-width", "rx"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width", "stroke-dasharray"},
    "polyline": {"points", "fill", "stroke", "stroke-width", "stroke-dasharray"},
    "circle": {"cx", "cy", "r", "fill", "stroke", "stroke-width"},
    "path": {"d", "fill", "stroke", "stroke-width", "stroke-dasharray"},
    "text": {"x", "y", "dx", "dy", "text-anchor", "font-size", "fill", "transform", "dominant-baseline"},
    "tspan": {"x", "y", "dx", "dy"},
}
_URL_SCHEMES = {"http", "https", "mailto"}


_CLEANER = nh3.Cleaner(tags=_TAGS, attributes=_ATTRS, url_schemes=_URL_SCHEMES,
                       generic_attribute_prefixes={"data-"}, link_rel=None, strip_comments=True)


def sanitise(html: str) -> str:
    """Keep only the markup the site writes; drop scripts, handlers and unsafe URLs."""
    return _CLEANER.clean(html)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pinyin"] = lru_cache(maxsize=None)(pinyin_of)
    return env


def preload(env: Environment) -> None:
    """Compile the templates and load jieba's dictionary (pinyin cuts words with it) once,
    before renderers are forked."""
    for template in env.list_templates(extensions=["html"]):
        env.get_template(template)
    pinyin_of("汉字")


def name(entry: dict[str, Any] | None, lang: str, fallback: str = "") -> str:
    """An entry's name (or description, definition…) in ``lang``, else in the other language."""
    if not entry:
        return fallback
    value = entry.get(lang) or entry.get(i18n.other(lang))
    return value if isinstance(value, str) else fallback


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


class Renderer:
    """Renders the pages of one language; ``url`` is the URL of the page being rendered."""

    def __init__(self, data: SiteData, lang: str, env: Environment | None = None,
                 views: dict[str, tuple[list["Block"], "Tips"]] | None = None):
        self.data = data
        self.lang = lang
        self.env = env or environment()
        # a document's rows and tooltips do not depend on the interface language: both
        # languages' renderers share them (only the tooltips' and labels' texts differ)
        self.views = {} if views is None else views
        self._tip_bodies: dict[tuple[str, Any], Markup] = {}

    # -- plumbing ---------------------------------------------------------------------
    def context(self, url: str) -> dict[str, Any]:
        """What every template sees on the page at ``url``."""
        lang = self.lang

        def u(target: str) -> str:
            return get_relative_url(target, url)

        def t(key: str, **values: Any) -> str:
            return i18n.t(key, lang, **values)

        return dict(lang=lang, other=i18n.other(lang), t=t, u=u, data=self.data,
                    name=lambda e, fb="": name(e, lang, fb), unit_label=lambda unit: i18n.unit_label(unit, lang),
                    figure_text=lambda ann: figure_pages.shown_value(ann, lang),
                    figure_details=lambda ann: figure_pages.details(ann, lang), modality=figure_pages.modality)

    def page(self, template: str, url: str, **context: Any) -> str:
        """Render ``template`` for the page at ``url`` and sanitise the result."""
        return sanitise(self.env.get_template(template).render(**self.context(url), **context))

    # -- document pages ----------------------------------------------------------------
    def document(self, doc: Document, url: str, downloads: dict[str, str]) -> str:
        if doc.id not in self.views:
            tips = Tips()
            blocks = self._blocks(doc, doc.source_text, tips) if doc.source_text is not None else []
            self.views[doc.id] = (blocks, tips)
        blocks, tips = self.views[doc.id]
        statuses: dict[str, int] = {}
        for seg in doc.segments:
            tr = doc.translations.get(seg.id)
            status = tr.status if tr and tr.en else "missing"
            statuses[status] = statuses.get(status, 0) + 1
        return self.page("document.html", url, doc=doc, blocks=blocks, tips=self._tips(tips.items, url),
                         statuses=statuses, counts=self.data.annotation_counts(doc), downloads=downloads)

    def _tips(self, tips: list[Tip], url: str) -> list[tuple[str, Markup]]:
        """``(id, body)`` of each tooltip of the page at ``url``. A term's, entity's,
        correction's or note's body is rendered once for every page in the same folder (the
        documents': its links, to the glossary or an entity, read the same from each)."""
        folder = url.rstrip("/").rpartition("/")[0]
        module = None
        out = []
        for tip in tips:
            shared = (folder, tip.key) if tip.kind in SHARED_TIPS else None
            body = self._tip_bodies.get(shared) if shared else None
            if body is None:
                module = module or self.env.get_template("tips.html").make_module(self.context(url))
                body = module.render(tip)
                if shared:
                    self._tip_bodies[shared] = body
            out.append((tip.id, body))
        return out

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
            en = emit(tr.en, nest(spans), [], lambda piece: self._open_mark(piece, tips), lambda point: Markup(""))
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

    def _open_mark(self, piece: Piece, tips: Tips) -> tuple[Markup, Markup]:
        mark: Mark = piece.span.payload
        classes = f"dz-ann dz-{mark.type}" + (" dz-proposed" if mark.ann.status == "proposed" else "")
        focus = Markup(' tabindex="0"') if piece.first else Markup("")
        tip = tips.of[mark.id]
        return (Markup('<span class="%s" data-ann="%s" data-tip="%s" aria-describedby="%s"%s>')
                % (classes, mark.id, tip, tip, focus), Markup("</span>"))


def kwic(text: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    """Keyword in context: up to ``width`` characters each side of ``text[start:end]``."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return ("…" + left if start > width else left), text[start:end], (right + "…" if end + width < len(text) else right)



# -- the other pages -------------------------------------------------------------------------
@dataclass(frozen=True)
class Download:
    """A file offered for download: ``path`` is relative to the site root."""

    what: str  # dataset name, or "tei" / "yaml" for a document's files
    format: str
    path: str
    size: int
    doc: str | None = None
    description: str = ""


def _documents_context(renderer: "Renderer") -> dict[str, Any]:
    rows = []
    for doc in renderer.data.documents:
        statuses: dict[str, int] = {}
        for seg in doc.segments:
            tr = doc.translations.get(seg.id)
            key = tr.status if tr and tr.en else "missing"
            statuses[key] = statuses.get(key, 0) + 1
        rows.append({"doc": doc, "statuses": statuses, "counts": renderer.data.annotation_counts(doc)})
    return {"rows": rows}


MENTIONS_PER_PAGE = 500  # keyword-in-context lines on one entity page (more: further pages)
OCCURRENCE_LINKS = 200  # occurrence links per term on the glossary page


def entity_url(lang: str, eid: str, number: int = 1) -> str:
    """Site-root URL of page ``number`` of an entity's mentions."""
    return f"{lang}/entities/{eid}/" + (f"{number}/" if number > 1 else "")


def entity_pages(mentions: int) -> int:
    return max(1, -(-mentions // MENTIONS_PER_PAGE))


def _sort_key_zh(text: str) -> str:
    return pinyin_of(text).lower()


class Pages(Renderer):
    """Every generated page of one language."""

    def home(self, url: str) -> str:
        ctx = _documents_context(self)
        totals = {"documents": len(ctx["rows"]),
                  "segments": sum(len(r["doc"].segments) for r in ctx["rows"]),
                  "translated": sum(r["statuses"].get("reviewed", 0) + r["statuses"].get("draft", 0) for r in ctx["rows"]),
                  "reviewed": sum(r["statuses"].get("reviewed", 0) for r in ctx["rows"]),
                  "terms": len(self.data.glossary), "entities": len(self.data.entities),
                  "indicators": len(self.data.indicators),
                  "annotations": sum(sum(r["counts"].values()) for r in ctx["rows"])}
        return self.page("home.html", url, totals=totals, **ctx)

    def documents(self, url: str) -> str:
        return self.page("documents.html", url, **_documents_context(self))

    def glossary(self, url: str, downloads: list[Download]) -> str:
        docs = {d.id: d for d in self.data.documents}
        terms = []
        for tid, entry in self.data.glossary.items():
            occurrences = [(docs[d], s) for d, s in self.data.term_occurrences.get(tid, []) if d in docs]
            terms.append({"id": tid, "entry": entry, "occurrences": occurrences[:OCCURRENCE_LINKS],
                          "frequency": len(occurrences), "annotated": len(self.data.places_of("term", tid))})
        terms.sort(key=lambda t: _sort_key_zh(str(t["entry"].get("zh", ""))))
        categories = sorted({str(t["entry"].get("category") or "") for t in terms} - {""})
        return self.page("glossary.html", url, terms=terms, categories=categories, downloads=downloads)

    def entities_index(self, url: str) -> str:
        groups: dict[str, list[dict[str, Any]]] = {}
        for eid, entry in self.data.entities.items():
            groups.setdefault(str(entry.get("type") or "other"), []).append(
                {"id": eid, "entry": entry, "mentions": len(self.data.places_of("entity", eid))})
        order = ("place", "org", "company", "person", "programme", "document", "event")
        ordered = [(kind, sorted(groups[kind], key=lambda e: _sort_key_zh(str(e["entry"].get("zh", "")))))
                   for kind in (*order, *sorted(set(groups) - set(order))) if kind in groups]
        return self.page("entities.html", url, groups=ordered)

    def entity(self, url: str, eid: str, number: int = 1) -> str:
        """Page ``number`` of an entity: its record and its mentions (:data:`MENTIONS_PER_PAGE` a page)."""
        entry = self.data.entities[eid]
        places = self.data.places_of("entity", eid)
        total = len(places)
        pages = entity_pages(total)
        first = (number - 1) * MENTIONS_PER_PAGE
        mentions = []
        for place in places[first:first + MENTIONS_PER_PAGE]:
            tr = place.doc.translations.get(place.segment.id)
            span = self.data.projections(place.doc, place.segment).get(place.mark.id)
            zh = kwic(place.segment.zh, place.mark.start, place.mark.end, 24)
            if tr is not None and tr.en and span is not None:
                en = kwic(tr.en, span[0], span[1], 60)
            else:
                en = (tr.en[:140] + ("…" if len(tr.en) > 140 else ""), "", "") if tr and tr.en else ("", "", "")
            mentions.append({"place": place, "zh": zh, "en": en})
        children = [(cid, c) for cid, c in self.data.entities.items() if c.get("parent") == eid]
        return self.page("entity.html", url, eid=eid, entry=entry, mentions=mentions, children=children,
                         total=total, number=number, pages=pages, first=first,
                         page_url=lambda n: entity_url(self.lang, eid, n))

    def figures_index(self, url: str) -> str:
        return figure_pages.FigurePages(self).index(url)

    def indicator(self, url: str, iid: str) -> str:
        return figure_pages.FigurePages(self).indicator(url, iid)

    def quality(self, url: str, findings: list[Any], root: Path, rules: dict[str, Any]) -> str:
        rows = []
        for f in findings:
            path = Path(f.path)
            try:
                shown = str(path.resolve().relative_to(root))
            except ValueError:
                shown = f.path
            rows.append({"f": f, "path": shown})
        by_rule: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_rule.setdefault(row["f"].code, []).append(row)
        conflicts = by_rule.pop("F004", [])
        counts = {"error": sum(1 for r in rows if r["f"].severity.value == "error"),
                  "warning": sum(1 for r in rows if r["f"].severity.value == "warning")}
        return self.page("quality.html", url, by_rule=sorted(by_rule.items()), conflicts=conflicts,
                         counts=counts, total=len(rows), has_f004="F004" in rules)

    def evaluation(self, url: str, published: Published) -> str:
        return self.page("evaluation.html", url, **evaluation_page.context(published))

    def rules(self, url: str, rules: dict[str, Any]) -> str:
        import markdown
        entries = []
        for code, rule in sorted(rules.items()):
            doc = (rule.__doc__ or "").strip()
            first, _, body = doc.partition("\n")
            summary = first.split(" — ", 1)[-1]
            entries.append({"code": code, "slug": rule.SLUG, "severity": rule.SEVERITY.value,
                            "target": getattr(rule, "TARGET", ""),
                            "summary": Markup(markdown.markdown(summary)),
                            "body": Markup(markdown.markdown(body.strip(), extensions=["extra"]))})
        return self.page("rules.html", url, rules=entries)

    def downloads(self, url: str, downloads: list[Download]) -> str:
        datasets = [d for d in downloads if d.doc is None]
        per_doc: dict[str, list[Download]] = {}
        for d in downloads:
            if d.doc is not None:
                per_doc.setdefault(d.doc, []).append(d)
        docs = [(doc, per_doc.get(doc.id, [])) for doc in self.data.documents]
        return self.page("downloads.html", url, datasets=datasets, docs=docs)

    def search(self, url: str) -> str:
        return self.page("search.html", url)
