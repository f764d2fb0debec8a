"""Where a glossary term's English rendering occurs in an English text.

A rendering matches case-insensitively, as whole words, with:

- straight and curly quotes alike, a hyphen or a space between words alike
  (``high-quality`` = ``high quality``);
- any word in the singular or the plural (``-s``, ``-es``, ``-y``/``-ies``: "industrial
  chains", "little giants", "industries"; "three hundreds" matches "Three Hundred");
- British and American spelling alike (``-ise``/``-ize``, ``-isation``/``-ization``,
  ``-tre``/``-ter``);
- one extra word allowed between two words of an accepted rendering ("high-quality
  industrial development" renders "high-quality development"); forbidden renderings
  must match word for word.

The translation checks (T005, T006) and the site's English highlights use this one notion.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .text import char_folder

_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
_fold = char_folder(_QUOTES)
_WORD = re.compile(r"[A-Za-z0-9]+|[^A-Za-z0-9\s-]|-")


@lru_cache(maxsize=256)  # the rules ask about one English segment for each of its terms
def fold(text: str) -> str:
    """``text`` with curly quotes and dashes made straight, as :func:`pattern` expects it
    (one character for one: offsets into the result are offsets into ``text``)."""
    return _fold(text)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [v for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def accepted(term: dict[str, Any]) -> list[str]:
    """The English forms a translation may use: ``en`` and ``en_variants``."""
    return list(dict.fromkeys(_strings(term.get("en")) + _strings(term.get("en_variants"))))


def forbidden(term: dict[str, Any]) -> list[str]:
    return _strings(term.get("forbidden"))


_SPELLING = re.compile(r"(?i)(?<=\w)(?:i[sz](?=(?:e|es|ed|ing|ation|ations)$)|t(?:re|er)(?=s?$))")


def _word(word: str) -> str:
    """A rendering's word as a pattern: plural and British/American spelling tolerated."""
    if not word[-1:].isalpha():
        return re.escape(word)
    lower = word.lower()
    if len(word) > 4 and lower.endswith("ies"):  # a plural in the glossary matches the singular too
        word = word[:-3] + "y"
    elif len(word) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word[-1:].lower() == "y" and word[-2:-1].lower() not in "aeiou":
        stem, ending = word[:-1], "(?:y|ies)"
    else:
        stem, ending = word, "(?:s|es)?"
    m = _SPELLING.search(stem)
    if m is None:
        return re.escape(stem) + ending
    variant = "i[sz]" if m.group().lower().startswith("i") else "t(?:re|er)"
    tail = "" if variant.startswith("t") else stem[m.end():]
    return re.escape(stem[:m.start()]) + variant + re.escape(tail) + ending


# Between two words of a rendering: spaces or a hyphen, and at most one extra word.
_SPACE = r"(?:\s+|\s*-\s*)"
_GAP = _SPACE + r"(?:[A-Za-z]+\s+)?"


@lru_cache(maxsize=4096)
def pattern(rendering: str, slop: bool = True) -> re.Pattern[str]:
    """The regular expression that finds ``rendering`` in English text (``slop``: one
    extra word allowed between two of its words)."""
    body, previous = "", ""
    for token in _WORD.findall(_fold(rendering)):
        if token == "-":
            continue
        if previous:  # words apart by spaces or a hyphen; punctuation may touch
            body += (_GAP if slop else _SPACE) if previous[0].isalnum() and token[0].isalnum() else r"\s*"
        body += _word(token) if token[0].isalnum() else re.escape(token)
        previous = token
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.IGNORECASE)


def find(rendering: str, text: str, slop: bool = True) -> re.Match[str] | None:
    """The first occurrence of ``rendering`` in ``text``, or None."""
    if not rendering.strip():
        return None
    return pattern(rendering, slop).search(fold(text))


def rendered(term: dict[str, Any], text: str) -> bool:
    """Whether ``text`` uses one of the term's accepted English forms."""
    folded = fold(text)
    return any(pattern(form).search(folded) for form in accepted(term))


def forbidden_used(term: dict[str, Any], text: str) -> list[str]:
    """The forbidden renderings of ``term`` that ``text`` uses."""
    folded = fold(text)
    return [form for form in forbidden(term) if pattern(form, slop=False).search(folded)]
