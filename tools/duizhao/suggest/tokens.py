"""Sentences and words of a segment's Chinese text, with character offsets.

jieba segments the text; every registered term and entity name is added to its
dictionary so that names come out as one word. Offsets always refer to ``Segment.zh``,
the one plain text, so predictions map straight back to annotations.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

_SENTENCE_END = re.compile(r"[。！？；!?;，,：:]+[”’」』）)]*")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


class Segmenter:
    """A jieba tokenizer of its own (the global one is left alone) knowing ``words``, each with
    its part of speech when ``tags`` gives one (for :meth:`tagged`)."""

    def __init__(self, words: Iterable[str] = (), tags: dict[str, str] | None = None):
        self._jieba = jieba.Tokenizer()
        tags = tags or {}
        for word in sorted(set(words) | set(tags)):
            if word and not any(ch.isspace() for ch in word):
                self._jieba.add_word(word, tag=tags.get(word))
        self._pos: jieba.posseg.POSTokenizer | None = None

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        """Words of ``text[start:end]`` (whitespace dropped), offsets relative to ``text``."""
        piece = text[start:end]
        return [Token(w, start + s, start + e) for w, s, e in self._jieba.tokenize(piece) if w.strip()]

    def tagged(self, text: str) -> list[tuple[Token, str]]:
        """Words of ``text`` with jieba's part-of-speech tag (whitespace dropped)."""
        if self._pos is None:
            self._pos = jieba.posseg.POSTokenizer(self._jieba)
        out, offset = [], 0
        for pair in self._pos.cut(text):
            end = offset + len(pair.word)
            if pair.word.strip():
                out.append((Token(pair.word, offset, end), pair.flag))
            offset = end
        return out

    def sentences(self, text: str) -> list[list[Token]]:
        """The text's clauses (split after 。！？；，：), each as a list of tokens: the units
        the NER model reads. Short units keep its CRF fast; names do not span a comma."""
        out, begin = [], 0
        for match in _SENTENCE_END.finditer(text):
            out.append(self.tokens(text, begin, match.end()))
            begin = match.end()
        out.append(self.tokens(text, begin))
        return [sentence for sentence in out if sentence]


def split_at(tokens: list[Token], boundaries: set[int]) -> list[Token]:
    """Cut tokens at the given character offsets (so that spans align with tokens)."""
    out = []
    for tok in tokens:
        cuts = sorted(b for b in boundaries if tok.start < b < tok.end)
        edges = [tok.start, *cuts, tok.end]
        out.extend(Token(tok.text[a - tok.start:b - tok.start], a, b) for a, b in zip(edges, edges[1:]))
    return out
