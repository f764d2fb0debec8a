"""T003 chinese-in-translation — Chinese characters left in the English.

**What it does.** Reports Chinese ideographs and Chinese punctuation (，。、：；（）《》【】
and other full-width forms) in the English translation `<ab>`s and in the header's
English fields (`xml:lang="en"` titles, publisher, place, speakers, abstract…; not the
encoding notes, which may quote the source). Curly quotes, dashes and the middle dot are
English typography and are allowed.

**Why.** Untranslated words and Chinese punctuation are invisible to English readers
and search, and usually mark a sentence the translator meant to come back to.

**Bad.** `<ab corresp="#s003" …>The city implemented the 链长制，…</ab>`

**Good.** `<ab corresp="#s003" …>The city implemented the industrial chain chief system, …</ab>`
"""

import re

from lxml import etree

from ...tei import NS
from ...text import CJK_IDEOGRAPH, plain_text
from ..finding import Problem, Severity

CODE = "T003"
SLUG = "chinese-in-translation"
SEVERITY = Severity.ERROR
TARGET = "tei"

CHINESE = re.compile(f"[{CJK_IDEOGRAPH}\u3000-\u303f\uff00-\uffef]+")


# English renditions in the header; encoding notes (encodingDesc, note) may quote the source.
_HEADER_ENGLISH = ("tei:teiHeader//*[@xml:lang='en'][not(ancestor-or-self::tei:encodingDesc)]"
                   "[not(ancestor-or-self::tei:note)][not(ancestor::*[@xml:lang='en'])]")


def _english_elements(root):
    yield from root.xpath("tei:text[@type='translation']/tei:body/tei:ab", namespaces=NS)
    yield from root.xpath(_HEADER_ENGLISH, namespaces=NS)


def check(item, project):
    if item.doc is None:
        return
    for el in _english_elements(item.doc.root):
        if not CHINESE.search("".join(el.itertext())):
            continue  # the plain text is made of these characters (and spaces): none there either
        found = list(dict.fromkeys(CHINESE.findall(plain_text(el, "en"))))
        if found:
            target = el.get("corresp", "").lstrip("#")
            where = f"translation of {target}" if target else f"English <{etree.QName(el).localname}>"
            shown = ", ".join(repr(s) for s in found[:5]) + (" …" if len(found) > 5 else "")
            yield Problem(el.sourceline or 1, 1, f"Chinese left in the {where}: {shown}")
