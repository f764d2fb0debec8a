"""Which predicted spans could name a new entity: rules after the model.

stanza, trained on a few hundred mentions, also tags spans that cannot be names: a
clause fragment with a bracket or a percentage, a word of one character, a registered
glossary term, an adverb or a set phrase. A *new entity candidate* (a span that names no
registered entity) is shown to annotators only when it passes :func:`plausible`; spans
that name a registered entity are not filtered (the registry vouches for them).
"""

from __future__ import annotations

import logging
import re

import jieba
import jieba.posseg

from .lexicon import Lexicon

jieba.setLogLevel(logging.WARNING)

# characters a name may hold besides ideographs, letters and digits (冯·卡门, “1+4+N”, 《…》,
# 吉发〔2021〕4号, …办法(试行), VR 产业…), the paired ones balanced
_NAME_MARKS = "·-—&+ "
_PAIRS = ("“”", "《》", "()", "（）", "〔〕")
_MARKS = _NAME_MARKS + "".join(_PAIRS)
# parts of speech (jieba's tag set) of a dictionary word that is no name: pronouns,
# conjunctions, set phrases and idioms, numerals, time words, verbs, adjectives,
# distinguishing words, adverbs, prepositions, particles, interjections, onomatopoeia,
# measure and locality words
_NOT_A_NAME = re.compile(r"^(?:r|c|l|i|m|mq|t|v|vd|a|ad|b|d|p|u[a-z]*|y|e|o|q|f|z)$")


def plausible(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` (a predicted span naming no registered entity) could be a name."""
    if len(text) < 2 or not (text[0].isalnum() or text[0] in "“《"):
        return False
    if any(not (ch.isalnum() or ch in _MARKS) for ch in text) or text.replace(".", "").isdigit():
        return False
    if any(text.count(left) != text.count(right) for left, right in _PAIRS) or lexicon.named(text, "term"):
        return False
    words = list(jieba.posseg.cut(text, HMM=False))  # one dictionary word: judged by its part of speech
    return not (len(words) == 1 and _NOT_A_NAME.match(words[0].flag))

