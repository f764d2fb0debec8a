"""Every URL of the site, in one place.

Pages live in two parallel language trees (``en/…`` and ``zh/…``, the same path in both);
a URL here is *site-root relative* (``en/documents/x/``) unless it says otherwise. Templates
get a :class:`Links` for the page being rendered, which turns these into links relative to
that page (the site works from any folder and from ``file://``).
"""

from __future__ import annotations

from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from . import i18n

SEARCH_PARAM = "q"


def page(lang: str, path: str = "") -> str:
    """The page ``path`` (``glossary/``, ``documents/x/``) of ``lang``'s tree."""
    return f"{lang}/{path}"


def document(lang: str, doc: str, segment: str | None = None) -> str:
    return page(lang, f"documents/{doc}/") + (f"#{segment}" if segment else "")


def glossary(lang: str, term: str | None = None) -> str:
    return page(lang, "glossary/") + (f"#{term}" if term else "")


def entity(lang: str, eid: str, number: int = 1) -> str:
    """Page ``number`` of an entity's mentions."""
    return page(lang, f"entities/{eid}/" + (f"{number}/" if number > 1 else ""))


def indicator(lang: str, iid: str) -> str:
    return page(lang, f"figures/{iid}/")


def guide(name: str, lang: str) -> str:
    """The guide ``site/guide/<name>.md`` in ``lang`` (its English page when there is no other)."""
    return i18n.translation_src(f"guide/{name}.md", lang).removesuffix(".md") + "/"


def of_src(src_uri: str) -> str:
    """The URL MkDocs gives the page ``src_uri`` (directory URLs): ``en/glossary.md`` → ``en/glossary/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def lang_of(url: str) -> str | None:
    """``en`` or ``zh`` for a page in one of the language trees, else None."""
    head = url.split("/", 1)[0]
    return head if head in i18n.LANGS else None


def counterpart(url: str, lang: str) -> str:
    """The same page in ``lang`` (pages outside the trees map to themselves)."""
    current = lang_of(url)
    return lang + url[len(current):] if current else url


def within(url: str) -> str:
    """``url`` relative to its language's root (``en/documents/x/#s1`` → ``documents/x/#s1``)."""
    return url.split("/", 1)[1] if lang_of(url) else url


def absolute(site_url: str | None, url: str) -> str | None:
    """``url`` on the published site (``site_url`` in mkdocs.yml), or None when it is not set."""
    return urljoin(site_url.rstrip("/") + "/", url) if site_url else None


class Links:
    """The links of the page at ``here`` (site-root relative), for the templates."""

    def __init__(self, lang: str, here: str):
        self.lang, self.here = lang, here

    def to(self, url: str) -> str:
        """A site-root URL (with an optional ``#fragment``) relative to this page."""
        path, hash_, fragment = url.partition("#")
        return get_relative_url(path, self.here) + hash_ + fragment

    def page(self, path: str = "") -> str:
        return self.to(page(self.lang, path))

    def document(self, doc: str, segment: str | None = None) -> str:
        return self.to(document(self.lang, doc, segment))

    def glossary(self, term: str | None = None) -> str:
        return self.to(glossary(self.lang, term))

    def entity(self, eid: str, number: int = 1) -> str:
        return self.to(entity(self.lang, eid, number))

    def indicator(self, iid: str) -> str:
        return self.to(indicator(self.lang, iid))

    def guide(self, name: str) -> str:
        return self.to(guide(name, self.lang))
