"""Search: one chunked Pagefind index per language, Chinese segmented with our dictionary.

Why Pagefind and not the theme's built-in search is measured in ``site/guide/search.md``
(``benchmarks/site_scale.py``): the built-in index is one file holding every page of
both languages, downloaded in full before the first answer; Pagefind splits its index
into chunks and a query fetches only the chunks of its words.

Pagefind segments Chinese with its own dictionary and offers no user dictionary, so the
Chinese index is fed words, not text: every document, term, entity and indicator is cut
by jieba with the glossary terms, entity names and indicator names added as words (so
链长制 and 专精特新 stay one word), and indexed under a language tag Pagefind does not
segment again (:data:`ZH_TAG`). The browser cuts a query the same way (longest match on
the same dictionary, published as ``search/dictionary.json``; ``Intl.Segmenter`` for the
rest) and queries the index from a worker, where Pagefind's own query segmenter stays
off. The English index is plain Pagefind with English stemming.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markupsafe import escape

from ..suggest.tokens import Segmenter
from ..text import has_ideograph
from . import meta as site_meta
from . import urls
from .data import SiteData

ZH_TAG = "und-Hans"  # Han text already cut into words: Pagefind must not segment it again
BUNDLE = "search/pagefind"  # one Pagefind bundle per language below this, e.g. search/pagefind/zh/
DICTIONARY = "search/dictionary.json"
OTHER_CHARS = 400  # the other language's text a result shows beside the match
_UI_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
             "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


@dataclass(frozen=True)
class Record:
    lang: str  # which bundle: zh | en
    url: str  # relative to the language root, e.g. documents/x/#s003
    title: str
    content: str
    kind: str
    meta: dict[str, str] = field(default_factory=dict)


def dictionary(data: SiteData) -> list[str]:
    """The words a Chinese query and the Chinese index are cut with, besides jieba's own."""
    words = {form for record in data.vocabulary for form in record.forms if record.id is not None}
    return sorted(w for w in words if has_ideograph(w) and not any(ch.isspace() for ch in w))


def splits(words: list[str]) -> dict[str, list[str]]:
    """Dictionary words that hold another one past their first character, cut before it
    (产业链链长制 → 产业链 + 链长制, 吉安高新区 → 吉安 + 高新区): the index and the query
    both use the parts, so that 链长制 finds 产业链链长制. (A word that only *starts* with
    another needs no cut: Pagefind matches query words as prefixes.)"""
    known = set(words)
    longest = max(map(len, known), default=0)

    def cut(word: str) -> list[str]:
        for i in range(1, len(word)):
            if any(word[i:j] in known for j in range(i + 2, min(len(word), i + longest) + 1)):
                return [word[:i], *cut(word[i:])]
        return [word]

    return {w: parts for w in words if len(parts := cut(w)) > 1}


class ChineseWords:
    """Chinese text as space-separated words: jieba knowing :func:`dictionary`, then
    :func:`splits` (exactly what ``search.js`` does to a query)."""

    def __init__(self, words: list[str]):
        self._segmenter = Segmenter(words)
        self._splits = splits(words)

    def __call__(self, text: str) -> str:
        out: list[str] = []
        for tok in self._segmenter.tokens(text):
            out.extend(self._splits.get(tok.text, (tok.text,)))
        return " ".join(out)


@lru_cache(maxsize=2)
def chinese_words(words: tuple[str, ...]) -> ChineseWords:
    """One segmenter per dictionary (jieba loads its own dictionary in about a second;
    the site builds the index in a forked worker, which loads it once per build)."""
    return ChineseWords(list(words))


def _text(*parts: object) -> str:
    return "\n".join(str(p) for p in parts if isinstance(p, str) and p)


def records(data: SiteData, words: ChineseWords) -> list[Record]:
    """What is searchable, in both languages: every segment (a result leads to it, shows it in
    both languages and names its document) and every term, entity and indicator."""
    out: list[Record] = []
    for doc in data.documents:
        for seg in doc.segments:
            tr = doc.translations.get(seg.id)
            en = tr.en if tr is not None and tr.en else ""
            for lang, text, other in (("zh", seg.zh, en), ("en", en, seg.zh)):
                if not text:
                    continue
                meta = {"doc": doc.id, "seg": seg.id, "date": site_meta.date_shown(doc, lang),
                        "other": other if len(other) <= OTHER_CHARS else other[:OTHER_CHARS] + "…"}
                out.append(Record(lang, urls.within(urls.document(lang, doc.id, seg.id)), site_meta.title(doc, lang),
                                  words(text) if lang == "zh" else text, "segment", meta))
    links = {"term": urls.glossary, "entity": urls.entity, "indicator": urls.indicator}
    for name in ("glossary", "entities", "indicators"):
        for rid, r in data.vocabulary.by_id(name).items():
            zh = _text(*r.forms, r.gloss.get("zh"))
            en = _text(*r.renderings, r.gloss.get("en"))
            out.append(Record("zh", urls.within(links[r.kind]("zh", rid)), r.zh or rid, words(zh), r.kind))
            out.append(Record("en", urls.within(links[r.kind]("en", rid)), r.en or rid, en, r.kind))
    return out


def _page(record: Record, tag: str) -> str:
    """A record as the minimal HTML page Pagefind indexes; metadata in ignored elements."""
    meta = {"title": record.title, "kind": record.kind, "href": record.url, **record.meta}
    body = "".join(f"<p>{escape(line)}</p>" for line in record.content.splitlines() if line.strip())
    tags = "".join(f'<span hidden data-pagefind-ignore data-pagefind-meta="{escape(k)}">{escape(v)}</span>'
                   for k, v in meta.items() if v)
    return (f'<!doctype html><html lang="{tag}"><head><meta charset="utf-8"><title>{escape(record.title)}</title>'
            f"</head><body><main data-pagefind-body>{body}{tags}</main></body></html>")


def write_index(out_dir: Path, recs: list[Record], work_dir: Path) -> dict[str, int]:
    """Write one Pagefind bundle per language, ``out_dir/zh`` and ``out_dir/en``.

    Records are written as small HTML pages into ``work_dir`` and indexed by the Pagefind
    binary (its Python service answers one request per tenth of a second: too slow for
    thousands of records).
    """
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise RuntimeError("the pagefind binary is missing: pip install 'pagefind[extended]'")
    counts = {}
    for lang, tag in (("zh", ZH_TAG), ("en", "en")):
        source = work_dir / lang
        shutil.rmtree(source, ignore_errors=True)
        mine = [r for r in recs if r.lang == lang]
        for i, record in enumerate(mine):
            page = source / f"r{i:06d}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(_page(record, tag), encoding="utf-8")
        bundle = out_dir / lang
        shutil.rmtree(bundle, ignore_errors=True)
        done = subprocess.run([str(binary), "--site", str(source), "--output-path", str(bundle), "--silent"],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"pagefind failed ({done.returncode}): {done.stdout}{done.stderr}".strip())
        for name in _UI_FILES:
            (bundle / name).unlink(missing_ok=True)
        counts[lang] = len(mine)
    return counts


def dictionary_json(words: list[str]) -> str:
    return json.dumps({"words": words, "splits": splits(words)}, ensure_ascii=False, separators=(",", ":"))
