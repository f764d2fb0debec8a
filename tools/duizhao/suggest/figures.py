"""The ``figures`` recommender: numeric figures with a best guess of what they measure.

Numbers come from :func:`duizhao.numbers.find_numbers` (value, scale, unit, qualifier,
ranges, ranks). **Not figures**: a number whose numeral lies inside a registered name
("5020"项目, 2020吉安智能制造产业峰会, 百亿企业 — the gazetteer's matches) or an
indicator's name (每百元营业收入中的成本) — a name that only covers the unit (百分点) does
not count; dates and periods (2020年, 1-9月, 10月29日, 十四五 — :mod:`.dates`; 2024/8/6);
ordinals that are not ranks (第9期, 第二批); class labels (千亿元产业, 亿元以上工业项目,
百亿龙头企业); 一批/一次, 三级; rhetorical counts (三个方面, 两个方向); counts of years that
are time phrases rather than statistics (近两年, 三年攻坚行动 — 连续8年 and 不超过五年
are kept); numbers without unit or scale (an Arabic amount with a scale, 合力泰200亿, is
money). Each figure then gets, from its context in the segment:

- **value**: negative after a word of decrease (下降, 微降, 降幅, 低于, 差欠, 减少, 下滑 …)
  unless a later word reverses it (降幅比一季度收窄12.4个百分点 is +12.4);
- **unit**: a count takes the unit of its indicator (enterprise, project, item …), else
  家 counts enterprises;
- **indicator**: the indicator name (``zh`` or ``variants`` of indicators.yaml) ending
  nearest before the number in its sentence, read as a subsequence with a few characters
  between (电子信息产业**实现**营业收入 is 电子信息产业营业收入); the longer name wins a tie;
- **measure**: ``rank`` (第N位, 前三), ``change`` (N个百分点, or an absolute change after
  同比/较), ``target`` (目标, 力争, 预计, 争取… in its clause), ``share`` (占…比重, 占比),
  ``growth_yoy`` (增长, 下降, 同比, 增幅… before a percentage; 环比 → ``growth``), else ``level``;
- **scope**: the nearest company, organisation or place named in its clause, else the
  subject of the sentence (全市/我市 → the document's city, 全省/我省 → its province,
  全国 → the country), else the document's own place (or its province, in a document that
  speaks of 全省 more than of 全市);
- **period**: the nearest period expression before it in the segment, resolved against
  the document's date (:class:`.dates.PeriodResolver`; comparison bases such as 比上年 are
  skipped); without one, the last period of the preceding segments (up to a heading),
  else the year in the document's title (an annual review), else none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..names import Matcher, NameMatch
from ..numbers import NumberMention, find_numbers
from ..project import Project
from ..tei import Document
from ..text import CJK_IDEOGRAPH
from .base import Proposal
from .dates import PeriodResolver, title_year, topic_year
from .lexicon import Lexicon

NAME = "figures"
SCOPE_TYPES = ("company", "org", "place")
_SENTENCE = re.compile(r"[。；;！？!?]")
_CLAUSE = re.compile(r"[，。；：,;:！？!?]")
_TARGET = re.compile(r"目标|力争|预计|争取|冲刺|计划|预期|确保")
_SHARE = re.compile(r"占[^，。；]*(?:比重|比例|的)$|占比|比重")
_GROWTH = re.compile(r"增长|下降|微降|增速|增幅|降幅|同比|比上年|回升|回落|下滑|提高|提升|减少|增加|上涨|翻")
_COMPARED = re.compile(r"同比|比上年|较|比去年|环比")
_DIRECTION = re.compile(r"(?P<down>下降|微降|降幅|降低|减少|下滑|回落|低于|差欠)|增长|提高|提升|加快|增加|上涨|回升|高于|高出|收窄|扩大")
_SUBJECTS = {"全市": "city", "我市": "city", "全省": "province", "我省": "province", "全国": "country"}
_SUBJECT_AT = re.compile(rf"^(?:其中|同时|另外|此外|今年|去年)?({'|'.join(_SUBJECTS)})")
_COUNTS = ("count", "enterprise", "project", "item", "person", "base_station")
_MONEY_UNITS = ("cny", "usd")
_NUMERALS = set("0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿")
_NO_GAP_IN = re.compile(r"[，。；,;！？!?]")
_INDICATOR_WINDOW = 40  # characters before a number searched for its indicator


@dataclass(frozen=True)
class Places:
    """The scope ids a document's subject words stand for."""

    city: str | None
    province: str | None
    country: str | None
    default: str | None


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    id: str


def _parent(lexicon: Lexicon, entity_id: str | None) -> str | None:
    entry = next((e for e in lexicon.entities if e.get("id") == entity_id), None)
    parent = entry.get("parent") if entry else None
    return parent if isinstance(parent, str) else None


def places(doc: Document, lexicon: Lexicon) -> Places:
    place = next((e for e in lexicon.entities_named(doc.place.get("zh", "")) if lexicon.entity_types.get(e) == "place"), None)
    province = _parent(lexicon, place)
    country = _parent(lexicon, province) or next(iter(lexicon.entities_named("中国")), None)
    said = [m.group(1) for seg in doc.segments for clause in _CLAUSE.split(seg.zh) if (m := _SUBJECT_AT.match(clause))]
    provincial = sum(_SUBJECTS[w] == "province" for w in said) > sum(_SUBJECTS[w] == "city" for w in said)
    return Places(place, province, country, (province or place) if provincial else place)


def gapped_match(window: str, form: str) -> tuple[int, int] | None:
    """``form`` in ``window`` as a subsequence with a few characters between (none for a
    name of two characters, two up to four, four beyond; never across punctuation),
    ending as late as possible; (start, end) or None."""
    max_gap = 0 if len(form) <= 2 else 2 if len(form) <= 4 else 4
    for end in range(len(window) - 1, len(form) - 2, -1):
        if window[end] != form[-1]:
            continue
        i, j = end, len(form) - 1
        while j >= 0 and i >= 0 and end - i <= len(form) - 1 + max_gap:
            if window[i] == form[j]:
                j -= 1
            i -= 1
        if j < 0 and not _NO_GAP_IN.search(window[i + 1:end + 1]):
            return i + 1, end + 1
    return None


class FiguresRecommender:
    name = NAME

    def __init__(self, lexicon: Lexicon, indicators: list[dict[str, Any]]):
        self.lexicon = lexicon
        forms: list[tuple[str, str]] = []  # (form, indicator id)
        self.default_unit: dict[str, str] = {}
        for ind in indicators:
            if not isinstance(ind.get("id"), str):
                continue
            self.default_unit[ind["id"]] = str(ind.get("unit") or "")
            variants = ind.get("variants") if isinstance(ind.get("variants"), list) else []
            forms += [(f, ind["id"]) for f in (ind.get("zh"), *variants) if isinstance(f, str) and f]
        self._form_chars = [(form, ind, frozenset(form)) for form, ind in forms]
        exact: dict[str, list[tuple[str, str]]] = {}
        for form, ind in forms:
            exact.setdefault(form, []).append(("indicator", ind))
        self.exact = Matcher(exact)  # indicator names written out: their digits are no figures

    def propose(self, doc: Document) -> list[Proposal]:
        year = title_year(doc.titles)  # an annual review: its figures are that year's
        resolver = PeriodResolver(doc.date, topic_year(doc.date, doc.titles), str(year) if year else None)
        where = places(doc, self.lexicon)
        out = []
        for seg in doc.segments:
            text = seg.zh
            names = self.lexicon.longest_leftmost(text)
            named = [*names, *self.exact.find(text)]
            dates = resolver.expressions(text)
            for number in find_numbers(text):
                if not is_figure(number, text, named, dates):
                    continue
                indicator = self.indicator_before(text, number.start)
                unit = self._unit(number, indicator.id if indicator else None)
                if unit is None:
                    continue
                out.append(Proposal.make(
                    "figure", seg.id, number.start, number.end,
                    value=signed(text, number), value_max=number.value_max, unit=unit, scale=number.scale,
                    qualifier=number.qualifier, indicator=indicator.id if indicator else None,
                    measure=measure(text, number, unit, indicator), scope=self._scope(text, number, names, where),
                    period=resolver.before(text, number.start),
                ))
            resolver.advance(text, reset=seg.kind == "head")
        return out


    def indicator_before(self, text: str, offset: int) -> Span | None:
        """The indicator named nearest before ``offset`` in its sentence (see the module doc)."""
        start = max(_start_of(text, offset, _SENTENCE), offset - _INDICATOR_WINDOW)
        window = text[start:offset]
        best: tuple[int, int, Span] | None = None
        present = set(window)
        for form, ind, chars in self._form_chars:
            if not chars <= present:
                continue
            found = gapped_match(window, form)
            if found and (best is None or (found[1], len(form)) > best[:2]):
                best = (found[1], len(form), Span(start + found[0], start + found[1], ind))
        return best[2] if best else None

    def _unit(self, number: NumberMention, indicator: str | None) -> str | None:
        """The number's unit, refined by its indicator; implied money for 合力泰200亿, 突破千亿
        (a bare 百亿/千亿 is a class label, 百亿龙头企业, and has none)."""
        default = self.default_unit.get(indicator or "")
        if number.unit == "count":
            if default in _COUNTS:
                return default
            return "enterprise" if number.text.endswith("家") else "count"
        if number.unit == "cny" and default == "yuan_per_100_yuan":
            return default
        if number.unit is not None:
            return number.unit
        if number.scale == 1 or (not number.text[:1].isdigit() and number.qualifier == "exact"):
            return None
        return default if default in _MONEY_UNITS else "cny"

    def _scope(self, text: str, number: NumberMention, names: list[NameMatch], where: Places) -> str | None:
        clause_start = _start_of(text, number.start, _CLAUSE)
        for match in reversed(names):
            listed = "、" in (text[match.start - 1:match.start], text[match.end:match.end + 1]) or text[match.end:match.end + 1] == "等"
            if listed and number.unit in _COUNTS:
                continue  # 合力泰、立讯智造、木林森3家: the companies are counted, not the scope
            if clause_start <= match.start and match.end <= number.start:
                ids = [rid for kind, rid in match.refs if kind == "entity" and self.lexicon.entity_types.get(rid) in SCOPE_TYPES]
                if ids:
                    return ids[0]
        sentence_start = _start_of(text, number.start, _SENTENCE)
        for clause in reversed(_CLAUSE.split(text[sentence_start:number.start])):
            m = _SUBJECT_AT.match(clause)
            if m and getattr(where, _SUBJECTS[m.group(1)]):
                return getattr(where, _SUBJECTS[m.group(1)])
        return where.default


def is_figure(number: NumberMention, text: str, named: list, dates: list) -> bool:
    """Whether a number is a figure (see the module doc for what is not)."""
    core = number.start + next((i for i, ch in enumerate(number.text) if ch in _NUMERALS), 0)
    if any(span.start <= core < span.end for span in named):
        return False
    if any(span.start < number.end and number.start < span.end for span in dates):
        return False
    if number.text.startswith("第") and number.unit != "rank":
        return False  # 第9期, 第二批: ordinals, not figures
    chinese = not any(ch.isdigit() for ch in number.text)
    if chinese and number.unit == "count" and (number.text[:1] == "一" and len(number.text) == 2 or number.text.endswith("级")):
        return False  # 一批, 一次, 三级: rarely a figure
    after = text[number.end:number.end + 2]
    if number.unit == "count" and after in ("方面", "方向", "层面", "环节"):
        return False  # 三个方面: the structure of a speech
    if number.unit in ("year", "month", "day") and ("/" in text[number.start - 1:number.end + 1] or number.value >= 1000):
        return False  # 2024/8/6, 2035: a date
    if number.unit == "year" and number.qualifier in ("exact", "approx") and not (
            text[number.start - 2:number.start] == "连续" or after in ("翻番", "有效")):
        return False  # 近两年, 三年攻坚行动, 三年一度: a time phrase, not a statistic
    if chinese and number.scale >= 1e8 and re.match(f"[{CJK_IDEOGRAPH}]", text[number.end:number.end + 1]) and number.text[:1] in "一二两三四五六七八九十百千万亿":
        return False  # 千亿元产业, 亿元以上工业项目: a class of things, not an amount
    return text[number.start - 1:number.start] != "每"  # 每百元: a unit of measure


def signed(text: str, number: NumberMention) -> float:
    """The value, negative when its clause last says it went down (下降3.4% → -3.4)."""
    clause = text[_start_of(text, number.start, _CLAUSE):number.start]
    words = list(_DIRECTION.finditer(clause))
    if number.value > 0 and words and words[-1].group("down"):
        return -number.value
    return number.value


def _start_of(text: str, offset: int, boundary: re.Pattern) -> int:
    """Where the sentence or clause around ``offset`` begins."""
    last = None
    for last in boundary.finditer(text, 0, offset):
        pass
    return last.end() if last else 0


def measure(text: str, number: NumberMention, unit: str, indicator: Span | None = None) -> str:
    """What kind of figure ``number`` is, from its unit and the words of its clause (after
    the indicator's name, if that is in the clause: 经济增长的贡献率达64.7% is a level)."""
    start = _start_of(text, number.start, _CLAUSE)
    whole = text[start:number.start]
    if indicator is not None and indicator.end > start:
        start = indicator.end
    clause = text[start:number.start].replace("增加值", "")
    if unit == "rank":
        return "rank"
    if unit == "percentage_point":
        return "change"
    if _TARGET.search(clause):
        return "target"
    if unit == "percent" and _SHARE.search(whole):
        return "share"
    if _GROWTH.search(clause):
        if unit == "percent":
            return "growth" if "环比" in clause else "growth_yoy"
        if _COMPARED.search(clause):
            return "change"
    return "level"


def build(project: Project, lexicon: Lexicon | None = None, **_: object) -> FiguresRecommender:
    return FiguresRecommender(lexicon or Lexicon.of(project), project.registry("indicators"))
