"""One navigation per language: the generated pages in a fixed order, then the guides (a
guide's Chinese version, ``guide/x.zh.md``, in the Chinese navigation; the English page where
there is none)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from . import i18n, urls

NAV_DOCUMENTS_MAX = 30  # beyond this the sidebar shows the documents index, not every document


def build(files: Files, generated: Collection[str], documents: Sequence[str]
          ) -> tuple[dict[str, Navigation], dict[str, str]]:
    """One navigation per language, and the URL of each hand-written page by its ``src_uri``
    (``generated``: the generated pages' ``src_uri``; ``documents``: the document ids in order).
    Hand-written pages (guides) are English; a guide's Chinese version next to it
    (``guide/x.zh.md``, :func:`.i18n.translation_src`) is the Chinese navigation's entry for
    it, the English page otherwise."""
    navs: dict[str, Navigation] = {}

    def page(src_uri: str) -> Page | None:
        file = files.get_file_from_path(src_uri)
        return file.page if file is not None else None

    for file in files.documentation_pages():  # forget MkDocs' default navigation
        if file.page is not None:
            file.page.parent = file.page.previous_page = file.page.next_page = None
    hand_written = {f.src_uri: f.page for f in files.documentation_pages()
                    if f.src_uri not in generated and urls.lang_of(f.src_uri) is None
                    and f.src_uri != "index.md" and f.page is not None}
    english = [p for src, p in sorted(hand_written.items()) if i18n.hand_written_lang(src) == "en"]
    for lang in i18n.LANGS:
        def own(path: str, lang: str = lang) -> Page | None:
            return page(f"{lang}/{path}")

        docs = [own(f"documents/{doc}.md") for doc in documents]
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
        navs[lang] = navigation
    return navs, {src: p.url for src, p in hand_written.items()}


def listed(kind: str, documents: int) -> bool:
    """Whether a generated page of ``kind`` is in the navigation (see :func:`build`)."""
    return kind not in ("entity", "indicator", "document") or (kind == "document" and documents <= NAV_DOCUMENTS_MAX)


def signature(hand_written: Sequence[str], documents: Sequence[tuple[str, str]]) -> tuple:
    """What the navigations are made of, as :func:`build` uses it: the hand-written pages and
    the documents' pages with their titles (``(src_uri, title)``) when the sidebar lists them."""
    listed = len(documents) <= NAV_DOCUMENTS_MAX * len(i18n.LANGS)
    return tuple(sorted(hand_written)), tuple(sorted(documents)) if listed else len(documents) > 0


def _markdown_title(file: File) -> str:
    """A hand-written page's title before MkDocs reads it: front matter ``title`` or first heading."""
    text = file.content_string
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if front:
        found = re.search(r"^title:\s*(.+)$", front.group(1), re.M)
        if found:
            return found.group(1).strip().strip("\"'")
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    return heading.group(1).strip() if heading else file.name


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
