"""Chinese period expressions resolved to ISO 8601 dates and intervals.

``1-9月`` → ``2020-01/2020-09``, ``前三季度`` → ``2020-01/2020-09``, ``上半年`` →
``2020-01/2020-06``, ``一季度`` → ``2020-01/2020-03``, ``全年``/``年内``/``今年`` → ``2020``,
``去年``/``上年`` → ``2019``, ``2019年以来`` → ``2019/2020-11-09``, ``十三五期间`` →
``2016/2020``, ``十三五以来`` → ``2016/2020-11``, ``截至9月底`` → ``2020-09``, ``2020年底`` →
``2020-12``, ``截至2020年`` → ``2020``, ``目前`` → ``2020-11`` … (the annotation guideline: a
stock at the end of a month is that month; 目前 is the document's month) where the bare year
comes from the document: the year in its title (an annual review dated the next January is
about the year of its title), else the year of its date. A month range that ends after the
document's month is last year's (a report cannot have those data yet).

Only the text and the document's date are read, never today's date: in a document without
a date, 以来 and 目前 resolve to nothing and a bare 1-9月 only through the year of its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..tei import Document
from ..text import TEI_NS

_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12, "两": 2}
_FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

_NUM = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九两])"
_YEAR = r"(?:(?P<year>(?:19|20)\d{2})年|(?P<rel>今年|本年|去年|上年|明年))"
_EXPRESSION = re.compile(
    r"(?=[\d一二三四五六七八九十两今本去上下明全前第“\"截到目现当年近])"  # where an expression can start
    rf"(?P<y1>(?:19|20)\d{{2}})年?[-—–~至到](?P<y2>(?:19|20)\d{{2}})年度?"  # 2019—2021年度
    rf"|近(?P<recent>{_NUM})年"  # 近三年: the three years before the document's
    rf"|(?P<until>截[至止](?:到)?|到)?{_YEAR}?(?:"
    rf"(?P<m1>{_NUM})[-—–~至到](?P<m2>{_NUM})月(?:份)?"
    rf"|前三季度(?P<q3>)|前(?P<first>{_NUM})个月"
    rf"|(?:第)?(?P<q>[一二三四1-4])季度"
    rf"|(?P<half>上|下)半年"
    rf"|(?P<whole>全年|年内)"
    rf"|(?P<month>{_NUM})月(?:(?P<day>\d{{1,2}})日|(?P<eom>底|末)|份)?"
    rf"|(?P<plan>[“\"]?(?:十[一二三四五]五)[”\"]?)(?P<plan_tail>期间|时期|以来|末)?"
    rf"|(?P<now>目前|现在|当前)"
    rf")?(?P<since>以来|来)?(?P<ye>底|末)?"
)


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SENTENCE_END = re.compile(r"[。；;！？!?]")


_BASE_MARKS = ("比", "较", "于")  # the character before a comparison basis


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    period: str | None  # None: a year the text names that cannot be resolved without the document's date
    local: bool = False  # 2020年以来…: holds for its own sentence only
    base: bool = False  # 比上年, 较一季度: a comparison basis, not the figure's period


def document_date(doc: Document) -> str | None:
    """The document's date as precisely as its header knows it: ``@when``, else what ``@notBefore``
    and ``@notAfter`` share (2019-12-01…2019-12-31 → 2019-12; 2023-01-01…2023-03-31 → 2023)."""
    found = doc.root.xpath("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:date", namespaces={"t": TEI_NS})
    if not found:
        return None
    when, low, high = (found[0].get(a) or "" for a in ("when", "notBefore", "notAfter"))
    if when:
        return when[:10]
    return next((low[:n] for n in (10, 7, 4) if low[:n] and low[:n] == high[:n]), None)


def last_year_over(when: str | None) -> int | None:
    """The last calendar year that is over at the document's date (2021-05-25 → 2020)."""
    if not when or not when[:4].isdigit():
        return None
    return int(when[:4]) if when[5:10] == "12-31" else int(when[:4]) - 1


def title_year(titles: dict[str, str] | None) -> int | None:
    """The year a title names (2022年宜春市…综述), if any."""
    for title in (titles or {}).values():
        m = re.search(r"((?:19|20)\d{2})年", title or "")
        if m:
            return int(m.group(1))
    return None


def topic_year(doc_date: str | None, titles: dict[str, str] | None = None) -> int | None:
    """The year a document's bare 今年/全年/1-9月 refer to: its title's, else its date's."""
    year = title_year(titles)
    if year is None and doc_date and doc_date[:4].isdigit():
        year = int(doc_date[:4])
    return year


def _num(text: str) -> int:
    return int(text) if text.isdigit() else _CN_DIGIT[text]


def _span(year: int, first: int, last: int) -> str:
    return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}" if first != last else f"{year:04d}-{first:02d}"


class PeriodResolver:
    """Resolves period expressions for one document."""

    def __init__(self, doc_date: str | None, year: int | None = None, default: str | None = None):
        m = _ISO.match(doc_date or "")
        self.when = m.group(0) if m else None  # the document's date, as precise as its header says
        self.doc_year, self.doc_month = (int(m[1]), int(m[2]) if m[2] else None) if m else (None, None)
        self.year = year or self.doc_year
        self.default = default  # the period of a figure with no expression before it
        self.carried: str | None = None  # the last period of the preceding segments
        self._last: tuple[str, list[Found]] | None = None  # the expressions of the last text read

    def expressions(self, text: str) -> list[Found]:
        """Every period expression in ``text``, resolved, in order (comparison bases too)."""
        if self._last is None or self._last[0] != text:
            self._last = (text, self._expressions(text))
        return self._last[1]

    def _expressions(self, text: str) -> list[Found]:
        out = []
        for m in _EXPRESSION.finditer(text):
            if m.end() > m.start():
                period = self._resolve(m)
                if period or m["year"] or m["rel"]:  # 2023年以来 in an undated document: named, but unknown
                    out.append(Found(m.start(), m.end(), period, local=bool(m["since"] or m["plan_tail"] == "以来"),
                                     base=text[max(0, m.start() - 1):m.start()] in _BASE_MARKS))
        return out

    def before(self, text: str, offset: int) -> str | None:
        """The period of a figure at ``offset``: the nearest expression before it, skipping
        comparison bases (比上年, 比一季度) and, outside their sentence, 以来 expressions;
        else the period the preceding segments left off with (see :meth:`advance`), else
        the default."""
        sentence = max((m.end() for m in _SENTENCE_END.finditer(text, 0, offset)), default=0)
        for found in reversed([f for f in self.expressions(text) if f.end <= offset]):
            if found.base or found.local and found.start < sentence:
                continue
            return found.period
        return self.carried or self.default

    def advance(self, text: str, reset: bool = False) -> None:
        """Move past a segment: its last period carries over to the next segments (an
        interview answer giving 1-4月 figures over several paragraphs); ``reset`` at a heading."""
        if reset:
            self.carried = None
        periods = [f for f in self.expressions(text) if f.period and not (f.local or f.base)]
        if periods:
            self.carried = periods[-1].period

    # -- one expression ------------------------------------------------------------
    def _year(self, m: re.Match, last_month: int | None = None, complete: bool = True) -> int | None:
        """The year of ``m``; ``last_month`` of data that must be over (``complete``) or begun."""
        if m["year"]:
            return int(m["year"])
        if self.year is None:
            return None
        if m["rel"]:
            return self.year + {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1}[m["rel"]]
        if last_month and self.doc_month and self.year == self.doc_year and (
                last_month >= self.doc_month if complete else last_month > self.doc_month):
            return self.year - 1  # 1-11月 in a report of 2019-12-01 is 2019; in one of 2021-05-25, 2020
        return self.year

    def _resolve(self, m: re.Match) -> str | None:  # noqa: C901 - one branch per expression kind
        doc_month = self.when[:7] if self.when and len(self.when) >= 7 else None
        if m["y1"]:
            return f"{m['y1']}/{m['y2']}" if m["y1"] < m["y2"] else None
        if m["recent"]:
            return f"{self.year - _num(m['recent'])}/{self.year - 1}" if self.year else None
        if m["plan"]:
            begin = _FIVE_YEAR_PLANS[m["plan"].strip("“”\"")]
            if m["plan_tail"] == "以来" or m["since"]:
                return f"{begin}/{doc_month}" if doc_month else None
            return f"{begin + 4}" if m["plan_tail"] == "末" else f"{begin}/{begin + 4}"
        if m["now"]:
            return doc_month
        if m["m1"]:
            first, last = _num(m["m1"]), _num(m["m2"])
            year = self._year(m, last)
            return _span(year, first, last) if year and 1 <= first <= last <= 12 else None
        if m["q3"] is not None or m["first"]:
            last = 9 if m["q3"] is not None else _num(m["first"])
            year = self._year(m, last)
            return _span(year, 1, last) if year and last <= 12 else None
        if m["q"]:
            q = _num(m["q"])
            year = self._year(m, 3 * q)
            return _span(year, 3 * q - 2, 3 * q) if year else None
        if m["half"]:
            year = self._year(m)
            return None if not year else _span(year, 1, 6) if m["half"] == "上" else _span(year, 7, 12)
        if m["month"]:
            month = _num(m["month"])
            year = self._year(m, month, complete=bool(m["eom"] or m["until"]))
            if not year or not 1 <= month <= 12:
                return None
            if m["day"]:
                return f"{year:04d}-{month:02d}-{int(m['day']):02d}"
            return f"{year:04d}-{month:02d}"
        year = self._year(m) if (m["year"] or m["rel"] or m["whole"]) else None
        if not year:
            return None
        if m["since"]:
            return f"{year}/{self.when}" if self.when else None
        if m["ye"] or (m["until"] or "").startswith("截"):
            return f"{year}-12"  # 2020年底, 截至2020年: a stock at the end of the year
        return f"{year}"
