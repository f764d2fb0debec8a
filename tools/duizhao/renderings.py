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
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .registries import Term
from .text import char_folder

_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}
_fold = char_folder(_QUOTES)
_WORD = re.compile(r"[^\W_]+|[^\w\s-]|_|-")  # words of letters and digits (any script: café), or one other mark


def fold(text: str) -> str:
    """``text`` with curly quotes and dashes made straight, as :func:`pattern` expects it
    (one character for one: offsets into the result are offsets into ``text``)."""
    return _fold(text)


def _term(term: Term | Mapping[str, Any]) -> Term:
    return term if isinstance(term, Term) else Term.of(term)


def accepted(term: Term | Mapping[str, Any]) -> list[str]:
    """The English forms a translation may use: ``en`` and ``en_variants``."""
    return list(_term(term).renderings)


def forbidden(term: Term | Mapping[str, Any]) -> list[str]:
    return list(_term(term).forbidden)


_SPELLING = re.compile(r"(?i)(?<=\w)(?:i[sz](?=(?:e|es|ed|ing|ation|ations)$)|t(?:re|er)(?=s?$))")


def _word_parts(word: str) -> tuple[str, str]:
    """A rendering's word as (its literal start, the pattern of the rest): plural and
    British/American spelling tolerated."""
    if not word[-1:].isalpha():
        return word, ""
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
        return stem, ending
    variant = "i[sz]" if m.group().lower().startswith("i") else "t(?:re|er)"
    tail = "" if variant.startswith("t") else stem[m.end():]
    return stem[:m.start()], variant + re.escape(tail) + ending


def _word(word: str) -> str:
    """A rendering's word as a pattern (see :func:`_word_parts`)."""
    literal, rest = _word_parts(word)
    return re.escape(literal) + rest


# Between two words of a rendering: spaces or a hyphen, and at most one extra word.
_SPACE = r"(?:\s+|\s*-\s*)"
_GAP = _SPACE + r"(?:[^\W\d_]+\s+)?"


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
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)


# ASCII letters to lower case, and the four other letters that match one under re.IGNORECASE
# (str.lower would change lengths): one character for one, offsets stay valid.
_LOWER = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                        "\u212a": "k", "\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _needle(rendering: str) -> str | None:
    """Lower-case ASCII text that every match of ``rendering`` starts with (the literal start
    of its first word), or None: a match can only start where the needle occurs."""
    tokens = [t for t in _WORD.findall(_fold(rendering)) if t != "-"]
    if not tokens:
        return None
    literal = _word_parts(tokens[0])[0] if tokens[0][0].isalnum() else tokens[0]
    return literal.lower() if literal and literal.isascii() else None


def find(rendering: str, text: str, slop: bool = True) -> re.Match[str] | None:
    """The first occurrence of ``rendering`` in ``text``, or None."""
    if not rendering.strip():
        return None
    return pattern(rendering, slop).search(fold(text))


class Renderings:
    """A glossary term's accepted and forbidden renderings, for the rules, which ask about
    every occurrence of every term, in a text prepared by :func:`prepare`. A form's pattern
    is compiled (once) when a text first contains the start of the form."""

    def __init__(self, term: Term | Mapping[str, Any]):
        term = _term(term)
        self.accepted = list(term.renderings)
        self.forbidden = list(term.forbidden)
        self._needles = {form: _needle(form) for form in (*self.accepted, *self.forbidden)}
        self._compiled: dict[tuple[str, bool], re.Pattern[str]] = {}

    def rendered(self, text: tuple[str, str]) -> bool:
        """Whether the text uses one of the accepted forms."""
        return any(self._found(form, True, text) for form in self.accepted)

    def forbidden_used(self, text: tuple[str, str]) -> list[str]:
        """The forbidden forms that the text uses."""
        return [form for form in self.forbidden if self._found(form, False, text)]

    def _found(self, form: str, slop: bool, text: tuple[str, str]) -> bool:
        """Whether ``form`` occurs in the prepared text: searched from the first occurrence of
        its needle (no match starts before it; the pattern looks behind that point as from
        the start of the text), not at all when the needle is absent."""
        folded, lowered = text
        needle = self._needles[form]
        start = lowered.find(needle) if needle else 0
        if start < 0:
            return False
        compiled = self._compiled.get((form, slop))
        if compiled is None:
            compiled = self._compiled[(form, slop)] = pattern(form, slop)
        return compiled.search(folded, start) is not None


def prepare(text: str) -> tuple[str, str]:
    """``text`` folded (:func:`fold`) and, offset for offset, in lower case: what
    :class:`Renderings` searches."""
    folded = _fold(text)
    return folded, folded.translate(_LOWER)


def rendered(term: Term | Mapping[str, Any], text: str) -> bool:
    """Whether ``text`` uses one of the term's accepted English forms."""
    return Renderings(term).rendered(prepare(text))


def forbidden_used(term: Term | Mapping[str, Any], text: str) -> list[str]:
    """The forbidden renderings of ``term`` that ``text`` uses."""
    return Renderings(term).forbidden_used(prepare(text))
