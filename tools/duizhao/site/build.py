"""The site generator behind the MkDocs hooks: pages, navigation, downloads and search.

MkDocs builds the site; :class:`SiteBuilder` adds what comes from the data. On
``on_files`` it reads the project once, starts the exports and the checks in a worker
(:mod:`.background`), renders every generated page of both language trees (through
:class:`~.cache.RenderCache`) and registers them, with the downloads, as generated files;
``on_nav`` gives each language its own navigation; ``on_page_content`` swaps in the
rendered HTML; the downloads and data-quality pages, which wait for the worker, get theirs
last, in ``on_page_context``; ``on_post_build`` writes the search index.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from .. import annotations as annotations_mod
from ..check.rules import RULES
from ..project import Project
from ..suggest import report as evaluation_report
from . import downloads as downloads_mod
from . import i18n, parallel, projection, search
from .background import SEARCH_COUNTS, Background
from .cache import RenderCache, code_digest
from .data import SiteData, corpus_version
from .render import Download, Pages, entity_pages, environment, preload

log = logging.getLogger("mkdocs.plugins.duizhao")

_ANCHOR = re.compile(r'\sid="([^"]+)"')
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
    kind: str = ""  # what the page shows: document, entity, glossary…
    key: str = ""  # its render-cache key
    render: Callable[[], str] | None = None  # its HTML, rendered afresh (``html`` goes through the cache)

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
    with_proposals: bool
    cache_dir: Path
    search: bool = True
    parallel: bool = True

    @classmethod
    def from_config(cls, config: MkDocsConfig) -> "Settings":
        extra = config.extra.get("duizhao") or {}
        root = Path(config.config_file_path).resolve().parent
        env = os.environ.get("DUIZHAO_WITH_PROPOSALS", "").lower()
        return cls(
            root=root,
            with_proposals=env in TRUE if env else bool(extra.get("with_proposals", False)),
            cache_dir=root / str(extra.get("cache_dir", "build/cache/site")),
            search=os.environ.get("DUIZHAO_SEARCH", "1").lower() in TRUE,
            parallel=os.environ.get("DUIZHAO_PARALLEL", "1").lower() in TRUE,
        )


class SiteBuilder:
    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.data: SiteData | None = None
        self.background: Background | None = None
        self.pages: dict[str, Generated] = {}
        self.deferred: set[str] = set()  # pages that wait for the checks or the exports
        self.navs: dict[str, Navigation] = {}
        self.hand_written: dict[str, str] = {}  # src_uri -> URL of the pages written by hand
        self.timings: dict[str, float] = {}
        self.cache: RenderCache | None = None

    # -- on_config ------------------------------------------------------------------------
    def configure(self, config: MkDocsConfig) -> None:
        self.settings = Settings.from_config(config)
        self.pages, self.deferred, self.navs = {}, set(), {}
        config.extra["duizhao_version"] = corpus_version(self.settings.root)

    # -- on_files -------------------------------------------------------------------------
    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        started = time.perf_counter()
        project = Project(self.settings.root)
        project.use_cache()  # parsed YAML kept in build/cache/ between builds (shared with duizhao check)
        self.data = data = SiteData(project, with_proposals=self.settings.with_proposals,
                                    version=config.extra["duizhao_version"])
        cache = RenderCache(self.settings.cache_dir, code_digest())
        env = environment()

        doc_digests = {doc.id: data.document_digest(doc) for doc in data.documents}
        # digest of every input (and the code): the key of corpus-wide results
        everything = cache.key(sorted(doc_digests.items()), data.registry_digest, data.with_proposals)
        annotations_mod.load(project)  # parse once, before the worker forks (it inherits the parse)
        self.timings["read"] = time.perf_counter() - started
        self.background = background = Background(project, self.settings.cache_dir, everything,
                                                  parallel=self.settings.parallel,
                                                  data=data if self.settings.search else None)

        datasets = downloads_mod.dataset_paths()
        for what, fmt, path in datasets:
            files.append(File.generated(config, path, abs_src_path=str(
                background.exports_dir / Path(path).name)))
        own_files = downloads_mod.document_files(project)
        for payload in own_files:
            files.append(File.generated(config, payload.download.path, abs_src_path=str(payload.source)))
        doc_files = {(p.download.doc, p.download.what): p.download.path for p in own_files}
        evaluation = evaluation_report.read(project.root)
        if evaluation.report is not None:
            files.append(File.generated(config, "downloads/evaluation.json",
                                        abs_src_path=str(evaluation_report.default_path(project.root))))

        def listing() -> list[Download]:
            return background.exports.result() + [p.download for p in own_files]

        def digest_of(places) -> str:
            return cache.key(sorted({doc_digests[p.doc.id] for p in places}), data.registry_digest)

        glossary_downloads = [Download(what, fmt, path, 0) for what, fmt, path in datasets if what == "glossary"]
        views: dict = {}  # documents' rows and tooltips, shared by both languages
        for lang in i18n.LANGS:
            pages = Pages(data, lang, env, views)
            self._add(lang, "index.md", i18n.t("home", lang), cache, ("home", everything), pages.home)
            self._add(lang, "documents/index.md", i18n.t("all_documents", lang), cache, ("documents", everything),
                      pages.documents)
            for doc in data.documents:
                downloads = {"tei": doc_files[(doc.id, "tei")], "yaml": doc_files.get((doc.id, "yaml"))}
                title = doc.titles.get(lang) or doc.titles.get(i18n.other(lang)) or doc.id
                self._add(lang, f"documents/{doc.id}.md", title, cache, ("document", doc_digests[doc.id], downloads),
                          lambda url, doc=doc, downloads=downloads, pages=pages: pages.document(doc, url, downloads))
            self._add(lang, "glossary.md", i18n.t("glossary", lang), cache, ("glossary", everything, glossary_downloads),
                      lambda url, pages=pages: pages.glossary(url, glossary_downloads))
            self._add(lang, "entities/index.md", i18n.t("entities", lang), cache, ("entities", everything),
                      pages.entities_index)
            for eid, entry in data.entities.items():
                title = str(entry.get(lang) or entry.get(i18n.other(lang)) or eid)
                key = ("entity", repr(entry), digest_of(data.places_of("entity", eid)), sorted(
                    (c, repr(e)) for c, e in data.entities.items() if e.get("parent") == eid))
                for number in range(1, entity_pages(len(data.places_of("entity", eid))) + 1):
                    path = f"entities/{eid}.md" if number == 1 else f"entities/{eid}/{number}.md"
                    self._add(lang, path, title, cache, (*key, number),
                              lambda url, eid=eid, number=number, pages=pages: pages.entity(url, eid, number))
            self._add(lang, "figures/index.md", i18n.t("figures", lang), cache, ("figures", everything),
                      pages.figures_index)
            for iid, entry in data.indicators.items():
                title = str(entry.get(lang) or entry.get(i18n.other(lang)) or iid)
                key = ("indicator", repr(entry), digest_of(data.places_of("figure", iid)))
                self._add(lang, f"figures/{iid}.md", title, cache, key,
                          lambda url, iid=iid, pages=pages: pages.indicator(url, iid))
            self._add(lang, "evaluation.md", i18n.t("evaluation", lang), cache,
                      ("evaluation", evaluation.status, evaluation.problem, json.dumps(evaluation.report, sort_keys=True)),
                      lambda url, pages=pages: pages.evaluation(url, evaluation))
            self._add(lang, "rules.md", i18n.t("rules", lang), cache, ("rules",),
                      lambda url, pages=pages: pages.rules(url, RULES))
            self._add(lang, "search.md", i18n.t("search", lang), cache, ("search",), pages.search)
            # built last: they wait for the worker
            self._add(lang, "downloads.md", i18n.t("downloads", lang), cache, ("downloads", everything),
                      lambda url, pages=pages: pages.downloads(url, listing()), deferred=True)
            self._add(lang, "quality.md", i18n.t("quality", lang), cache, ("quality", everything),
                      lambda url, pages=pages: pages.quality(url, background.findings.result(), project.root, RULES),
                      deferred=True)
        # the rule reference at the site root, where `duizhao check` findings point (rules/#x003)
        self.pages["rules.md"] = Generated("rules.md", i18n.t("rules", "en"), lambda: "", None,
                                           template="redirect.html")
        if self.settings.search:
            files.append(File.generated(config, search.DICTIONARY,
                                        content=search.dictionary_json(search.dictionary(data))))

        for gen in sorted(self.pages.values(), key=lambda g: g.src_uri in self.deferred):
            files.append(File.generated(config, gen.src_uri, content=gen.markdown))
        for gen in self.pages.values():
            gen.html = _once(gen.html)
        self._render_missing(cache, env)
        for gen in self.pages.values():  # the worker runs meanwhile
            if gen.src_uri not in self.deferred:
                gen.html()
        self.cache = cache
        self.timings["pages"] = time.perf_counter() - started
        log.info("duizhao: %d generated pages (%d rendered, %d from cache) in %.2fs",
                 len(self.pages), cache.misses, cache.hits, self.timings["pages"])
        return files

    def _add(self, lang: str, path: str, title: str, cache: RenderCache, key: tuple,
             render: Callable[[str], str], hide: tuple[str, ...] = (), deferred: bool = False) -> None:
        src_uri = f"{lang}/{path}"
        url = _url_of(src_uri)
        k = cache.key(lang, url, key)
        self.pages[src_uri] = Generated(src_uri, title, lambda: cache.get(k, lambda: render(url)), lang,
                                        ("toc", *hide), kind=str(key[0]), key=k, render=lambda: render(url))
        if deferred:
            self.deferred.add(src_uri)

    def _render_missing(self, cache: RenderCache, env: Environment) -> None:
        """Render the pages missing from the cache, in parallel (:mod:`.parallel`): document
        pages first (a document's two languages together: they share its rows), sending
        back the English projections they compute, then the other pages, which reuse them."""
        assert self.data is not None and self.settings is not None
        missing = [g for g in self.pages.values()
                   if g.render is not None and g.src_uri not in self.deferred and not cache.has(g.key)]
        if not missing:
            return
        workers = parallel.available_workers() if self.settings.parallel else 0
        # a cached property: computed here, before the workers fork, it is inherited rather than
        # computed again in each (so are the English patterns and jieba's dictionary below)
        self.data.places
        projection.prepare(self.data.vocabulary)
        preload(env)
        for documents in (True, False):
            started = time.perf_counter()
            batch = [g for g in missing if (g.kind == "document") == documents]
            groups: dict[str, list[str]] = {}
            for gen in batch:  # the same page in both languages
                groups.setdefault(gen.src_uri.split("/", 1)[1], []).append(gen.src_uri)
            html = parallel.render({g.src_uri: g.render for g in batch}, list(groups.values()), workers,
                                   self.data.projected if documents else None)
            for gen in batch:
                gen.html = _once(lambda key=gen.key, text=html[gen.src_uri]: cache.get(key, lambda: text))
            self.timings["render_documents" if documents else "render_others"] = time.perf_counter() - started

    # -- on_env -----------------------------------------------------------------------------
    def wait_for_exports(self) -> None:
        """The export files must exist before MkDocs copies static files."""
        if self.background is not None:
            started = time.perf_counter()
            self.background.exports.result()
            self.timings["wait_exports"] = time.perf_counter() - started

    # -- on_nav -----------------------------------------------------------------------------
    def build_navs(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """One navigation per language. Hand-written pages (guides) are English; a guide's Chinese
        version next to it (``guide/x.zh.md``, :func:`.i18n.translation_src`) is the Chinese
        navigation's entry for it, the English page otherwise."""
        assert self.data is not None

        def page(src_uri: str) -> Page | None:
            file = files.get_file_from_path(src_uri)
            return file.page if file is not None else None

        for file in files.documentation_pages():  # forget MkDocs' default navigation
            if file.page is not None:
                file.page.parent = file.page.previous_page = file.page.next_page = None
        hand_written = {f.src_uri: f.page for f in files.documentation_pages()
                        if f.src_uri not in self.pages and i18n.lang_of_url(f.src_uri) is None
                        and f.src_uri != "index.md" and f.page is not None}
        self.hand_written = {src: p.url for src, p in hand_written.items()}
        english = [p for src, p in sorted(hand_written.items()) if i18n.hand_written_lang(src) == "en"]
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
                    own("quality.md"), own("evaluation.md"), own("rules.md"), own("downloads.md"))
                    if p is not None]),
                own("search.md"),
            ]
            if english:
                items.append(Section(i18n.t("guides", lang), [
                    hand_written.get(i18n.translation_src(p.file.src_uri, lang))
                    or Link(_markdown_title(p.file), p.url) for p in english]))
            items = [i for i in items if i is not None]
            navigation = _navigation(items)
            navigation.homepage = own("index.md")
            self.navs[lang] = navigation
        return nav

    def lang_of(self, page: Page) -> str | None:
        """The language of a page: its tree's, or a hand-written page's (its file name says)."""
        if page.file.src_uri in self.hand_written:
            return i18n.hand_written_lang(page.file.src_uri)
        return i18n.lang_of_url(page.url)

    def nav_for(self, page: Page) -> Navigation | None:
        return self.navs.get(self.lang_of(page) or "en")

    # -- on_page_content / on_page_context -----------------------------------------------------
    def content(self, page: Page) -> str | None:
        """The generated HTML of ``page`` (a placeholder for pages waiting for the worker)."""
        gen = self.pages.get(page.file.src_uri)
        if gen is None:
            return None
        if page.file.src_uri in self.deferred:
            return ""
        return _with_anchors(page, gen.html())

    def context(self, page: Page) -> None:
        """Pages that waited for the checks or the exports get their content now, built last."""
        if page.file.src_uri in self.deferred:
            started = time.perf_counter()
            page.content = _with_anchors(page, self.pages[page.file.src_uri].html())
            self.timings["wait_findings"] = self.timings.get("wait_findings", 0) + time.perf_counter() - started

    def alternates(self, page: Page) -> list[dict[str, str]]:
        """The same page in each language (a hand-written page without a version in a language:
        that language's home)."""
        here = self.lang_of(page)

        def url(lang: str) -> str:
            if page.file.src_uri in self.hand_written:
                return self.hand_written.get(i18n.translation_src(page.file.src_uri, lang), f"{lang}/")
            return i18n.counterpart(page.url, lang) if here else f"{lang}/"

        return [{"lang": lang, "name": i18n.LANG_NAMES[lang], "url": url(lang), "current": lang == here}
                for lang in i18n.LANGS]

    # -- on_post_build ----------------------------------------------------------------------------
    def finish(self, config: MkDocsConfig) -> None:
        """After the pages: the search index, then the worker is let go and the cache pruned."""
        try:
            self.write_search(config)
        finally:
            self.close()
            if self.cache is not None:
                self.cache.prune()
        log.info("duizhao: timings %s", ", ".join(f"{k} {v:.1f}s" for k, v in self.timings.items()))

    def close(self) -> None:
        if self.background is not None:
            self.background.close()
            self.background = None

    def write_search(self, config: MkDocsConfig) -> None:
        assert self.settings is not None and self.data is not None
        if self.background is None or self.background.search is None:
            return
        started = time.perf_counter()
        counts = self.background.search.result()  # indexed by the worker (or copied from the cache)
        shutil.copytree(self.background.search_dir, Path(config.site_dir) / search.BUNDLE, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(SEARCH_COUNTS))
        self.timings["wait_search"] = time.perf_counter() - started
        log.info("duizhao: search index (%s records)", ", ".join(f"{k} {v}" for k, v in counts.items()))


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


def _with_anchors(page: Page, html: str) -> str:
    """``html``, after noting its ids on ``page`` for MkDocs' anchor validation."""
    page.present_anchor_ids = set(_ANCHOR.findall(html))
    return html


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
