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

import gc
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from .. import annotations as annotations_mod
from .. import memo, names, projection
from ..project import Project
from ..suggest import report as evaluation_report
from . import downloads as downloads_mod
from . import i18n, meta, navigation, page_list, parallel, publish, search, serving, urls
from .background import Background, Follower
from .cache import RenderCache, code_digest
from .data import SiteData, corpus_version
from .html import environment, preload
from .page_hooks import Generated, PageHooks
from .render import Download, Pages

log = logging.getLogger("mkdocs.plugins.duizhao")

TRUE = ("1", "true", "yes", "on")
FEW_PAGES = 24  # rendered in the build process, without forked renderers


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


class SiteBuilder(PageHooks):
    """The build-level hooks (the page-level ones: :class:`~.page_hooks.PageHooks`)."""

    def __init__(self) -> None:
        super().__init__()
        self.settings: Settings | None = None
        self.data: SiteData | None = None
        self.background: Background | None = None
        self.cache: RenderCache | None = None
        self.version: meta.Version | None = None
        self.files: Files | None = None
        # `mkdocs serve --dirty`: the cache key of each generated page the server last wrote; a
        # page whose key is the same again does not count as modified, so MkDocs leaves it be
        self.dirty = False
        self.written: dict[str, Any] = {}  # src_uri -> key; "" -> the navigation's signature; a copied file's digest
        self.copied: dict[str, str] = {}  # the documents' own files: path in the site -> SHA-256
        self.nav: tuple = ()
        # `mkdocs serve`: the exports, checks and search index catch up behind the builds
        self.serving = False
        self.follower: Follower | None = None
        self.env: Environment | None = None  # the page templates, compiled once per process
        self.project: Project | None = None  # the last build's (kept while serving)
        self.frozen = False  # gc.freeze() done after the first serving build

    # -- on_startup -------------------------------------------------------------------------
    def start(self, command: str, dirty: bool) -> None:
        self.dirty = command == "serve" and dirty
        self.written = {}
        self.serving = command == "serve"

    # -- on_config ------------------------------------------------------------------------
    def configure(self, config: MkDocsConfig) -> None:
        self.settings = Settings.from_config(config)
        self.pages, self.deferred, self.navs, self.timings = {}, set(), {}, {}
        if not config.site_url and os.environ.get("DUIZHAO_SITE_URL"):
            config.site_url = os.environ["DUIZHAO_SITE_URL"].rstrip("/") + "/"
        self.version = meta.Version.of(self.settings.root, corpus_version(self.settings.root))
        if self.serving and self.follower is None:
            self.follower = Follower(self.settings.cache_dir / "serve" / "ready")
        # the theme's sitemap is replaced by ours (publish.write_sitemap): not rendered at all
        config.theme.static_templates.discard("sitemap.xml")
        config.extra["duizhao_version"] = self.version.label
        config.extra["duizhao_version_date"] = self.version.date or ""

    # -- on_files -------------------------------------------------------------------------
    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        self.files = files
        started = time.perf_counter()
        project = Project(self.settings.root)
        project.use_cache()  # parsed YAML kept in build/cache/ between builds (shared with duizhao check)
        if self.serving:  # what the last build read and has not changed since is not read again
            if self.project is not None and self.project.root == project.root:
                project.carry(self.project)
                annotations_mod.carry(project, self.project)
                names.carry(project, self.project)
                memo.forget(self.project)
            self.project = project
        previous = self.data if self.serving and self.data is not None and self.data.project.root == project.root \
            else None
        self.data = data = SiteData(project, with_proposals=self.settings.with_proposals,
                                    version=config.extra["duizhao_version"], previous=previous)
        cache = RenderCache(self.settings.cache_dir, code_digest())
        env = self.env = self.env or environment()

        doc_digests = {doc.id: data.document_digest(doc) for doc in data.documents}
        # digest of every input (and the code): the key of corpus-wide results
        everything = cache.key(sorted(doc_digests.items()), data.registry_digest, data.with_proposals)
        annotations_mod.load(project)  # parse once, before the worker forks (it inherits the parse)
        self.timings["read"] = time.perf_counter() - started
        self.background = background = Background(project, self.settings.cache_dir, everything,
                                                  parallel=self.settings.parallel,
                                                  data=data if self.settings.search else None,
                                                  follower=self.follower)

        datasets = downloads_mod.dataset_paths()
        for what, fmt, path in datasets:
            if not self.serving:  # while serving they are linked, not copied (finish)
                files.append(File.generated(config, path, abs_src_path=str(
                    background.dirs["exports"] / Path(path).name)))
        own_files = downloads_mod.document_files(project, data.file_digest)  # digests remembered by stat
        self.copied = {p.download.path: p.download.sha256 for p in own_files}
        for payload in own_files:
            if self.dirty and self.written.get(payload.download.path) == payload.download.sha256:
                continue  # `serve --dirty`: copied by the last build as it is; MkDocs need not know of it
            files.append(File.generated(config, payload.download.path, abs_src_path=str(payload.source)))
        inputs = page_list.Inputs(
            doc_digests=doc_digests, results=background.shown, site_url=config.site_url,
            doc_files={(p.download.doc, p.download.what): p.download.path for p in own_files},
            glossary_downloads=[Download(what, fmt, path, 0) for what, fmt, path in datasets if what == "glossary"],
            evaluation=evaluation_report.read(project.root), root=project.root, version=self.version,
            listing=lambda: background.exports.result(),
            findings=lambda: background.findings.result())
        if inputs.evaluation.report is not None:
            files.append(File.generated(config, "downloads/evaluation.json",
                                        abs_src_path=str(evaluation_report.default_path(project.root))))
        views: dict = {}  # documents' rows and tooltips, shared by both languages
        specs = list(page_list.specs(data, inputs))
        data.carried()  # what the keys needed is computed: the previous build can go
        for lang in i18n.LANGS:
            pages = Pages(data, lang, env, views, self.version, config.site_url)
            for spec in specs:
                self._add(lang, spec, cache, pages)
        # the rule reference at the site root, where `duizhao check` findings point (rules/#x003)
        self.pages["rules.md"] = Generated("rules.md", i18n.t("rules", "en"), lambda: "", None,
                                           template="redirect.html")
        if self.settings.search:
            files.append(File.generated(config, search.DICTIONARY,
                                        content=search.dictionary_json(search.dictionary(data))))

        # `serve --dirty`: pages as the server last wrote them are left be, unless the navigation
        # every page carries changed (a document added, removed or retitled in it)
        self.nav = navigation.signature([f.src_uri for f in files.documentation_pages()],
                                        [(g.src_uri, g.title) for g in self.pages.values() if g.kind == "document"])
        same_nav = self.nav == self.written.get("")
        unmodified = set()
        documents = len(data.documents)
        for gen in sorted(self.pages.values(), key=lambda g: g.src_uri in self.deferred):
            same = self.dirty and same_nav and gen.key and self.written.get(gen.src_uri) == gen.key
            if same:
                unmodified.add(gen.src_uri)
                if not navigation.listed(gen.kind, documents):
                    continue  # already written, in no navigation: MkDocs need not even know of it
            file = File.generated(config, gen.src_uri, content=gen.markdown)
            if same:
                file.is_modified = _unmodified  # type: ignore[method-assign]
            files.append(file)
        for gen in self.pages.values():
            gen.html = _once(gen.html)
        self._render_missing(cache, env, unmodified)
        for gen in self.pages.values():  # the worker runs meanwhile
            if gen.src_uri in unmodified:
                cache.keep(gen.key)
            elif gen.src_uri not in self.deferred:
                gen.html()
        self.cache = cache
        self.timings["pages"] = time.perf_counter() - started
        log.info("duizhao: %d generated pages (%d rendered, %d from cache) in %.2fs",
                 len(self.pages), cache.misses, cache.hits, self.timings["pages"])
        return files

    def _add(self, lang: str, spec: page_list.Spec, cache: RenderCache, pages: Pages) -> None:
        src_uri = f"{lang}/{spec.path}"
        url = urls.of_src(src_uri)
        k = cache.key(lang, url, spec.key)
        self.pages[src_uri] = Generated(src_uri, spec.title(lang), lambda: cache.get(k, lambda: spec.render(pages, url)),
                                        lang, ("toc",), kind=spec.kind, key=k,
                                        render=lambda: spec.render(pages, url), description=spec.description(lang),
                                        head=(lambda address: spec.head(lang, address)) if spec.head else None)
        if spec.deferred:
            self.deferred.add(src_uri)

    def _render_missing(self, cache: RenderCache, env: Environment, unmodified: set[str]) -> None:
        """Render the pages missing from the cache (but those the server wrote as they are), in
        parallel (:mod:`.parallel`): document pages first (a document's two languages together:
        they share its rows), sending back the English projections they compute, then the other
        pages, which reuse them."""
        assert self.data is not None and self.settings is not None
        missing = [g for g in self.pages.values() if g.render is not None and g.src_uri not in self.deferred
                   and g.src_uri not in unmodified and not cache.has(g.key)]
        if not missing:
            return
        # forking pays for itself only for many pages (a save in `mkdocs serve` renders a few)
        workers = parallel.available_workers() if self.settings.parallel and len(missing) > FEW_PAGES else 0
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
        """One navigation per language (:mod:`.navigation`)."""
        assert self.data is not None
        self.navs, self.hand_written = navigation.build(files, self.pages, [d.id for d in self.data.documents])
        return nav

    # -- on_post_build ----------------------------------------------------------------------------
    def finish(self, config: MkDocsConfig) -> None:
        """After the pages: the search index, the sitemap, the theme's unused files gone; then the
        worker is let go and the cache pruned."""
        try:
            self.write_search(config)
            if not self.dirty:  # (a served preview has no use for one, and knows only the pages it wrote)
                publish.write_sitemap(self.files, self.real_alternates, config)
            publish.prune_theme(Path(config.site_dir))
            if self.serving and self.background is not None:
                for _, _, path in downloads_mod.dataset_paths():
                    publish.linked(self.background.dirs["exports"] / Path(path).name, Path(config.site_dir) / path)
            if self.dirty:
                self.written = {"": self.nav, **self.copied, **{src: gen.key for src, gen in self.pages.items()}}
            if self.serving and not self.frozen:
                # what the first build read is kept (and carried over) for the life of the server:
                # out of the collector's sight, a save's build does not scan it again (at 1,000
                # documents full collections took 2 s of the first save's build)
                gc.freeze()
                self.frozen = True
        finally:
            if self.background is not None:
                self.background.prune()
            self.close()
            if self.cache is not None:
                self.cache.prune()
        log.info("duizhao: timings %s", ", ".join(f"{k} {v:.1f}s" for k, v in self.timings.items()))

    def close(self) -> None:
        if self.background is not None:
            self.background.close()
            self.background = None

    # -- mkdocs serve -------------------------------------------------------------------------
    def watch(self, server: Any) -> Any:
        """File events for the server (:mod:`.serving`), and a build again when the follower has
        brought the results up to date."""
        return serving.watch(server, self.follower.stamp.parent if self.follower is not None else None)

    def shutdown(self) -> None:
        self.close()
        if self.follower is not None:
            self.follower.stop()

    def write_search(self, config: MkDocsConfig) -> None:
        assert self.settings is not None and self.data is not None
        if self.background is None or self.background.search is None:
            return
        started = time.perf_counter()
        counts = self.background.search.result()  # indexed by the worker (or copied from the cache)
        publish.search_bundle(self.background.dirs["search"], Path(config.site_dir) / search.BUNDLE,
                              link=self.serving)
        self.timings["wait_search"] = time.perf_counter() - started
        log.info("duizhao: search index (%s records)", ", ".join(f"{k} {v}" for k, v in counts.items()))


def _unmodified() -> bool:
    return False


def _once(render: Callable[[], str]) -> Callable[[], str]:
    result: list[str] = []

    def call() -> str:
        if not result:
            result.append(render())
        return result[0]
    return call


__all__ = ["SiteBuilder", "Download"]
