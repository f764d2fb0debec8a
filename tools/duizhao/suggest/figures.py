"""The ``figures`` recommender: numeric figures with a best guess of what they measure.

Numbers come from :func:`duizhao.numbers.find_numbers` (value, scale, unit, qualifier,
ranges, ranks). Not figures: numbers inside a registered name ("5020"项目, 5G,
2020吉安智能制造产业峰会 — the gazetteer's matches), dates and periods (2020年, 1-9月,
10月29日, 十四五 — :mod:`.dates`), ordinals that are not ranks (第9期, 第二批) and bare
numbers without unit or scale. Each figure then gets, from its context in the segment:

- **indicator**: the nearest indicator name (``zh`` or ``variants`` of indicators.yaml)
  before it in the same sentence (sentences end at 。；);
- **measure**: ``rank`` (第N位, 前三), ``change`` (N个百分点, or an absolute change after
  同比/较), ``target`` (目标, 力争, 预计, 争取… in its clause), ``share`` (占…比重, 占比),
  ``growth_yoy`` (增长, 下降, 同比, 增幅… before a percentage; 环比 → ``growth``), else ``level``;
- **scope**: the nearest company, organisation or place named in its clause, else the
  subject of the sentence (全市/我市 → the document's city, 全省/我省 → its province,
  全国 → the country), else the document's own place (or its province, in a document that
  speaks of 全省 more than of 全市);
- **period**: the nearest period expression before it in the segment, resolved against
  the document's date (:class:`.dates.PeriodResolver`).
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
_SUBJECTS = {"全市": "city", "我市": "city", "全省": "province", "我省": "province", "全国": "country"}
_SUBJECT_AT = re.compile(rf"^(?:其中|同时|另外|此外|今年|去年)?({'|'.join(_SUBJECTS)})")
_COUNTS = ("count", "enterprise", "project", "item", "person")
_MONEY_UNITS = ("cny", "usd")


@dataclass(frozen=True)
class Places:
    """The scope ids a document's subject words stand for."""

    city: str | None
    province: str | None
    country: str | None
    default: str | None


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


class FiguresRecommender:
    name = NAME

    def __init__(self, lexicon: Lexicon, indicators: list[dict[str, Any]]):
        self.lexicon = lexicon
        forms: dict[str, list[tuple[str, str]]] = {}
        self.default_unit: dict[str, str] = {}
        for ind in indicators:
            if not isinstance(ind.get("id"), str):
                continue
            self.default_unit[ind["id"]] = str(ind.get("unit") or "")
            variants = ind.get("variants") if isinstance(ind.get("variants"), list) else []
            for form in (ind.get("zh"), *variants):
                if isinstance(form, str) and form:
                    forms.setdefault(form, []).append(("indicator", ind["id"]))
        self.indicators = Matcher(forms)

    def propose(self, doc: Document) -> list[Proposal]:
        year = title_year(doc.titles)  # an annual review: its figures are that year's
        resolver = PeriodResolver(doc.date, topic_year(doc.date, doc.titles), str(year) if year else None)
        where = places(doc, self.lexicon)
        out = []
        for seg in doc.segments:
            text = seg.zh
            names = self.lexicon.longest_leftmost(text)
            dates = resolver.expressions(text)
            indicators = self.indicators.find(text)
            for number in find_numbers(text):
                if not _is_figure(number, text, [*names, *dates, *indicators]):
                    continue
                indicator = _nearest_before(indicators, text, number.start, _SENTENCE)
                indicator_id = indicator.refs[0][1] if indicator else None
                unit = number.unit or self._implied_unit(number, indicator_id)
                if unit is None:
                    continue
                out.append(Proposal.make(
                    "figure", seg.id, number.start, number.end,
                    value=number.value, value_max=number.value_max, unit=unit, scale=number.scale,
                    qualifier=number.qualifier, indicator=indicator_id,
                    measure=measure(text, number, unit, indicator), scope=self._scope(text, number, names, where),
                    period=resolver.before(text, number.start),
                ))
        return out

    def _implied_unit(self, number: NumberMention, indicator: str | None) -> str | None:
        """合力泰200亿, 突破千亿: an amount with a scale but no unit is money (the indicator's
        currency, else yuan); a bare 百亿/千亿 is a class label (百亿龙头企业), not a figure."""
        if number.scale == 1 or (not number.text[:1].isdigit() and number.qualifier == "exact"):
            return None
        unit = self.default_unit.get(indicator or "")
        return unit if unit in _MONEY_UNITS else "cny"

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
        clauses = _CLAUSE.split(text[sentence_start:number.start])
        for clause in reversed(clauses):
            m = _SUBJECT_AT.match(clause)
            if m and getattr(where, _SUBJECTS[m.group(1)]):
                return getattr(where, _SUBJECTS[m.group(1)])
        return where.default


def _is_figure(number: NumberMention, text: str, taken: list) -> bool:
    """Not inside a name, a date or an indicator name; not an ordinal, 一批 or 每百元."""
    if any(span.start < number.end and number.start < span.end for span in taken):
        return False
    if number.text.startswith("第") and number.unit != "rank":
        return False  # 第9期, 第二批: ordinals, not figures
    chinese = not any(ch.isdigit() for ch in number.text)
    if chinese and number.unit == "count" and (number.text[:1] == "一" and len(number.text) == 2 or number.text[-1:] in "大级"):
        return False  # 一批, 一次; 五大, 三级: a "one", a "big N" or a "level N" is rarely a figure
    if number.start > 0 and text[number.start - 1] in "“‘\"":
        return False  # “五个突破”, “四个一批”: a numbered slogan
    if number.unit in ("year", "month", "day") and ("/" in text[number.start - 1:number.end + 1] or number.value >= 1000):
        return False  # 2024/8/6, 2035: a date
    if chinese and number.scale >= 1e8 and re.match(f"[{CJK_IDEOGRAPH}]", text[number.end:number.end + 1]) and number.text[:1] in "一二两三四五六七八九十百千万亿":
        return False  # 千亿元产业, 亿元以上工业项目: a class of things, not an amount
    return text[number.start - 1:number.start] != "每"  # 每百元: a unit of measure


def _start_of(text: str, offset: int, boundary: re.Pattern) -> int:
    """Where the sentence or clause around ``offset`` begins."""
    last = None
    for last in boundary.finditer(text, 0, offset):
        pass
    return last.end() if last else 0


def _nearest_before(matches: list[NameMatch], text: str, offset: int, boundary: re.Pattern) -> NameMatch | None:
    start = _start_of(text, offset, boundary)
    before = [m for m in matches if start <= m.start and m.end <= offset]
    return before[-1] if before else None


def measure(text: str, number: NumberMention, unit: str, indicator: NameMatch | None = None) -> str:
    """What kind of figure ``number`` is, from its unit and the words of its clause (after
    the indicator's name, if that is in the clause: 经济增长的贡献率达64.7% is a level)."""
    start = _start_of(text, number.start, _CLAUSE)
    if indicator is not None and indicator.end > start:
        start = indicator.end
    clause = text[start:number.start].replace("增加值", "")
    if unit == "rank":
        return "rank"
    if unit == "percentage_point":
        return "change"
    if _TARGET.search(clause):
        return "target"
    if unit == "percent" and _SHARE.search(clause):
        return "share"
    if _GROWTH.search(clause):
        if unit == "percent":
            return "growth" if "环比" in clause else "growth_yoy"
        if _COMPARED.search(clause):
            return "change"
    return "level"


def build(project: Project, lexicon: Lexicon | None = None, **_: object) -> FiguresRecommender:
    return FiguresRecommender(lexicon or Lexicon.of(project), project.registry("indicators"))
