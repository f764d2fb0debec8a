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

A rendering of several coordinated parts ("tax and fee cuts", "strengthening industrial
chains and filling gaps") is whole only when a form covering every part is used
(:meth:`Renderings.half_rendered`). An entity's English alias may be a short form of its
name (:func:`shortens`).

The translation checks (T005, T006, T008, E004) and the site's English highlights use this
one notion.
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


def _word(word: str, loose: bool = False) -> str:
    """A rendering's word as a pattern (see :func:`_word_parts`); ``loose``: in any of its
    regular verb forms too (fill, filled, filling)."""
    if loose and word.isalpha():
        for ending in ("ing", "ed"):
            if word.lower().endswith(ending) and len(word) > len(ending) + 3:
                return re.escape(word[:-len(ending)]) + "(?:e|es|s|ed|ing)?"
    literal, rest = _word_parts(word)
    return re.escape(literal) + rest + ("(?:ed|ing)?" if loose and word.isalpha() else "")


# Between two words of a rendering: spaces or a hyphen, and at most one extra word.
_SPACE = r"(?:\s+|\s*-\s*)"
_GAP = _SPACE + r"(?:[^\W\d_]+\s+)?"


@lru_cache(maxsize=4096)
def pattern(rendering: str, slop: bool = True, ignore_case: bool = True, loose: bool = False) -> re.Pattern[str]:
    """The regular expression that finds ``rendering`` in English text (``slop``: one
    extra word allowed between two of its words; ``ignore_case``: in any capitalisation,
    else as written, as a name is; ``loose``: its words in any regular verb form)."""
    body, previous = "", ""
    for token in _WORD.findall(_fold(rendering)):
        if token == "-":
            continue
        if previous:  # words apart by spaces or a hyphen; punctuation may touch
            body += (_GAP if slop else _SPACE) if previous[0].isalnum() and token[0].isalnum() else r"\s*"
        body += _word(token, loose) if token[0].isalnum() else re.escape(token)
        previous = token
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE if ignore_case else 0)


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


def find(rendering: str, text: str, slop: bool = True, ignore_case: bool = True) -> re.Match[str] | None:
    """The first occurrence of ``rendering`` in ``text``, or None."""
    if not rendering.strip():
        return None
    return pattern(rendering, slop, ignore_case).search(fold(text))


_COORDINATION = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def parts(rendering: str) -> list[str]:
    """The coordinated parts of a rendering, split at its commas and its "and"s; when every
    part but the last is one word, they share the last part's head ("tax and fee cuts" → tax
    cuts, fee cuts; "micro, small and medium-sized enterprises"). A rendering without commas
    or "and" is one part."""
    found = [p for p in (p.strip() for p in _COORDINATION.split(rendering)) if p]
    last = found[-1].split() if found else []
    if len(found) > 1 and len(last) > 1 and all(len(p.split()) == 1 for p in found[:-1]):
        head = " ".join(last[1:])
        found = [f"{p} {head}" for p in found[:-1]] + [found[-1]]
    return found


def _stems(text: str) -> list[str]:
    """The words of ``text`` as :func:`pattern` equates them: any case, singular or plural,
    -ise or -ize, -tre or -ter; marks left out."""
    out = []
    for word in _WORD.findall(_fold(text).lower()):
        if word[0].isalnum():
            word = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
            out.append(word.replace("is", "iz").replace("tre", "ter"))
    return out


def _within(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` occur in ``long`` in order, one extra word allowed between
    two of them (as :func:`pattern` with ``slop``)."""
    for start, word in enumerate(long):
        if not short or word != short[0]:
            continue
        i, j = start + 1, 1
        while j < len(short) and i < len(long):
            if long[i] == short[j]:
                i, j = i + 1, j + 1
            elif i + 1 < len(long) and long[i + 1] == short[j]:
                i, j = i + 2, j + 1
            else:
                break
        if j == len(short):
            return True
    return False


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_][\w'.-]*", name) if word[0].isupper())


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def shortens(alias: str, name: str, person: bool = False) -> bool:
    """Whether an entity's English ``alias`` is a short form of its ``name`` rather than another
    name: a part of it ("Yongxiu" of "Yongxiu County"), the name with more words ("Jiangxi
    Province"), its initials (MIIT, CCID), or, for a person, a title with a name of theirs
    ("Director Huang" of "Huang Guodong")."""
    words, name_words = _stems(alias), _stems(name)
    if _within(words, name_words) or _within(name_words, words):
        return True
    if alias.isupper() and alias.isalpha() and len(alias) > 1 and _subsequence(alias, _initials(name)):
        return True
    return person and bool(set(name.split()) & set(alias.split()))


class Renderings:
    """A glossary term's accepted and forbidden renderings, for the rules, which ask about
    every occurrence of every term, in a text prepared by :func:`prepare`. A form's pattern
    is compiled (once) when a text first contains the start of the form."""

    def __init__(self, term: Term | Mapping[str, Any]):
        term = _term(term)
        self.accepted = list(term.renderings)
        self.forbidden = list(term.forbidden)
        self.en = term.en
        self.parts = parts(term.en) if term.en else []  # of the registered rendering, ``en``
        self._needles = {form: _needle(form) for form in (*self.accepted, *self.forbidden)}
        self._compiled: dict[tuple[str, bool], re.Pattern[str]] = {}
        self._partial: dict[str, bool] = {}

    def is_partial(self, form: str) -> bool:
        """Whether an accepted form renders one part only ("fill gaps" of "strengthening
        industrial chains and filling gaps"): it is found inside one part of ``en``."""
        if form not in self._partial:
            self._partial[form] = len(self.parts) > 1 and form != self.en and any(
                pattern(form, True, True, True).search(fold(part)) for part in self.parts)
        return self._partial[form]

    @property
    def partial(self) -> list[str]:
        """The accepted forms that render one part only (:meth:`is_partial`)."""
        return [form for form in self.accepted if self.is_partial(form)]

    def rendered(self, text: tuple[str, str]) -> bool:
        """Whether the text uses one of the accepted forms."""
        return any(self._found(form, True, text) for form in self.accepted)

    def forbidden_used(self, text: tuple[str, str]) -> list[str]:
        """The forbidden forms that the text uses."""
        return [form for form in self.forbidden if self._found(form, False, text)]

    def half_rendered(self, text: tuple[str, str]) -> list[str]:
        """The parts of ``en`` (and the partial forms) the text uses when it uses no form
        that renders every part; empty for a term of one part or a whole rendering."""
        if len(self.parts) < 2:
            return []
        used = [form for form in self.accepted if self._found(form, True, text)]
        if any(not self.is_partial(form) for form in used):
            return []
        return list(dict.fromkeys([*(part for part in self.parts if pattern(part, True, True, True).search(text[0])),
                                   *used]))

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
