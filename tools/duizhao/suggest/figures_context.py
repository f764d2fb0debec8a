"""What the words around a number say it is: the annotation guideline's reading of a figure
(``site/guide/annotation.md``, figures contract v2) for the figures recommender.

The cue words come from :mod:`duizhao.figures.cues`, shared with the F rules. In the
guideline's order:

- **measure**: ``rank`` for a rank; ``duration`` after 连续 (连续八年: never a rank) and for 四年翻番;
  ``gap`` for a difference to a benchmark (高于/高出/低于…平均, 较目标差欠, 超过年度计划, 优于国家),
  with ``benchmark`` named (a known one in English, else the Chinese words to translate);
  ``average`` after 户均, 平均每家, 每个项目, 单个项目 with ``per``; ``change`` for percentage
  points (not 拉动…个百分点, a level) and increases (新增, 净增, 同比增加0.53元; an actual figure of
  an indicator that counts new things, 新增规模以上工业企业, is its level); ``share`` after
  占…比重/占比; ``growth_yoy`` after 增长/下降/同比 (``growth`` after 环比, 年均, 比2015年, 翻番);
  ``ratio`` for 每百元…, 倍, 2/3; else ``level``;
- **rank_of**: the measure named nearest before the rank (增速/增幅/增长 → growth_yoy,
  占比/比重 → share, 总量 → level), else that of the figure before it in the sentence;
- **modality**: ``threshold`` for a class boundary or an eligibility criterion (亿元以上项目,
  过500亿元15个, 有3个突破200亿元, 23个行业增幅超过50%, 申报条件: …以上, 补助上限); actual with
  ``at_least`` for a milestone crossed (迈上3000亿元台阶); ``target`` for a target reached
  (清偿2/3以上的目标任务); else the cue nearest before the number (预计 → forecast, 力争 →
  target), in its clause or in an earlier clause of its sentence that holds a number (力争净增110家，
  新增28家) or, for 目标/任务, in the clause just before. A cue inside a registered name or
  naming a benchmark (超过年度计划) says nothing;
- **value** with its sign: a fall is negative (changes, growth and gaps).

Lists of numbers (分别, years in order) and the span of a streak are :mod:`.figures_lists`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..figures import RANKABLE, cues
from ..numbers import NumberMention

SIGNED = ("growth_yoy", "growth", "change", "gap")
TIME_UNITS = ("year", "month", "day")
COUNTS = ("count", "enterprise", "project", "item", "person", "base_station")
_FULL_STOP = re.compile(r"[。！？!?]")
_GOAL_WORDS = ("目标", "任务")  # they carry over to the clauses after them
_ENDS = re.compile(r"(?P<up>快|高|多)$|(?P<down>慢|低|少)$")


class Seen(NamedTuple):
    """A figure read before, in the same segment."""

    start: int
    end: int
    measure: str
    unit: str


@dataclass(frozen=True)
class Around:
    """A number in its segment's zh text, with what the recommender knows of the segment."""

    text: str
    number: NumberMention
    unit: str
    indicator_end: int | None = None  # where the indicator named before the number ends
    named: tuple[tuple[int, int], ...] = ()  # spans of registered names: their cue words do not count
    starts: tuple[int, ...] = ()  # where the segment's numbers start
    next_number: NumberMention | None = None
    previous: tuple[Seen, ...] = ()  # the figures before it in the segment
    counts_increases: bool = False  # its indicator counts new things (新增规模以上工业企业): an actual one is a level

    @cached_property
    def before(self) -> str:
        """The text before the number, the quote's own words included (下降3.4% → …下降), as the F rules read it."""
        return self.text[:self.number.start + cues.number_start(self.number.text)]

    @property
    def after(self) -> str:
        return self.text[self.number.end:]

    @cached_property
    def clause(self) -> str:
        return cues.clause_before(self.before)

    def start_of(self, part: str) -> int:
        """Where ``part``, a tail of :attr:`before`, starts in the text."""
        return len(self.before) - len(part)


@dataclass(frozen=True)
class Reading:
    value: float
    qualifier: str
    measure: str
    modality: str | None = None  # None: actual, the default, left out
    rank_of: str | None = None
    per: str | None = None
    benchmark: str | None = None


def read(a: Around) -> Reading:
    """Every attribute the words around the number decide (see the module docstring)."""
    compared = gap(a)
    per = average_per(a)
    measure = measure_of(a, compared is not None, per is not None)
    milestone = cues.milestone(a.after)
    modality = None if milestone else modality_of(a, measure)
    if measure == "change" and a.counts_increases and modality is None and a.unit != "percentage_point":
        measure = "level"  # 新增规上企业102家 of 新增规模以上工业企业: a level; a target for an increase stays a change
    value = a.number.value
    falls = compared[1] if measure == "gap" and compared else cues.direction(a.before) == "down"
    if measure in SIGNED and value > 0 and falls:
        value = -value
    return Reading(
        value=value,
        qualifier="at_least" if milestone else a.number.qualifier,
        measure=measure,
        modality=modality,
        rank_of=rank_of(a) if measure == "rank" else None,
        per=per if measure == "average" else None,
        benchmark=compared[0] if measure == "gap" and compared else None,
    )


def gap(a: Around) -> tuple[str, bool] | None:
    """What a difference is measured against and whether it falls short (低于, 差欠), or None."""
    if a.unit in ("rank", *TIME_UNITS):
        return None
    clause = a.clause
    word = None
    for word in cues.COMPARISON.finditer(clause):
        pass
    if word is None:
        return None
    phrase = clause[word.end():]
    if not phrase and word.group() == "差欠":  # 较年初目标差欠150亿元
        opener = None
        for opener in cues.COMPARED_WITH.finditer(clause, 0, word.start()):
            pass
        phrase = clause[opener.end():word.start()] if opener else ""
    shortfall = word.group() in cues.SHORTFALL
    end = _ENDS.search(phrase)
    if word.group() == "比" and end:  # 比全省平均快2个百分点
        phrase, shortfall = phrase[:end.start()], bool(end.group("down"))
    phrase = phrase.strip("的")
    if not phrase or len(phrase) > 20 or any(ch.isdigit() for ch in phrase):
        return None
    return next((en for zh, en in cues.BENCHMARKS if zh in phrase), phrase), shortfall


def average_per(a: Around) -> str | None:
    """What one item of a per-item figure is (户均 → enterprise, 单个项目 → project), or None."""
    m = cues.AVERAGE_BEFORE.search(a.clause)
    if m is not None:
        words = m.group()
    elif cues.AVERAGE_MORE.search(a.clause):
        words = a.clause  # 重大项目开工时间平均提前: the item is named before 平均
    else:
        return None
    return next((per for word, per in cues.PER if word in words), "item")


def measure_of(a: Around, compared: bool, averaged: bool) -> str:
    """The kind of quantity (the guideline's measure table)."""
    if a.unit == "rank":
        return "rank"
    if cues.measure_cue(a.before) == "duration" and a.unit in TIME_UNITS:
        return "duration"
    if compared:
        return "gap"
    share = a.unit == "percent" and bool(cues.SHARE_BEFORE.search(a.clause))
    if averaged and not share:
        return "average"
    start = a.start_of(a.clause)
    if a.indicator_end is not None and a.indicator_end > start:
        start = a.indicator_end  # 经济增长的贡献率达64.7%: the words after the indicator's name
    words = a.text[start:len(a.before)].replace("增加值", "")
    if a.unit == "percentage_point":
        return "level" if cues.CONTRIBUTION.search(a.clause) else "change"
    if a.unit in TIME_UNITS and a.after.startswith("翻"):
        return "duration"  # 四年翻番: the time a doubling took
    if a.unit == "percent":
        if share:
            return "share"
        if cues.GROWTH_WORDS.search(words):
            return "growth" if cues.OTHER_BASE.search(words) else "growth_yoy"
        return "level"
    if cues.GROWTH_WORDS.search(words) and cues.COMPARED.search(words):
        return "change"
    last = a.previous[-1] if a.previous else None
    if cues.increase(a.before) or (last is not None and last.start >= a.start_of(a.clause)
                                   and (last.measure, last.unit) == ("change", a.unit)):
        return "change"  # 新增28家; 新增独角兽企业2家、瞪羚企业14家: the increase covers the list
    if a.unit in ("times", "yuan_per_100_yuan", "ratio") or cues.RATIO_BEFORE.search(words):
        return "ratio"
    return "level"


def rank_of(a: Around) -> str:
    """What a rank ranks: the measure named nearest before it in its sentence, else the
    measure of the figure before it in the sentence (a change of a rate ranks the rate)."""
    last = None
    for last in cues.RANK_OF.finditer(cues.sentence_before(a.before)):
        pass
    if last is not None:
        return last.lastgroup
    sentence = a.start_of(_FULL_STOP.split(a.before)[-1])
    for start, _, measure, unit in reversed(a.previous):
        if start < sentence:
            break
        if measure == "change" and unit == "percentage_point":
            return "growth_yoy"  # 增长5.9%，比一季度提高2.4个百分点，列全国第7位: the rate is ranked
        if measure in RANKABLE:
            return measure if measure in ("growth_yoy", "growth", "share") else "level"
    return "level"


def modality_of(a: Around, measure: str) -> str | None:
    """threshold, target or forecast; None for actual."""
    if measure != "rank" and threshold(a):
        return "threshold"
    if cues.TARGET_AFTER.match(a.after):
        return "target"
    clause_start = a.start_of(a.clause)
    sentence_start = a.start_of(cues.sentence_before(a.before))
    best: tuple[int, str] | None = None
    for pattern, modality in ((cues.TARGET, "target"), (cues.FORECAST, "forecast")):
        for m in pattern.finditer(a.before, sentence_start):
            if _says(a, m, clause_start) and (best is None or m.start() > best[0]):
                best = (m.start(), modality)
    return best[1] if best else None


def _says(a: Around, cue: re.Match, clause_start: int) -> bool:
    """Whether a cue word speaks of the number (see the module docstring)."""
    if any(start <= cue.start() < end for start, end in a.named):
        return False
    if cues.NOT_A_GOAL.search(a.text, max(0, cue.start() - 2), cue.end() + 1):
        return False
    if cues.NAMES_BENCHMARK.search(a.text[:cue.start()]):
        return False
    if cue.start() >= clause_start:
        return True
    ends = cues.CLAUSE_END.search(a.text, cue.end())
    end = ends.start() if ends else len(a.text)
    if any(cue.end() <= s < end for s in a.starts):
        return True  # 力争净增规上企业110家，新增…28家
    return cue.group() in _GOAL_WORDS and end == clause_start - 1  # 对照年初目标任务，…达1700亿元: the next clause


def threshold(a: Around) -> bool:
    """A class boundary or an eligibility criterion: 亿元以上工业项目, 过500亿元15个, 有3个突破200亿元,
    23个行业增幅超过50%, 申报条件, 补助上限."""
    bounded = a.number.qualifier in ("more_than", "at_least", "at_most", "less_than")
    if cues.CAP.search(a.clause):
        return True  # 补助上限由300万元提高到1800万元, 授信期限最长不超过五年
    if a.unit == "percent":  # a share is no class (惠及90%以上企业); a bounded growth of a class of things is
        return bounded and bool(cues.GROWTH_WORDS.search(a.clause[-4:])) and (
            bool(cues.CLASS_NOUN_AFTER.match(a.after)) or _counted(a))
    if a.unit not in cues.THRESHOLD_UNITS:
        return False
    if cues.THRESHOLD_AFTER.match(a.after) or cues.THRESHOLD_BEFORE.search(a.clause):
        return True
    if bounded and _counted(a):
        return True  # 其中过500亿元15个, 集群有3个突破200亿元: the figure bounds the class counted
    return bool(cues.ELIGIBILITY.search(_FULL_STOP.split(a.before)[-1]))


def _counted(a: Around) -> bool:
    """Whether a count of things stands right after the number, or a few characters before it."""
    following = a.next_number
    if following is not None and following.start == a.number.end and following.unit in COUNTS:
        return True
    return bool(a.previous) and a.previous[-1].unit in COUNTS and a.number.start - a.previous[-1].end <= 4
