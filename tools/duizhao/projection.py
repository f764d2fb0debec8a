"""Annotations projected into the English translation (DESIGN.md: not annotated twice).

A term's English form comes from the glossary (``en``, ``en_variants``), an entity's from
the registry (``en``, ``en_aliases``): the records' ``renderings``
(:mod:`duizhao.registries`), matched as :mod:`duizhao.renderings` matches
renderings for the translation checks; a figure's counterpart is the shortest run of
English words that states its value (:func:`duizhao.numbers.english_numbers`). Marks of
one term or entity pair with its English matches in order; a mark without a counterpart
gets none (the translation checks report it, the tooltip says so).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from . import renderings
from .annotations import Annotation
from .numbers import NumberMention, english_numbers, same_value
from .registries import Registries


class Mark(Protocol):
    """What projection needs of a visible annotation (the site's ``Mark``)."""

    ann: Annotation
    start: int
    end: int

    @property
    def id(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def target(self) -> str | None: ...

_WORDS = re.compile(r"\S+")
_TRIM_LEFT = "([{\"'“‘"
_TRIM_RIGHT = ",.;:!?)]}\"'”’"
_UNIT_WORDS = re.compile(
    r"(?:\s*%|\s+(?:per\s?cent|percentage\s+points?|(?:US\s+)?dollars|yuan|kWh|square\s+met(?:re|er)s|"
    r"m²|km²|times|enterprises|projects|base\s+stations|people|person-times))",
    re.IGNORECASE)
_MAX_WORDS = 4
_MONTHS = re.compile(r"(?:january|february|march|april|may|june|july|august|september|october|november|december)",
                     re.IGNORECASE)


def prepare(vocabulary: Registries) -> None:
    """Compile the pattern of every term's and entity's English form now, once, rather
    than in each process forked afterwards (compiling them is most of the first projections)."""
    for records in (vocabulary.terms, vocabulary.entities):
        for record in records.values():
            for form in record.renderings:
                renderings.pattern(form)


def phrase_spans(forms: Iterable[str], text: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of any of ``forms`` (longest first at a place)."""
    folded = renderings.fold(text)
    found = sorted(
        ((m.start(), m.end()) for form in forms if form.strip()
         for m in renderings.pattern(form).finditer(folded)),
        key=lambda se: (se[0], -se[1]),
    )
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM_LEFT:
        start += 1
    while end > start and text[end - 1] in _TRIM_RIGHT:
        end -= 1
    return start, end


@lru_cache(maxsize=65536)
def _states_a_number(word: str) -> bool:
    return bool(english_numbers(word))


@lru_cache(maxsize=8192)
def number_spans(text: str) -> tuple[tuple[int, int, tuple[float, ...]], ...]:
    """Runs of up to four words that state a number, with the values that need the whole
    run: ``5.638 billion`` states 5.638e9, which neither ``5.638`` nor ``billion`` does;
    ``5.638 billion kWh, up 7.9%`` is no run of 7.9, which ``7.9%`` states alone.
    (Remembered per text: a served site projects the same translations after every save.)"""
    words = list(_WORDS.finditer(text))
    values: dict[tuple[int, int], set[float]] = {}

    def stated(i: int, j: int) -> set[float]:  # words i..j-1
        if (i, j) not in values:
            start, end = _trim(text, words[i].start(), words[j - 1].end())
            values[(i, j)] = set(english_numbers(text[start:end])) if j > i else set()
        return values[(i, j)]

    out = []
    for i, first in enumerate(words):
        if not _states_a_number(first.group()):
            continue
        for j in range(i + 1, min(i + _MAX_WORDS, len(words)) + 1):
            own = stated(i, j) - (stated(i + 1, j) if j > i + 1 else set()) - (stated(i, j - 1) if j > i + 1 else set())
            if own:
                start, end = _trim(text, first.start(), words[j - 1].end())
                out.append((start, end, tuple(sorted(own))))
    return tuple(out)


def _figure_mention(mark: Mark) -> NumberMention | None:
    ann = mark.ann
    if ann.value is None:
        return None
    return NumberMention(mark.start, mark.end, ann.quote or "", ann.value, ann.scale or 1.0,
                         ann.unit, ann.qualifier or "exact", ann.value_max)


def project(zh: str, en: str, marks: list[Mark], vocabulary: Registries) -> dict[str, tuple[int, int]]:
    """``{mark id: (start, end)}`` in ``en`` (the translation of ``zh``) for the marks that
    have a counterpart."""
    out: dict[str, tuple[int, int]] = {}
    by_target: dict[tuple[str, str], list[Mark]] = defaultdict(list)
    figures: list[Mark] = []
    for mark in marks:
        if mark.type == "figure":
            figures.append(mark)
        elif mark.target:
            by_target[(mark.type, mark.target)].append(mark)
    for (kind, target), group in by_target.items():
        record = (vocabulary.terms if kind == "term" else vocabulary.entities).get(target)
        if record is None:
            continue
        for mark, span in zip(sorted(group, key=lambda m: m.start), phrase_spans(record.renderings, en)):
            out[mark.id] = span
    if figures:
        # each figure takes the unused run stating its value nearest to where it stands in
        # the Chinese (relative position): translations keep the order of a sentence roughly
        candidates = number_spans(en)
        used: set[int] = set()
        for mark in sorted(figures, key=lambda m: m.start):
            mention = _figure_mention(mark)
            if mention is None:
                continue
            where = mark.start / max(len(zh), 1)
            fitting = [(s, e) for s, e, values in candidates
                       if s not in used and same_value(mention, values)
                       and (mention.unit == "month" or not _MONTHS.fullmatch(en[s:e]))]
            if not fitting:
                continue
            start, end = min(fitting, key=lambda se: abs(se[0] / len(en) - where))
            unit = _UNIT_WORDS.match(en, end)
            out[mark.id] = (start, unit.end() if unit else end)
            used.add(start)
    return out
