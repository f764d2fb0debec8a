"""The one definition of a segment's plain text, shared by every tool.

A segment's plain text is its character content with editorial corrections applied
(``corr`` over ``sic``), page and line breaks removed, editorial notes left out and
whitespace normalised. Chinese text additionally loses any space next to a Chinese
character or full-width punctuation mark (PDF spacing such as ``增长 7.9%``), except a
single space between two Chinese characters, which separates words in names lists and
slogans (``编辑：李小山 卢慧``, ``决战园区 工业强市``) and is kept. Line breaks of the XML
file itself never count as spaces next to Chinese text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
_T = "{%s}" % TEI_NS

# Ideographs plus the punctuation that Chinese text uses (CJK symbols, full-width
# forms, curly quotes, dashes, ellipsis, middle dot).
CJK_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_WIDE = CJK_IDEOGRAPH + "\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7"
_SPACE_NEAR_CJK = re.compile(rf"\s+(?=[{CJK_WIDE}])|(?<=[{CJK_WIDE}])\s+")
_SPACE_BETWEEN_IDEOGRAPHS = re.compile(rf"(?<=[{CJK_IDEOGRAPH}])[^\S\n]+(?=[{CJK_IDEOGRAPH}])")
_WORD_SPACE = "\uE000"  # placeholder for a kept space, private use area
_SPACES = re.compile(r"\s+")
_IDEOGRAPH = re.compile(f"[{CJK_IDEOGRAPH}]")
_IDEOGRAPHS = re.compile(f"[{CJK_IDEOGRAPH}]+")
_NOT_LATIN_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())

# Elements whose content never belongs to the running text.
_SKIPPED = {_T + "note", _T + "pb", _T + "lb"}


def normalise(text: str, lang: str = "zh") -> str:
    """Collapse whitespace; in Chinese also drop spaces next to Chinese characters."""
    if lang == "zh":
        text = _SPACE_BETWEEN_IDEOGRAPHS.sub(_WORD_SPACE, text)
        text = _SPACE_NEAR_CJK.sub("", _SPACES.sub(" ", text).strip())
        return text.replace(_WORD_SPACE, " ")
    return _SPACES.sub(" ", text).strip()


def _reading(elem: etree._Element, drop: str) -> str:
    """Concatenate ``elem``'s text, leaving out ``drop`` (``sic`` or ``corr``) branches."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag in _SKIPPED or node.tag == _T + drop:
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(elem)
    return "".join(parts)


def plain_text(elem: etree._Element, lang: str = "zh") -> str:
    """The corrected, normalised plain text of a segment (or any element)."""
    return normalise(_reading(elem, drop="sic"), lang)


def source_reading(elem: etree._Element) -> str:
    """The uncorrected reading (``sic`` over ``corr``), as the source had it."""
    return _reading(elem, drop="corr")


def char_folder(table: dict[str, str]) -> Callable[[str], str]:
    """A function replacing each key character of ``table`` by its value (one character for
    one, so offsets stay valid); like ``str.translate`` but nearly free on text that has
    none of the characters, which is the common case."""
    assert all(len(k) == len(v) == 1 for k, v in table.items())
    pattern = re.compile("[" + "".join(map(re.escape, table)) + "]")
    replace = table.__getitem__

    def fold(text: str) -> str:
        return pattern.sub(lambda m: replace(m.group()), text)

    return fold


def ideographs(text: str) -> str:
    """Only the Chinese characters of ``text``."""
    return "".join(_IDEOGRAPH.findall(text))


def count_ideographs(text: str) -> int:
    """``len(ideographs(text))``, without building the string (runs, not characters)."""
    return sum(map(len, _IDEOGRAPHS.findall(text)))


def count_latin_letters(text: str) -> int:
    """How many of ``text``'s characters are A-Z or a-z."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_LATIN_LETTER))


def has_ideograph(text: str) -> bool:
    return _IDEOGRAPH.search(text) is not None


def fidelity_key(text: str) -> str:
    """The characters a faithful encoding must keep: ideographs, letters and digits.

    NFKC folds full-width digits and letters to ASCII; punctuation, spaces and layout
    symbols are ignored.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if ch.isalnum())
