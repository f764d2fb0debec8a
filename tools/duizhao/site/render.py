"""Page contexts: what each generated page shows, rendered through auto-escaping templates
and sanitised (:mod:`.html`). A document's reading view is :mod:`.reading`'s."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from .. import translation_provenance
from ..suggest.report import Published
from ..tei import Document
from . import evaluation as evaluation_page
from . import figure_pages, i18n, meta, urls
from .data import SiteData
from .html import environment, kwic, name, pinyin_of, preload, sanitise  # noqa: F401 (re-exported)
from .reading import Block, ReadingView, TipBodies, Tips


class Renderer:
    """Renders the pages of one language; ``url`` is the URL of the page being rendered."""

    def __init__(self, data: SiteData, lang: str, env: Environment | None = None,
                 views: dict[str, tuple[list[Block], Tips]] | None = None,
                 version: meta.Version | None = None, site_url: str | None = None):
        self.data = data
        self.lang = lang
        self.env = env or environment()
        # a document's rows and tooltips do not depend on the interface language: both
        # languages' renderers share them (only the tooltips' and labels' texts differ)
        self.views = {} if views is None else views
        self.tip_bodies = TipBodies(self.env)
        self.version = version or meta.Version(data.version, None, data.version)
        self.site_url = site_url

    def context(self, url: str) -> dict[str, Any]:
        """What every template sees on the page at ``url``."""
        lang = self.lang
        link = urls.Links(lang, url)

        def t(key: str, **values: Any) -> str:
            return i18n.t(key, lang, **values)

        return dict(lang=lang, other=i18n.other(lang), t=t, u=link.to, link=link, data=self.data,
                    name=lambda e, fb="": name(e, lang, fb), unit_label=lambda unit: i18n.unit_label(unit, lang),
                    date=lambda doc: meta.date_shown(doc, lang), title=lambda doc, lg=lang: meta.title(doc, lg),
                    subtitle=lambda doc, lg=lang: meta.subtitle(doc, lg),
                    figure_text=lambda ann: figure_pages.shown_value(ann, lang), figure_sort=figure_pages.sort_value,
                    figure_details=lambda ann: figure_pages.details(
                        ann, lang, lambda e: name(self.data.entities.get(e), lang, e)), modality=figure_pages.modality)

    def page(self, template: str, url: str, **context: Any) -> str:
        """Render ``template`` for the page at ``url`` and sanitise the result."""
        return sanitise(self.env.get_template(template).render(**self.context(url), **context))


def _statuses(doc: Document) -> dict[str, int]:
    """Segments by translation status (``missing``: no English)."""
    return translation_provenance.statuses(doc)


@dataclass(frozen=True)
class Download:
    """A file offered for download: ``path`` is relative to the site root."""

    what: str  # dataset name, or "tei" / "yaml" for a document's files
    format: str
    path: str
    size: int
    doc: str | None = None
    description: str = ""
    sha256: str = ""  # of the bytes the site serves


def _documents_context(renderer: "Renderer") -> dict[str, Any]:
    rows = []
    for doc in renderer.data.documents:
        rows.append({"doc": doc, "statuses": _statuses(doc), "counts": renderer.data.annotation_counts(doc)})
    return {"rows": rows}


FINDINGS_PER_RULE = 200  # rows per rule on the data-quality page (the rest: counted; `duizhao check` lists all)
MENTIONS_PER_PAGE = 500  # keyword-in-context lines on one entity page (more: further pages)
OCCURRENCE_LINKS = 200  # occurrence links per term on the glossary page


def entity_pages(mentions: int) -> int:
    return max(1, -(-mentions // MENTIONS_PER_PAGE))


def sort_key(entry: dict[str, Any], lang: str) -> tuple[str, str]:
    """Where a registry entry sorts for a reader of ``lang``: by its English name (en), by the
    pinyin of its Chinese name (zh), letters compared without case or tone marks."""
    import unicodedata

    text = str(entry.get("en") or "") if lang == "en" else pinyin_of(str(entry.get("zh") or ""))
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    return plain.lstrip("\"'“‘(（ "), text


def initial(key: tuple[str, str]) -> str:
    """The A–Z jump letter of a sort key (``#`` for one starting with a digit or a sign)."""
    first = key[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


def lettered(items: list[dict[str, Any]], lang: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """``items`` (with an ``entry``) sorted for ``lang`` and grouped by initial letter."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in sorted(items, key=lambda i: sort_key(i["entry"], lang)):
        groups.setdefault(initial(sort_key(item["entry"], lang)), []).append(item)
    return sorted(groups.items(), key=lambda g: (g[0] == "#", g[0]))


class Pages(Renderer):
    """Every generated page of one language."""

    def document(self, doc: Document, url: str, downloads: dict[str, str]) -> str:
        if doc.id not in self.views:
            self.views[doc.id] = ReadingView(self.data).of(doc)
        blocks, tips = self.views[doc.id]
        link = urls.absolute(self.site_url, url) or ""
        return self.page("document.html", url, doc=doc, blocks=blocks,
                         tips=self.tip_bodies(tips.items, url, self.context(url)),
                         statuses=_statuses(doc), provenance=translation_provenance.of(doc),
                         counts=self.data.annotation_counts(doc), downloads=downloads,
                         citation=meta.csl(doc, self.lang, link, self.version))

    def home(self, url: str) -> str:
        ctx = _documents_context(self)
        totals = {"documents": len(ctx["rows"]),
                  "segments": sum(len(r["doc"].segments) for r in ctx["rows"]),
                  "translated": sum(n for r in ctx["rows"] for key, n in r["statuses"].items() if key != "missing"),
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
            found = self.data.term_occurrences(tid)
            terms.append({"id": tid, "entry": entry, "frequency": len(found),
                          "occurrences": [(docs[o.doc], o.segment) for o in found[:OCCURRENCE_LINKS]],
                          "annotated": len(self.data.places_of("term", tid))})
        categories = sorted({str(t["entry"].get("category") or "") for t in terms} - {""})
        return self.page("glossary.html", url, letters=lettered(terms, self.lang), count=len(terms),
                         categories=categories, downloads=downloads)

    def entities_index(self, url: str) -> str:
        groups: dict[str, list[dict[str, Any]]] = {}
        for eid, entry in self.data.entities.items():
            groups.setdefault(str(entry.get("type") or "other"), []).append(
                {"id": eid, "entry": entry, "mentions": len(self.data.places_of("entity", eid))})
        order = ("place", "org", "company", "person", "programme", "document", "event")
        ordered = [(kind, sorted(groups[kind], key=lambda e: sort_key(e["entry"], self.lang)))
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
                         page_url=lambda n: urls.entity(self.lang, eid, n))

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
                         counts=counts, total=len(rows), has_f004="F004" in rules, shown=FINDINGS_PER_RULE)

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
        from ..release import Release

        release = Release(self.version.number, self.version.date)
        return self.page("downloads.html", url, datasets=datasets, docs=docs, version=self.version, release=release)

    def search(self, url: str) -> str:
        return self.page("search.html", url)
