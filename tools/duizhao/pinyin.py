"""Pinyin derived from Chinese text (registries never type it): tone marks, one word per
jieba token with its syllables joined (apostrophe before a, o, e: jí'ān), and anything
that is not Chinese (digits, Latin letters, quotes) kept as written: “5020” xiàngmù.
"""

from __future__ import annotations

import logging
import re

import jieba
from pypinyin import Style, lazy_pinyin

from .text import CJK_IDEOGRAPH

jieba.setLogLevel(logging.WARNING)
_HANZI = re.compile(f"[{CJK_IDEOGRAPH}]")
_VOWEL_INITIAL = set("aāáǎàoōóǒòeēéěè")


def _word(word: str) -> str:
    out = ""
    for i, syllable in enumerate(lazy_pinyin(word, style=Style.TONE)):
        out += ("'" if i and syllable[:1] in _VOWEL_INITIAL else "") + syllable
    return out


def pinyin(text: str) -> str:
    """``规模以上工业增加值`` → ``guīmó yǐshàng gōngyè zēngjiāzhí``."""
    chunks: list[str] = []
    glue = False  # the previous chunk is not Chinese: non-Chinese tokens stick together
    for token in jieba.lcut(text):
        if not token.strip():
            glue = False
            continue
        if _HANZI.search(token):
            chunks.append(_word(token))
            glue = False
        elif glue:
            chunks[-1] += token
        else:
            chunks.append(token)
            glue = True
    return " ".join(chunks)
