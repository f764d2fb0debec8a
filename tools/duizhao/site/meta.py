"""What a page says about itself: dates as the header states them, citations of a document
(CSL-JSON, from which the browser writes the formatted citation, BibTeX and RIS), the tags
reference managers read (Highwire ``citation_*``, schema.org JSON-LD) and page descriptions.
"""

from __future__ import annotations

import json
import posixpath
from urllib.parse import urljoin
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..tei import Document
from . import i18n

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CORPUS = {"en": "duizhao: a bilingual corpus of Jiangxi industrial-policy reports",
          "zh": "对照：江西产业政策报告中英双语语料"}


@dataclass(frozen=True)
class Version:
    """The corpus version and its release date (``corpus/release.json``, read by
    :func:`duizhao.release.version_label`: the one place that holds them) and the label the
    site shows (the version plus the commit the site is built from)."""

    number: str
    date: str | None
    label: str

    @classmethod
    def of(cls, root: Any, label: str) -> "Version":
        from ..release import version_label

        number, released = version_label(root)
        return cls(number, released, label)

    @property
    def build(self) -> str:
        """The version of what is built when it is not a release: ``0.0.0+<commit>``, else ``+dev``."""
        return self.label if "+" in self.label else f"{self.label}+dev"


def _parts(iso: str | None) -> list[int]:
    return [int(p) for p in (iso or "").split("T")[0].split("-") if p.isdigit()]


def date_shown(doc: Document, lang: str) -> str:
    """The document's date for reading: an exact day as ISO; a month, a range or an inferred
    date as the header writes it (in Chinese, said from its range), never as a false day."""
    low, high, cert, written = doc.dating
    if low is None:
        return "—"
    if low == high:
        return low.split("T")[0]
    if lang == "en":
        return written or f"{low}/{high}"
    a, b = _parts(low), _parts(high)
    if len(a) < 2 or len(b) < 2:
        text = f"{low}—{high}"
    elif a[0] != b[0]:
        text = f"{a[0]}年{a[1]}月至{b[0]}年{b[1]}月"
    elif a[1] == 1 and b[1] == 12:
        text = f"{a[0]}年"
    elif a[1] == b[1]:
        text = f"{a[0]}年{a[1]}月"
    else:
        text = f"{a[0]}年{a[1]}月至{b[1]}月"
    return text + ("（推定）" if cert == "low" else "")


def date_exact(doc: Document) -> bool:
    low, high, _, _ = doc.dating
    return low is not None and low == high


def issued(doc: Document) -> dict[str, Any]:
    """CSL-JSON ``issued``: the day, the month or the range the header gives; ``circa`` when inferred."""
    low, high, cert, written = doc.dating
    if low is None:
        return {}
    a, b = _parts(low), _parts(high)
    if low == high:
        out: dict[str, Any] = {"date-parts": [a]}
    elif a[:2] == b[:2] or (len(a) > 2 and len(b) > 2 and a[:1] == b[:1] and a[1] == 1 and b[1] == 12):
        out = {"date-parts": [a[:2] if a[:2] == b[:2] else a[:1]]}
    else:
        out = {"date-parts": [a[:2], b[:2]]}
    if cert == "low":
        out["circa"] = True
    if written and low != high:
        out["literal"] = written
    return out


def title(doc: Document, lang: str) -> str:
    """The document's title in ``lang`` (else the other language's): the main title, not a subtitle."""
    main = doc.headings.get(lang) or doc.headings.get(i18n.other(lang))
    return main[0] if main else doc.id


def subtitle(doc: Document, lang: str) -> str:
    found = doc.headings.get(lang)
    return found[1] if found else ""


def full_title(doc: Document, lang: str) -> str:
    main, sub = title(doc, lang), subtitle(doc, lang)
    return f"{main}{'——' if lang == 'zh' else ': '}{sub}" if sub else main


def translators(doc: Document) -> list[str]:
    """Who made the English translation (``respStmt`` whose ``resp`` says translation)."""
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    names = doc.root.xpath("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[contains(tei:resp, 'ranslat')]"
                           "/tei:name/text()", namespaces=ns)
    return [" ".join(n.split()) for n in names] or ["duizhao project"]


def authors(doc: Document, lang: str) -> list[str]:
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    found = doc.root.xpath(f"tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:author[@xml:lang='{lang}']/text()",
                           namespaces=ns)
    return [" ".join(a.split()) for a in found]


def csl(doc: Document, lang: str, url: str, version: Version) -> dict[str, Any]:
    """The document as a CSL-JSON item (the translation, with the original's title and publisher);
    ``url`` is the page's address (the browser replaces a relative one with the real one)."""
    other = i18n.other(lang)
    item: dict[str, Any] = {
        "id": f"duizhao-{doc.id}", "type": "article",
        "title": full_title(doc, "en"), "original-title": full_title(doc, "zh"),
        "container-title": CORPUS["en"], "publisher": doc.publisher.get(lang) or doc.publisher.get(other) or "",
        "original-publisher": doc.publisher.get("zh") or "",
        "translator": [{"literal": name} for name in translators(doc)],
        "author": [{"literal": name} for name in authors(doc, "en") or authors(doc, "zh")],
        "issued": issued(doc), "version": version.number, "URL": url, "language": "en",
        "license": f"{LICENCE} ({LICENCE_URL}); source text © its publisher",
        "note": f"duizhao corpus version {version.number}" + (f" ({version.date})" if version.date else ""),
    }
    return {k: v for k, v in item.items() if v not in ("", [], {}, None)}


def highwire(doc: Document, lang: str, url: str | None, version: Version) -> list[tuple[str, str]]:
    """``citation_*`` meta tags (Highwire Press: Zotero, Mendeley, Google Scholar read them)."""
    low, high, _, _ = doc.dating
    tags = [("citation_title", full_title(doc, lang)), ("citation_language", lang)]
    tags += [("citation_author", a) for a in authors(doc, lang) or authors(doc, i18n.other(lang))]
    if low:
        parts = _parts(low) if date_exact(doc) else _parts(low)[:1 if _parts(low)[:2] != _parts(high)[:2] else 2]
        tags.append(("citation_publication_date", "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    publisher = doc.publisher.get(lang) or doc.publisher.get(i18n.other(lang))
    if publisher:
        tags.append(("citation_publisher", publisher))
    tags += [("citation_journal_title", CORPUS[lang]), ("citation_technical_report_institution", "duizhao project")]
    if url:
        tags.append(("citation_public_url", url))
    tags.append(("DC.rights", f"{LICENCE} {LICENCE_URL}"))
    tags.append(("DC.relation.ispartof", f"{CORPUS[lang]} {version.number}"))
    return tags


def json_ld(doc: Document, lang: str, url: str | None, version: Version) -> dict[str, Any]:
    """schema.org ``ScholarlyArticle`` of the page, translated from the Chinese original."""
    low, high, _, written = doc.dating
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "ScholarlyArticle",
        "headline": full_title(doc, lang), "name": full_title(doc, lang), "inLanguage": lang,
        "alternateName": full_title(doc, i18n.other(lang)),
        "author": [{"@type": "Person", "name": a} for a in authors(doc, lang) or authors(doc, i18n.other(lang))],
        "datePublished": low if low == high else written or f"{low}/{high}",
        "temporalCoverage": f"{low}/{high}" if low and low != high else None,
        "publisher": {"@type": "Organization", "name": doc.publisher.get(lang) or doc.publisher.get(i18n.other(lang))},
        "translator": [{"@type": "Organization", "name": n} for n in translators(doc)],
        "translationOfWork": {"@type": "CreativeWork", "inLanguage": "zh", "name": full_title(doc, "zh")},
        "isPartOf": {"@type": "Dataset", "name": CORPUS[lang], "version": version.number,
                     **({"datePublished": version.date} if version.date else {})},
        "license": LICENCE_URL, "url": url,
    }
    return {k: v for k, v in data.items() if v not in (None, "", [])}


MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "jsonl": "application/jsonl",
               "w3c": "application/ld+json", "tmx": "application/x-tmx+xml", "tbx": "application/x-tbx+xml",
               "TEI XML": "application/tei+xml", "YAML": "application/yaml"}


def dataset_json_ld(lang: str, url: str | None, version: Version, downloads: list[Any]) -> dict[str, Any]:
    """schema.org ``Dataset`` of the downloads page (``downloads/`` of ``lang``'s tree): the corpus,
    its release (``version`` and ``datePublished`` once released; the build's label before) and one
    ``DataDownload`` per file with its size and SHA-256. ``url`` is the page's address: file
    addresses are absolute with it, relative to the page without it."""
    from ..release import Release

    released = Release(version.number, version.date).released
    page = f"{lang}/downloads/"

    def address(path: str) -> str:
        relative = posixpath.relpath(path, page.rstrip("/")) + ("/" if path.endswith("/") else "")
        return urljoin(url, relative) if url else relative

    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": CORPUS[lang], "alternateName": CORPUS[i18n.other(lang)],
        "description": i18n.t("dataset_about", lang),
        "version": version.number if released else version.build,
        "datePublished": version.date if released else None,
        "license": LICENCE_URL, "url": url, "inLanguage": ["zh", "en"],
        "creator": {"@type": "Organization", "name": "duizhao project"},
        "distribution": [{
            "@type": "DataDownload", "name": d.path.rsplit("/", 1)[-1],
            "encodingFormat": MEDIA_TYPES.get(d.format, d.format), "contentUrl": address(d.path),
            "contentSize": f"{d.size} B", "sha256": d.sha256,
            **({"description": d.description} if d.description else {}),
        } for d in downloads],
    }
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def head(tags: list[tuple[str, str]], ld: dict[str, Any] | None) -> Markup:
    """Meta tags and a JSON-LD script for a page's ``<head>``."""
    out = [Markup('<meta name="%s" content="%s">') % (n, c) for n, c in tags]
    if ld:
        text = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
        out.append(Markup('<script type="application/ld+json">%s</script>') % Markup(text))
    return Markup("\n".join(out))


def description(text: str, limit: int = 200) -> str:
    """One line of ``text`` for ``<meta name="description">``."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def document_description(doc: Document, lang: str) -> str:
    abstract = doc.abstract.get(lang) or doc.abstract.get(i18n.other(lang))
    parts = [full_title(doc, lang), doc.publisher.get(lang) or "", date_shown(doc, lang)]
    lead = "，".join(p for p in parts if p) if lang == "zh" else ", ".join(p for p in parts if p)
    return description(f"{lead}. {abstract}" if abstract and lang == "en" else
                       f"{lead}。{abstract}" if abstract else lead)
