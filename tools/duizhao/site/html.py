"""HTML helpers: the template environment, the sanitiser and small text helpers.

Annotator and corpus text reaches HTML only through Jinja2 with autoescape on (or
:func:`markupsafe.escape` in :mod:`.spans`), and every page fragment is passed through
:func:`sanitise` (nh3) before MkDocs sees it: a note with ``<script>`` or a
``javascript:`` link comes out as inert text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import nh3
from jinja2 import BytecodeCache, Environment, FileSystemLoader
from jinja2.bccache import Bucket

from ..pinyin import pinyin as pinyin_of
from . import i18n

TEMPLATES = Path(__file__).parent / "templates"

# What survives sanitising: the elements and attributes the templates write, nothing else.
_TAGS = {
    "a", "abbr", "article", "aside", "br", "button", "caption", "code", "dd", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "header", "input", "label",
    "li", "mark", "nav", "ol", "p", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul", "pre", "blockquote", "hr", "select", "option", "output", "time", "s",
    "svg", "g", "rect", "line", "polyline", "circle", "path", "text", "title", "desc", "tspan",
}
_ATTRS = {
    "*": {"class", "id", "lang", "title", "role", "tabindex", "hidden", "dir", "aria-label", "aria-describedby",
          "aria-labelledby", "aria-level", "aria-pressed", "aria-hidden", "aria-live", "aria-controls",
          "aria-expanded", "aria-current"},
    "a": {"href", "hreflang", "download", "rel"},
    "button": {"type", "value", "name"},
    "form": {"action", "method"},
    "input": {"type", "name", "value", "placeholder", "autocomplete", "checked", "spellcheck", "enterkeyhint"},
    "label": {"for"},
    "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope", "aria-sort"},
    "option": {"value", "selected"}, "time": {"datetime"},
    "details": {"open"},
    "svg": {"viewBox", "width", "height", "xmlns", "preserveAspectRatio", "focusable"},
    "g": {"transform", "fill", "stroke", "stroke-width", "stroke-dasharray", "font-size", "text-anchor"},
    "rect": {"x", "y", "width", "height", "fill", "stroke", "stroke-width", "rx"},
    "line": {"x1", "y1", "x2", "y2", "stroke", "stroke-width", "stroke-dasharray"},
    "polyline": {"points", "fill", "stroke", "stroke-width", "stroke-dasharray"},
    "circle": {"cx", "cy", "r", "fill", "stroke", "stroke-width"},
    "path": {"d", "fill", "stroke", "stroke-width", "stroke-dasharray"},
    "text": {"x", "y", "dx", "dy", "text-anchor", "font-size", "fill", "transform", "dominant-baseline"},
    "tspan": {"x", "y", "dx", "dy"},
}
_URL_SCHEMES = {"http", "https", "mailto"}


_CLEANER = nh3.Cleaner(tags=_TAGS, attributes=_ATTRS, url_schemes=_URL_SCHEMES,
                       generic_attribute_prefixes={"data-"}, link_rel=None, strip_comments=True)


def sanitise(html: str) -> str:
    """Keep only the markup the site writes; drop scripts, handlers and unsafe URLs."""
    return _CLEANER.clean(html)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["pinyin"] = lru_cache(maxsize=None)(pinyin_of)
    return env


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process: ``mkdocs serve`` makes
    a new theme environment for every build, which would otherwise compile them all again
    (Jinja checks each entry against its template's source)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def preload(env: Environment) -> None:
    """Compile the templates and load jieba's dictionary (pinyin cuts words with it) once,
    before renderers are forked."""
    for template in env.list_templates(extensions=["html"]):
        env.get_template(template)
    pinyin_of("汉字")


def name(entry: dict[str, Any] | None, lang: str, fallback: str = "") -> str:
    """An entry's name (or description, definition…) in ``lang``, else in the other language."""
    if not entry:
        return fallback
    value = entry.get(lang) or entry.get(i18n.other(lang))
    return value if isinstance(value, str) else fallback


def kwic(text: str, start: int, end: int, width: int) -> tuple[str, str, str]:
    """Keyword in context: up to ``width`` characters each side of ``text[start:end]``."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return ("…" + left if start > width else left), text[start:end], (right + "…" if end + width < len(text) else right)
