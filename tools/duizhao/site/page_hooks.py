"""What MkDocs asks of each page as it builds it (``on_page_content``, ``on_page_context``):
its generated HTML, its language, navigation and language versions, and what it adds to
``<head>``. :class:`~.build.SiteBuilder` fills in the pages and navigations it reads."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import i18n, meta, urls

_ANCHOR = re.compile(r'\sid="([^"]+)"')


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
    description: str = ""
    head: Callable[[str | None], str] | None = None  # extra <head> markup, given the page's address

    @property
    def markdown(self) -> str:
        front: dict[str, Any] = {"title": self.title}
        if self.description:
            front["description"] = self.description
        if self.hide:
            front["hide"] = list(self.hide)
        if self.template:
            front["template"] = self.template
        return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()) + "\n---\n"


class PageHooks:
    """The page-level hooks, over the pages of one build (``pages``: by ``src_uri``; those in
    ``deferred`` wait for the background worker) and its navigations."""

    def __init__(self) -> None:
        self.pages: dict[str, Generated] = {}
        self.deferred: set[str] = set()  # pages that wait for the checks or the exports
        self.navs: dict[str, Navigation] = {}
        self.hand_written: dict[str, str] = {}  # src_uri -> URL of the pages written by hand
        self.timings: dict[str, float] = {}

    def lang_of(self, page: Page) -> str | None:
        """The language of a page: its tree's, or a hand-written page's (its file name says)."""
        if page.file.src_uri in self.hand_written:
            return i18n.hand_written_lang(page.file.src_uri)
        return urls.lang_of(page.url)

    def labels(self, page: Page) -> dict[str, str]:
        """The scripts' labels in the page's language."""
        return i18n.script_labels(self.lang_of(page) or "en")

    def nav_for(self, page: Page) -> Navigation | None:
        return self.navs.get(self.lang_of(page) or "en")

    def content(self, page: Page) -> str | None:
        """The generated HTML of ``page`` (a placeholder for pages waiting for the worker)."""
        gen = self.pages.get(page.file.src_uri)
        if gen is None:
            return None
        if page.file.src_uri in self.deferred:
            return ""
        return _with_anchors(page, gen.html())

    def context(self, page: Page) -> None:
        """Pages that waited for the checks or the exports get their content now, built last; a
        page written by hand without a description gets its first paragraph as one."""
        if page.file.src_uri in self.deferred:
            started = time.perf_counter()
            page.content = _with_anchors(page, self.pages[page.file.src_uri].html())
            self.timings["wait_findings"] = self.timings.get("wait_findings", 0) + time.perf_counter() - started
        if not page.meta.get("description") and page.content:
            first = re.search(r"<p>(.*?)</p>", page.content, re.S)
            if first:
                page.meta["description"] = meta.description(html_text(first.group(1)))

    def alternates(self, page: Page) -> list[dict[str, str]]:
        """The same page in each language (a hand-written page without a version in a language:
        that language's home)."""
        here = self.lang_of(page)

        def url(lang: str) -> str:
            if page.file.src_uri in self.hand_written:
                return self.hand_written.get(i18n.translation_src(page.file.src_uri, lang), f"{lang}/")
            return urls.counterpart(page.url, lang) if here else f"{lang}/"

        return [{"lang": lang, "name": i18n.LANG_NAMES[lang], "url": url(lang), "current": lang == here}
                for lang in i18n.LANGS]

    def real_alternates(self, page: Page) -> list[dict[str, str]]:
        """The versions of ``page`` that exist (for ``hreflang`` links and the sitemap)."""
        if page.file.src_uri in self.hand_written:
            return [{"lang": lang, "url": self.hand_written[src]} for lang in i18n.LANGS
                    if (src := i18n.translation_src(page.file.src_uri, lang)) in self.hand_written]
        if self.lang_of(page) is None:
            return []
        return [{"lang": lang, "url": urls.counterpart(page.url, lang)} for lang in i18n.LANGS]

    def head(self, page: Page, config: MkDocsConfig) -> Markup:
        """What ``page`` adds to ``<head>``: its language alternates (when
        ``site_url`` is set) and, for a document, the tags reference managers read."""
        out = []
        address = urls.absolute(config.site_url, page.url)
        if address:  # the theme writes the canonical link
            for alt in self.real_alternates(page):
                out.append(Markup('<link rel="alternate" hreflang="%s" href="%s">')
                           % (alt["lang"], urls.absolute(config.site_url, alt["url"])))
        gen = self.pages.get(page.file.src_uri)
        if gen is not None and gen.head is not None:
            out.append(Markup(gen.head(address)))
        return Markup("\n".join(out))


def html_text(fragment: str) -> str:
    """The text of an HTML fragment (tags dropped, entities read)."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _with_anchors(page: Page, html: str) -> str:
    """``html``, after noting its ids on ``page`` for MkDocs' anchor validation."""
    page.present_anchor_ids = set(_ANCHOR.findall(html))
    return html
