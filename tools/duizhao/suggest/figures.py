"""The ``figures`` recommender: numeric figures coded as the annotation guideline says.

Numbers come from :func:`duizhao.numbers.find_numbers` (value, scale, unit, qualifier,
ranges, ranks). **Not figures**: a number whose numeral lies inside a registered name
("5020"项目, 2020吉安智能制造产业峰会, 百亿企业 — the gazetteer's matches) or an
indicator's name (每百元营业收入中的成本) — a name that only covers the unit (百分点) does
not count, and an amount written with its unit that bounds a class (亿元以上项目, a term) is a
threshold figure; dates and periods (2020年, 1-9月, 10月29日, 十四五 — :mod:`.dates`; 2024/8/6);
ordinals that are not ranks (第9期, 第二批); class words without their unit (千亿产业,
百亿龙头企业); 一批/一次, 三级; rhetorical counts (三个方面, 两个方向); counts of years that
are time phrases rather than statistics (近两年, 三年攻坚行动 — 连续8年 and 不超过五年
are kept); numbers without unit or scale (an Arabic amount with a scale, 合力泰200亿, is
money). Each figure then gets, from its context in the segment:

- **unit**: a count takes the unit of its indicator (enterprise, project, item …), else
  家 counts enterprises;
- **indicator**: the indicator name (``zh`` or ``variants`` of indicators.yaml) ending
  nearest before the number in its sentence, read as a subsequence with a few characters
  between (电子信息产业**实现**营业收入 is 电子信息产业营业收入); the longer name wins a tie;
  in a 分别 list the n-th name's (with the tail the names share: 战略性新兴产业、…装备制造业增加值);
- **value** (signed), **qualifier**, **measure**, **modality**, **rank_of**, **per**,
  **benchmark**: the guideline's cue words, read by :mod:`.figures_context`;
- **scope**: the nearest company, organisation or place named in its clause, else the
  subject of the sentence (全市/我市 → the document's city, 全省/我省 → its province,
  全国 → the country), else the document's own place (or its province, in a document that
  speaks of 全省 more than of 全市);
- **period**: the nearest period expression before it in the segment, resolved against
  the document's date (:class:`.dates.PeriodResolver`; comparison bases such as 比上年 are
  skipped); without one, the last period of the preceding segments (up to a heading),
  else the year in the document's title (an annual review), else none — never today's
  date. A list of numbers after a list of years takes them in order (2014年、2021年跃上3万亿元、
  4万亿元的台阶); a streak covers its span (连续八年 to 2019: 2012/2019).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..figures import cues
from ..names import Matcher, NameMatch
from ..numbers import NumberMention, find_numbers
from ..project import Project
from ..registries import Indicator, records_of, registries
from ..tei import Document
from ..text import CJK_IDEOGRAPH
from .base import Proposal
from .dates import PeriodResolver, document_date, last_year_over, title_year, topic_year
from .figures_context import COUNTS, Around, Seen, read
from .figures_lists import listed_years, lists, respective_names, streak
from .lexicon import Lexicon

NAME = "figures"
SCOPE_TYPES = ("company", "org", "place")
_SUBJECTS = {"全市": "city", "我市": "city", "全省": "province", "我省": "province", "全国": "country"}
_SUBJECT_AT = re.compile(rf"^(?:其中|同时|另外|此外|今年|去年)?({'|'.join(_SUBJECTS)})")
_MONEY_UNITS = ("cny", "usd")
_NUMERALS = set("0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万亿")
_NO_GAP_IN = re.compile(r"[，。；,;！？!?]")
_INDICATOR_WINDOW = 40  # characters before a number searched for its indicator
_RANK_DOMAIN = 2  # a place at most this far before a rank (列/居/位列) is where it ranks
_RANKED_IN = re.compile(rf"({'|'.join(_SUBJECTS)})[^，。；、\d]{{0,4}}$")  # 列全省第2位, 居全国行业前十


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
    entity = next((e for e in lexicon.entities if e.id == entity_id), None)
    return entity.parent if entity else None


def places(doc: Document, lexicon: Lexicon) -> Places:
    place = next((e for e in lexicon.entities_named(doc.place.get("zh", "")) if lexicon.entity_types.get(e) == "place"), None)
    province = _parent(lexicon, place)
    country = _parent(lexicon, province) or next(iter(lexicon.entities_named("中国")), None)
    said = [m.group(1) for seg in doc.segments for clause in cues.CLAUSE_END.split(seg.zh) if (m := _SUBJECT_AT.match(clause))]
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

    def __init__(self, lexicon: Lexicon, indicators: Iterable[Indicator | dict[str, Any]]):
        self.lexicon = lexicon
        forms: list[tuple[str, str]] = []  # (form, indicator id)
        self.default_unit: dict[str, str] = {}
        for ind in records_of("indicators", indicators):
            if ind.id is None:
                continue
            self.default_unit[ind.id] = ind.unit or ""
            forms += [(f, ind.id) for f in ind.forms]
        self._form_chars = [(form, ind, frozenset(form)) for form, ind in forms]
        self.increases = {ind for form, ind in forms if "新增" in form or "净增" in form}  # flows of new things
        exact: dict[str, list[tuple[str, str]]] = {}
        for form, ind in forms:
            exact.setdefault(form, []).append(("indicator", ind))
        self.exact = Matcher(exact)  # indicator names written out: their digits are no figures

    def propose(self, doc: Document) -> list[Proposal]:
        year, when = title_year(doc.titles), document_date(doc)  # an annual review: its figures are its title's year
        resolver = PeriodResolver(when, topic_year(when, doc.titles), str(year) if year else None)
        where = places(doc, self.lexicon)
        out = []
        for seg in doc.segments:
            out += self._segment(seg.id, seg.zh, resolver, where, last_year_over(when))
            resolver.advance(seg.zh, reset=seg.kind == "head")
        return out

    def _segment(self, seg_id: str, text: str, resolver: PeriodResolver, where: Places,
                 year_over: int | None) -> list[Proposal]:
        names = self.lexicon.longest_leftmost(text)
        named = [*names, *self.exact.find(text)]
        dates = resolver.expressions(text)
        numbers = find_numbers(text)
        listed = lists(text, numbers)
        out: list[Proposal] = []
        previous: list[Seen] = []
        for i, number in enumerate(numbers):
            if not is_figure(number, text, named, dates):
                continue
            nearest = self.indicator_before(text, number.start)
            position, length, first = listed.get(i, (0, 1, number.start))
            respective = respective_names(text, first) if length > 1 else None
            indicator = (self.listed_indicator(respective, position) if respective and len(respective) == length
                         else None) or nearest
            unit = self._unit(number, indicator.id if indicator else None)
            if unit is None:
                continue
            around = Around(text, number, unit, nearest.end if nearest else None,
                            tuple((n.start, n.end) for n in names), tuple(n.start for n in numbers),
                            numbers[i + 1] if i + 1 < len(numbers) else None, tuple(previous),
                            counts_increases=bool(indicator and indicator.id in self.increases))
            reading = read(around)
            period = resolver.before(text, number.start)
            years = listed_years(text, first, length) if length > 1 else None
            period = years[position] if years else streak(around, period, year_over) or period
            negated = reading.value != number.value
            out.append(Proposal.make(
                "figure", seg_id, number.start, number.end, value=reading.value,
                value_max=-number.value_max if negated and number.value_max else number.value_max,
                unit=unit, scale=number.scale, qualifier=reading.qualifier, indicator=indicator.id if indicator else None,
                measure=reading.measure, modality=reading.modality, rank_of=reading.rank_of, per=reading.per,
                benchmark=reading.benchmark, scope=self._scope(text, number, names, where), period=period,
                rank_among=self.rank_among(text, number, names, where) if reading.measure == "rank" else None,
            ))
            previous.append(Seen(number.start, number.end, reading.measure, unit))
        return out

    def indicator_before(self, text: str, offset: int) -> Span | None:
        """The indicator named nearest before ``offset`` in its sentence (see the module doc)."""
        start = max(_start_of(text, offset, cues.SENTENCE_END), offset - _INDICATOR_WINDOW)
        return self._nearest(text[start:offset], start)

    def listed_indicator(self, names: list[str], position: int) -> Span | None:
        """The indicator of the ``position``-th name of a 分别 list, completed by any tail of
        the last name (高新技术产业 + 增加值 of 装备制造业增加值); the longest indicator name wins."""
        name, last = names[position], names[-1]
        tails = [""] if position == len(names) - 1 else [last[cut:] for cut in range(len(last), -1, -1)]
        best: Span | None = None
        for tail in tails:
            found = self._nearest(name + tail, 0, starts_before=len(name))
            if found and (best is None or found.end - found.start > best.end - best.start):
                best = found
        return best

    def _nearest(self, window: str, base: int, starts_before: int | None = None) -> Span | None:
        """The indicator whose name ends latest in ``window`` (offsets plus ``base``)."""
        best: tuple[int, int, Span] | None = None
        present = set(window)
        for form, ind, chars in self._form_chars:
            if not chars <= present:
                continue
            found = gapped_match(window, form)
            if found and (starts_before is None or found[0] < starts_before) and (best is None or (found[1], len(form)) > best[:2]):
                best = (found[1], len(form), Span(base + found[0], base + found[1], ind))
        return best[2] if best else None

    def _unit(self, number: NumberMention, indicator: str | None) -> str | None:
        """The number's unit, refined by its indicator; implied money for 合力泰200亿, 突破千亿
        (a bare 百亿/千亿 is a class label, 百亿龙头企业, and has none)."""
        default = self.default_unit.get(indicator or "")
        if number.unit == "count":
            if default in COUNTS:
                return default
            return "enterprise" if number.text.endswith("家") else "count"
        if number.unit == "cny" and default == "yuan_per_100_yuan":
            return default
        if number.unit is not None:
            return number.unit
        if "/" in number.text or "分之" in number.text:
            return "ratio"  # 2/3, 三分之二
        if number.scale == 1 or (not number.text[:1].isdigit() and number.qualifier == "exact"):
            return None
        return default if default in _MONEY_UNITS else "cny"

    def rank_among(self, text: str, number: NumberMention, names: list[NameMatch], where: Places) -> str | None:
        """Among whom a rank is taken: the place named just before it (总量列江西省第一, 在中部地区位列18位),
        else 全省/全国/全市 just before it (列全省第2位, 全国30强), as an entity id; None if neither."""
        for match in reversed(names):
            if match.end <= number.start and number.start - match.end <= _RANK_DOMAIN:
                ids = [rid for kind, rid in match.refs if kind == "entity" and self.lexicon.entity_types.get(rid) == "place"]
                if ids:
                    return ids[0]
        m = _RANKED_IN.search(text, max(0, number.start - 8), number.start)
        return getattr(where, _SUBJECTS[m.group(1)]) if m else None

    def _scope(self, text: str, number: NumberMention, names: list[NameMatch], where: Places) -> str | None:
        clause_start = _start_of(text, number.start, cues.CLAUSE_END)
        rank = number.unit == "rank"  # 列江西省第一, 全国30强: the place ranked in is not the scope
        for match in reversed(names):
            listed = "、" in (text[match.start - 1:match.start], text[match.end:match.end + 1]) or text[match.end:match.end + 1] == "等"
            if listed and number.unit in COUNTS:
                continue  # 合力泰、立讯智造、木林森3家: the companies are counted, not the scope
            if clause_start <= match.start and match.end <= number.start:
                ids = [rid for kind, rid in match.refs if kind == "entity" and self.lexicon.entity_types.get(rid) in SCOPE_TYPES]
                if ids and not (rank and number.start - match.end <= _RANK_DOMAIN and self.lexicon.entity_types.get(ids[0]) == "place"):
                    return ids[0]
        sentence_start = _start_of(text, number.start, cues.SENTENCE_END)
        for clause in reversed(cues.CLAUSE_END.split(text[sentence_start:number.start])):
            m = _SUBJECT_AT.match(clause)
            if m and getattr(where, _SUBJECTS[m.group(1)]) and not (rank and len(clause) - m.end() <= _RANK_DOMAIN):
                return getattr(where, _SUBJECTS[m.group(1)])
        return where.default


def is_figure(number: NumberMention, text: str, named: list, dates: list) -> bool:
    """Whether a number is a figure (see the module doc for what is not)."""
    core = number.start + next((i for i, ch in enumerate(number.text) if ch in _NUMERALS), 0)
    bounds_a_class = number.unit in _MONEY_UNITS and bool(cues.THRESHOLD_AFTER.match(text[number.end:]))
    if not bounds_a_class and any(span.start <= core < span.end for span in named):
        return False
    if any(span.start < number.end and number.start < span.end for span in dates):
        return False
    if number.text.startswith("第") and number.unit != "rank":
        return False  # 第9期, 第二批: ordinals, not figures
    chinese = not any(ch.isdigit() for ch in number.text)
    if chinese and number.unit == "count" and (number.text[:1] == "一" and len(number.text) == 2 or number.text[-1] in "级星大"):
        return False  # 一批, 一次, 三级, 五星级, 六大行动: a rating or a discourse enumeration, not a figure
    after = text[number.end:number.end + 2]
    if number.unit == "count" and after in ("方面", "方向", "层面", "环节"):
        return False  # 三个方面: the structure of a speech
    if number.unit in ("year", "month", "day") and ("/" in text[number.start - 1:number.end + 1] or number.value >= 1000):
        return False  # 2024/8/6, 2035: a date
    if number.unit == "year" and number.qualifier in ("exact", "approx") and not (
            text[number.start - 2:number.start] == "连续" or after == "翻番"):
        return False  # 近两年, 三年攻坚行动, 三年一度, 三年有效期: a time phrase, not a statistic
    if chinese and number.unit is None and number.scale >= 1e8 and re.match(f"[{CJK_IDEOGRAPH}]", text[number.end:number.end + 1]) \
            and number.text[:1] in "一二两三四五六七八九十百千万亿":
        return False  # 千亿产业, 百亿龙头企业: a class word without its unit (千亿元产业 is a threshold)
    return text[number.start - 1:number.start] != "每"  # 每百元: a unit of measure


def _start_of(text: str, offset: int, boundary: re.Pattern) -> int:
    """Where the sentence or clause around ``offset`` begins."""
    last = None
    for last in boundary.finditer(text, 0, offset):
        pass
    return last.end() if last else 0


def build(project: Project, lexicon: Lexicon | None = None, **_: object) -> FiguresRecommender:
    return FiguresRecommender(lexicon or Lexicon.of(project), registries(project).records("indicators"))
