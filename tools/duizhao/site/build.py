"""The site generator behind the MkDocs hooks: pages, navigation, downloads and search.

MkDocs builds the site; :class:`SiteBuilder` adds what comes from the data. On
``on_files`` it reads the project once, renders every generated page of both language
trees (through :class:`~.cache.RenderCache`) and registers them as generated files, with
the downloads; ``on_nav`` gives each language its own navigation; ``on_page_content``
swaps in the rendered HTML; ``on_post_build`` writes the search index.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..check.rules import RULES
from ..project import Project
from . import downloads as downloads_mod
from . import i18n, search
from .cache import RenderCache, code_digest
from .data import SiteData, corpus_version
from .render import Download, Pages, environment

log = logging.getLogger("mkdocs.plugins.duizhao")

NAV_DOCUMENTS_MAX = 30  # beyond this the sidebar shows the documents index, not every document
TRUE = ("1", "true", "yes", "on")


@dataclass
class Generated:
    """A page made from the data: its Markdown stub and the HTML that replaces it."""

    src_uri: str
    title: str
    html: Callable[[], str]
    lang: str | None
    hide: tuple[str, ...] = ()
    template: str | None = None

    @property
    def markdown(self) -> str:
        meta: dict[str, Any] = {"title": self.title}
        if self.hide:
            meta["hide"] = list(self.hide)
        if self.template:
            meta["template"] = self.template
        return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n"


@dataclass
class Settings:
    root: Path
    site_dir: Path
    with_proposals: bool
    cache_dir: Path
    search: bool = True

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> "Settings":
        extra = config.extra.get("duizhao") or {}
        root = Path(config.config_file_path).resolve().parent
        env = os.environ.get("DUIZHAO_WITH_PROPOSALS", "").lower()
        return cls(
            root=root,
            site_dir=Path(config.site_dir),
            with_proposals=env in TRUE if env else bool(extra.get("with_proposals", False)),
            cache_dir=root / str(extra.get("cache_dir", "build/cache/site")),
            search=os.environ.get("DUIZHAO_SEARCH", "1").lower() in TRUE,
        )


class SiteBuilder:
    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.data: SiteData | None = None
        self.pages: dict[str, Generated] = {}
        self.navs: dict[str, Navigation] = {}
        self.timings: dict[str, float] = {}

    # -- on_config ------------------------------------------------------------------------
    def configure(self, config: MkDocsConfig) -> None:
        self.settings = Settings.from_config(config)
        self.pages, self.navs = {}, {}
        config.extra["duizhao_version"] = corpus_version(self.settings.root)

    # -- on_files -------------------------------------------------------------------------
    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        started = time.perf_counter()
        project = Project(self.settings.root)
        self.data = data = SiteData(project, with_proposals=self.settings.with_proposals,
                                          version=config.extra["duizhao_version"])
        cache = RenderCache(self.settings.cache_dir, code_digest())
        env = environment()

        payloads = self._downloads(project)
        for payload in payloads:
            d = payload.download
            if payload.content is not None:
                files.append(File.generated(config, d.path, content=payload.content))
            else:
                files.append(File.generated(config, d.path, abs_src_path=str(payload.source)))
        listing = [p.download for p in payloads]
        doc_files = {(d.doc, d.what): d.path for d in listing if d.doc}

        doc_digests = {doc.id: data.document_digest(doc) for doc in data.documents}
        everything = cache.key(sorted(doc_digests.items()), data.registry_digest, data.with_proposals)

        def digest_of(places) -> str:
            return cache.key(sorted({doc_digests[p.doc.id] for p in places}), data.registry_digest)

        for lang in i18n.LANGS:
            pages = Pages(data, lang, env)
            self._add(lang, "index.md", i18n.t("home", lang), cache, ("home", everything), pages.home)
            self._add(lang, "documents/index.md", i18n.t("all_documents", lang), cache, ("documents", everything),
                      pages.documents)
            for doc in data.documents:
                downloads = {"tei": doc_files[(doc.id, "tei")], "yaml": doc_files.get((doc.id, "yaml"))}
                title = doc.titles.get(lang) or doc.titles.get(i18n.other(lang)) or doc.id
                self._add(lang, f"documents/{doc.id}.md", title, cache, ("document", doc_digests[doc.id], downloads),
                          lambda url, doc=doc, downloads=downloads, pages=pages: pages.document(doc, url, downloads))
            glossary_downloads = [d for d in listing if d.what == "glossary" and d.doc is None]
            self._add(lang, "glossary.md", i18n.t("glossary", lang), cache, ("glossary", everything, glossary_downloads),
                      lambda url, pages=pages: pages.glossary(url, glossary_downloads))
            self._add(lang, "entities/index.md", i18n.t("entities", lang), cache, ("entities", everything),
                      pages.entities_index)
            for eid, entry in data.entities.items():
                title = str(entry.get(lang) or entry.get(i18n.other(lang)) or eid)
                key = ("entity", repr(entry), digest_of(data.places_of("entity", eid)), sorted(
                    (c, repr(e)) for c, e in data.entities.items() if e.get("parent") == eid))
                self._add(lang, f"entities/{eid}.md", title, cache, key,
                          lambda url, eid=eid, pages=pages: pages.entity(url, eid))
            self._add(lang, "figures/index.md", i18n.t("figures", lang), cache, ("figures", everything),
                      pages.figures_index)
            for iid, entry in data.indicators.items():
                title = str(entry.get(lang) or entry.get(i18n.other(lang)) or iid)
                key = ("indicator", repr(entry), digest_of(data.places_of("figure", iid)))
                self._add(lang, f"figures/{iid}.md", title, cache, key,
                          lambda url, iid=iid, pages=pages: pages.indicator(url, iid))
            self._add(lang, "quality.md", i18n.t("quality", lang), cache, ("quality", everything),
                      lambda url, pages=pages: pages.quality(url, data.findings, project.root, RULES))
            self._add(lang, "rules.md", i18n.t("rules", lang), cache, ("rules",),
                      lambda url, pages=pages: pages.rules(url, RULES))
            self._add(lang, "downloads.md", i18n.t("downloads", lang), cache, ("downloads", everything, listing),
                      lambda url, pages=pages: pages.downloads(url, listing))
            self._add(lang, "search.md", i18n.t("search", lang), cache, ("search",), pages.search)
        # the rule reference at the site root, where `duizhao check` findings point (rules/#x003)
        self.pages["rules.md"] = Generated("rules.md", i18n.t("rules", "en"), lambda: "", None,
                                           template="redirect.html")
        if self.settings.search:
            files.append(File.generated(config, search.DICTIONARY,
                                        content=search.dictionary_json(search.dictionary(data))))

        for gen in self.pages.values():
            files.append(File.generated(config, gen.src_uri, content=gen.markdown))
        # render now, so that the cost is paid (and measured) before MkDocs renders templates
        for gen in self.pages.values():
            gen.html = _once(gen.html)
            gen.html()
        cache.prune()
        self.timings["pages"] = time.perf_counter() - started
        log.info("duizhao: %d generated pages (%d rendered, %d from cache) in %.2fs",
                 len(self.pages), cache.misses, cache.hits, self.timings["pages"])
        return files

    def _downloads(self, project: Project) -> list[downloads_mod.Payload]:
        return downloads_mod.datasets(project) + downloads_mod.document_files(project)

    def _add(self, lang: str, path: str, title: str, cache: RenderCache, key: tuple,
             render: Callable[[str], str], hide: tuple[str, ...] = ()) -> None:
        src_uri = f"{lang}/{path}"
        url = _url_of(src_uri)
        k = cache.key(lang, url, key)
        self.pages[src_uri] = Generated(src_uri, title, lambda: cache.get(k, lambda: render(url)), lang,
                                        ("toc", *hide))

    # -- on_nav -----------------------------------------------------------------------------
    def build_navs(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """One navigation per language; pages outside the trees (guides) go in the English one."""
        assert self.data is not None

        def page(src_uri: str) -> Page | None:
            file = files.get_file_from_path(src_uri)
            return file.page if file is not None else None

        for file in files.documentation_pages():  # forget MkDocs' default navigation
            if file.page is not None:
                file.page.parent = file.page.previous_page = file.page.next_page = None
        hand_written = [f.page for f in files.documentation_pages()
                        if f.src_uri not in self.pages and i18n.lang_of_url(f.src_uri) is None
                        and f.src_uri != "index.md" and f.page is not None]
        hand_written.sort(key=lambda p: p.file.src_uri)
        for lang in i18n.LANGS:
            def own(path: str, lang: str = lang) -> Page | None:
                return page(f"{lang}/{path}")

            docs = [own(f"documents/{d.id}.md") for d in self.data.documents]
            doc_items = [own("documents/index.md")] + (docs if len(docs) <= NAV_DOCUMENTS_MAX else [])
            items: list[Any] = [
                own("index.md"),
                Section(i18n.t("documents", lang), [p for p in doc_items if p is not None]),
                Section(i18n.t("reference", lang), [p for p in (
                    own("glossary.md"), own("entities/index.md"), own("figures/index.md"),
                    own("quality.md"), own("rules.md"), own("downloads.md")) if p is not None]),
                own("search.md"),
            ]
            if hand_written:
                if lang == "en":
                    items.append(Section(i18n.t("guides", lang), list(hand_written)))
                else:
                    items.append(Section(i18n.t("guides", lang),
                                         [Link(_markdown_title(p.file), p.url) for p in hand_written]))
            items = [i for i in items if i is not None]
            navigation = _navigation(items)
            navigation.homepage = own("index.md")
            self.navs[lang] = navigation
        return nav

    def nav_for(self, page: Page) -> Navigation | None:
        lang = i18n.lang_of_url(page.url) or "en"
        return self.navs.get(lang)

    # -- on_page_content / on_page_context -----------------------------------------------------
    def content(self, page: Page) -> str | None:
        gen = self.pages.get(page.file.src_uri)
        return gen.html() if gen is not None else None

    def alternates(self, page: Page) -> list[dict[str, str]]:
        """The same page in each language (pages outside the trees: each language's home)."""
        here = i18n.lang_of_url(page.url)
        return [{"lang": lang, "name": i18n.LANG_NAMES[lang],
                 "url": i18n.counterpart(page.url, lang) if here else f"{lang}/",
                 "current": lang == here}
                for lang in i18n.LANGS]

    # -- on_post_build ----------------------------------------------------------------------------
    def write_search(self, config: MkDocsConfig) -> None:
        assert self.settings is not None and self.data is not None
        if not self.settings.search:
            return
        started = time.perf_counter()
        words = search.dictionary(self.data)
        counts = search.write_index(Path(config.site_dir), search.records(self.data, search.ChineseWords(words)),
                                    self.settings.cache_dir.parent / "search-pages")
        self.timings["search"] = time.perf_counter() - started
        log.info("duizhao: search index (%s records) in %.2fs",
                 ", ".join(f"{k} {v}" for k, v in counts.items()), self.timings["search"])


def _markdown_title(file: File) -> str:
    """A hand-written page's title before MkDocs reads it: front matter ``title`` or first heading."""
    text = file.content_string
    meta = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if meta:
        found = re.search(r"^title:\s*(.+)$", meta.group(1), re.M)
        if found:
            return found.group(1).strip().strip("\"'")
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    return heading.group(1).strip() if heading else file.name


def _once(render: Callable[[], str]) -> Callable[[], str]:
    result: list[str] = []

    def call() -> str:
        if not result:
            result.append(render())
        return result[0]
    return call


def _url_of(src_uri: str) -> str:
    """The URL MkDocs gives ``src_uri`` (directory URLs)."""
    stem = src_uri[:-3]
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def _navigation(items: list[Any]) -> Navigation:
    pages: list[Page] = []

    def walk(nodes: list[Any], parent: Section | None) -> None:
        for node in nodes:
            node.parent = parent
            if isinstance(node, Section):
                walk(node.children, node)
            elif isinstance(node, Page):
                pages.append(node)

    walk(items, None)
    for before, current, after in zip([None, *pages], pages, [*pages[1:], None]):
        current.previous_page, current.next_page = before, after
    return Navigation(items, pages)


__all__ = ["SiteBuilder", "Download"]
