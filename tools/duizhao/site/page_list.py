"""The generated pages, declared once: what each page is, its title, its description, what
it depends on (its render-cache key) and how it is rendered. The builder
(:mod:`.build`) registers these for each language; nothing else lists pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..check.rules import RULES
from ..suggest.report import Published
from . import i18n, meta
from .data import SiteData
from .keys import Keys
from .render import Download, Pages, entity_pages


@dataclass(frozen=True)
class Spec:
    """One page of a language tree. ``render(pages, url)`` gives its HTML; ``key`` is what
    its HTML depends on besides language and URL; a ``deferred`` page waits for the
    background worker (checks, exports) and is built last."""

    path: str  # in the language tree, e.g. "documents/x.md"
    kind: str  # document, entity, glossary…
    title: Callable[[str], str]
    description: Callable[[str], str]
    key: tuple
    render: Callable[[Pages, str], str]
    deferred: bool = False
    head: Callable[[str, str | None], str] | None = None  # (lang, the page's address) -> <head> markup


@dataclass
class Inputs:
    """What the pages are made from, besides the site data."""

    doc_digests: dict[str, str]
    results: str  # which exports and findings the pages show (while serving, maybe an earlier save's)
    site_url: str | None  # in a document's citation
    doc_files: dict[tuple[str, str], str]  # (doc, "tei" | "yaml") -> download path
    glossary_downloads: list[Download]
    evaluation: Published
    listing: Callable[[], list[Download]]  # every download, as the exports saw them (waits for them)
    findings: Callable[[], list[Any]]  # the checks' findings (waits for them)
    root: Any
    version: meta.Version


def _label(key: str) -> Callable[[str], str]:
    return lambda lang: i18n.t(key, lang)


def _named(entry: dict[str, Any], fallback: str) -> Callable[[str], str]:
    return lambda lang: str(entry.get(lang) or entry.get(i18n.other(lang)) or fallback)


def _about(entry: dict[str, Any], field: str, fallback: Callable[[str], str]) -> Callable[[str], str]:
    """A registry entry's ``description``/``definition`` in a language, else ``fallback``."""
    def text(lang: str) -> str:
        value = entry.get(field)
        found = value.get(lang) or value.get(i18n.other(lang)) if isinstance(value, dict) else None
        return meta.description(found) if found else fallback(lang)
    return text


def specs(data: SiteData, inputs: Inputs) -> Iterator[Spec]:
    """Every generated page, in the order they are registered (deferred ones last). A page's
    key is what it shows (:mod:`.keys`); a document page shows all of its document."""
    keys = Keys(data)
    yield Spec("index.md", "home", _label("home"), _label("site_intro"), keys.home(), Pages.home)
    yield Spec("documents/index.md", "documents", _label("all_documents"), _label("documents_intro"),
               keys.documents(), Pages.documents)
    cited = (inputs.version.number, inputs.version.date)  # the version a document's citation names
    for doc in data.documents:
        downloads = {"tei": inputs.doc_files[(doc.id, "tei")], "yaml": inputs.doc_files.get((doc.id, "yaml"))}
        yield Spec(f"documents/{doc.id}.md", "document", lambda lang, doc=doc: meta.title(doc, lang),
                   lambda lang, doc=doc: meta.document_description(doc, lang),
                   ("document", inputs.doc_digests[doc.id], downloads, cited, inputs.site_url),
                   lambda pages, url, doc=doc, downloads=downloads: pages.document(doc, url, downloads),
                   head=lambda lang, address, doc=doc: meta.head(meta.highwire(doc, lang, address, inputs.version),
                                                                meta.json_ld(doc, lang, address, inputs.version)))
    gl = inputs.glossary_downloads
    yield Spec("glossary.md", "glossary", _label("glossary"),
               lambda lang: i18n.t("glossary_intro", lang, n=len(data.glossary)), keys.glossary(gl),
               lambda pages, url: pages.glossary(url, gl))
    yield Spec("entities/index.md", "entities", _label("entities"),
               lambda lang: i18n.t("entities_intro", lang, n=len(data.entities)), keys.entities_index(),
               Pages.entities_index)
    for eid, entry in data.entities.items():
        places = data.places_of("entity", eid)
        for number in range(1, entity_pages(len(places)) + 1):
            path = f"entities/{eid}.md" if number == 1 else f"entities/{eid}/{number}.md"
            yield Spec(path, "entity", _named(entry, eid),
                       _about(entry, "description", lambda lang, e=entry: i18n.t("entity_about", lang, name=_named(
                           e, eid)(lang), n=len(places))), keys.entity(eid, number),
                       lambda pages, url, eid=eid, number=number: pages.entity(url, eid, number))
    yield Spec("figures/index.md", "figures", _label("figures"), _label("figures_intro"), keys.figures_index(),
               Pages.figures_index)
    for iid, entry in data.indicators.items():
        yield Spec(f"figures/{iid}.md", "indicator", _named(entry, iid),
                   _about(entry, "definition", lambda lang, e=entry: i18n.t("indicator_about", lang, name=_named(
                       e, iid)(lang))),
                   keys.indicator(iid),
                   lambda pages, url, iid=iid: pages.indicator(url, iid))
    ev = inputs.evaluation
    yield Spec("evaluation.md", "evaluation", _label("evaluation"), _label("evaluation_intro"),
               ("evaluation", ev.status, ev.problem, json.dumps(ev.report, sort_keys=True)),
               lambda pages, url: pages.evaluation(url, ev))
    yield Spec("rules.md", "rules", _label("rules"), _label("rules_intro"), ("rules",),
               lambda pages, url: pages.rules(url, RULES))
    yield Spec("search.md", "search", _label("search"), _label("search_hint"), ("search",), Pages.search)
    yield Spec("downloads.md", "downloads", _label("downloads"), _label("downloads_intro"),
               ("downloads", inputs.results, inputs.version), lambda pages, url: pages.downloads(url, inputs.listing()),
               deferred=True, head=lambda lang, address: meta.head([], meta.dataset_json_ld(
                   lang, address, inputs.version, inputs.listing())))
    yield Spec("quality.md", "quality", _label("quality"), _label("quality_intro"), ("quality", inputs.results),
               lambda pages, url: pages.quality(url, inputs.findings(), inputs.root, RULES), deferred=True)
