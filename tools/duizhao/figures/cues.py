"""The Chinese cue words of the annotation guideline (``site/guide/annotation.md``).

One list per cue, used by the F rules (which check a coded figure against its text) and by
the figures recommender (which proposes attributes from the text). Each function reads the
text *around* a figure: ``before`` is the segment text before the quoted number, ``after``
the text after it.
"""

from __future__ import annotations

import re

CLAUSE_END = re.compile(r"[，。；：,;:！？!?]")
LIST_ITEM_END = re.compile(r"[、，。；：,;:！？!?]")
SENTENCE_END = re.compile(r"[。；;！？!?]")

# modality ------------------------------------------------------------------------------
FORECAST = re.compile(r"预计|有望|可望|预期|将(?=达|会|有|实现|突破|超|下滑|回落|增|提|新增|保持)")
TARGET = re.compile(r"目标|力争|确保|计划|任务|冲刺|争取(?=[到在全今明年实达]|\d)")  # 争取上级项目66个: won, actual
THRESHOLD_AFTER = re.compile(r"^(?:（含）|\(含\))?(?:以上|及以上|以下)?的?(?:工业|重点|重大|制造业|产业|龙头)?"
                             r"(?:企业|项目|产业|集群|园区|龙头企业)")
THRESHOLD_BEFORE = re.compile(r"(?:申报条件|条件为|门槛)[^，。；]*$")
MILESTONE_AFTER = re.compile(r"^[^，。；]{0,12}台阶")
# a percentage before 企业 is a share (惠及90%以上企业) as often as a class (用电下滑95%以上企业): the annotator decides
THRESHOLD_UNITS = ("cny", "usd", "kwh", "m2", "km2")

# measure --------------------------------------------------------------------------------
STREAK_BEFORE = re.compile(r"连续$")
AVERAGE_BEFORE = re.compile(r"(?:户均|平均每[家个户项]?|每[家个户项笔](?:项目|企业)?[^，。；]{0,8}|人均|单[个笔户])"
                            r"[^，。；]{0,12}$")
GAP_BEFORE = re.compile(r"(?:高于|高出|低于|快于|慢于|优于|劣于|差欠|超过|超出)[^，。；]{0,14}(?:平均|目标|计划|任务|全省|全国|全市)"
                        r"[^，。；]{0,10}$|(?:较|比)[^，。；]{0,12}(?:目标|计划)[^，。；]{0,4}差欠$")
INCREASE_BEFORE = re.compile(r"(?:新增|净增|增加(?!值))[^，。；]{0,16}$")

# sign -----------------------------------------------------------------------------------
DIRECTION = re.compile(r"(?P<down>下降|微降|降幅|降低|减少|下滑|回落|低于|差欠|负增长)"
                       r"|增长|提高|提升|加快|增加(?!值)|上涨|回升|高于|高出|收窄|扩大")  # 增速, 增幅: nouns, no direction
_REACHED = re.compile(r"[至到]")  # 下滑至12%: the level reached, not the change
_BOUND_WORDS = ("低于", "高于")  # right before the number they bound it (低于1毫秒), they do not compare

# the recommender's readings: what a cue says beyond allowing or forbidding a coding -----------
SHARE_BEFORE = re.compile(r"占[^，。；]*(?:比重|比例|的)$|占比|比重")
GROWTH_WORDS = re.compile(r"增长|下降|微降|增速|增幅|降幅|同比|比上年|回升|回落|下滑|提高|提升|减少|增加(?!值)|上涨|翻")
OTHER_BASE = re.compile(r"环比|年均|比(?:19|20)\d{2}年|翻")  # growth on another base than the year before
COMPARED = re.compile(r"同比|比上年|比去年|较|环比")  # 同比增加0.53元: an absolute change over time
COMPARISON = re.compile(r"高于|高出|低于|快于|慢于|优于|差欠|超过|超出|比(?=全省|全国|全市)")  # a gap's word
COMPARED_WITH = re.compile(r"较|比|与")  # 较年初目标差欠: the benchmark lies between 较 and 差欠
SHORTFALL = ("低于", "慢于", "差欠")  # a gap below its benchmark is negative
NAMES_BENCHMARK = re.compile(r"(?:较|比|与|超过|超出|高于|低于|差欠)[^，。；]{0,4}$")  # 超过年度计划: 计划 is the benchmark
NOT_A_GOAL = re.compile(r"(?:行动|倍增|覆盖|培养)计划|计划[”》]")  # a programme's name
BENCHMARKS = (("全省平均", "the provincial average"), ("全国平均", "the national average"),
              ("全市平均", "the city average"), ("年初目标", "the target set at the start of the year"),
              ("年度计划", "the annual plan"), ("序时进度", "the pro-rata schedule"), ("目标", "the target"),
              ("计划", "the plan"), ("国家", "the national level"))  # else the Chinese words, to translate
PER = (("户均", "enterprise"), ("每家", "enterprise"), ("每户", "enterprise"), ("单户", "enterprise"),
       ("人均", "person"), ("每人", "person"), ("项目", "project"), ("每项", "item"), ("品种", "product"),
       ("单笔", "loan"),
       ("园区", "park"))
RANK_OF = re.compile(r"(?P<growth_yoy>增速|增幅|增长|降幅)|(?P<share>占比|比重)|(?P<level>总量|总数|总额)")
ELIGIBILITY = re.compile(r"申报条件|申报的条件|条件要求|准入条件|门槛")  # in the sentence: a class boundary
STREAK = re.compile(r"连续(?P<n>\d+|[一二两三四五六七八九十]+)(?P<unit>年|个月)")
RESPECTIVELY = "分别"  # A、B分别增长x、y: the n-th number belongs to the n-th name
AVERAGE_MORE = re.compile(r"(?:单个|单品种|单笔|平均)[^，。；]{0,20}$")  # 单个项目补助上限, 单笔不超过, 平均提前
TARGET_AFTER = re.compile(r"^的?(?:目标|任务)")  # 已完成清偿2/3以上的目标任务: a target, reached
CAP = re.compile(r"上限|封顶|最长|最高")  # 补助上限由300万元提高到1800万元, 期限最长不超过五年: a boundary
RATIO_BEFORE = re.compile(r"百元[^，。；]*$")  # 每百元营业收入中的成本为86.2元
CONTRIBUTION = re.compile(r"拉动[^，。；]*$")  # 拉动经济增长2.9个百分点: a contribution, not a change
CLASS_NOUN_AFTER = re.compile(r"^[^，。；、\d]{0,3}(?:企业|项目|行业|产品|集群|园区)")  # 下滑95%以上规上企业


def number_start(quote: str) -> int:
    """Where the first digit or Chinese numeral of a quote is (its length if none)."""
    for i, ch in enumerate(quote):
        if ch.isdigit() or ch in "一二三四五六七八九十两百千万亿零〇":
            return i
    return len(quote)


def clause_before(before: str) -> str:
    """The clause that ends where the figure starts."""
    parts = CLAUSE_END.split(before)
    return parts[-1] if parts else ""


def item_before(before: str) -> str:
    """The list item (up to the last 、 or clause mark) that ends where the figure starts."""
    return LIST_ITEM_END.split(before)[-1]


def sentence_before(before: str) -> str:
    parts = SENTENCE_END.split(before)
    return parts[-1] if parts else ""


def modalities(before: str, after: str, unit: str | None) -> set[str]:
    """The modalities the text around a figure allows ({} when it says nothing)."""
    clause = clause_before(before)
    found = set()
    if TARGET.search(clause):
        found.add("target")
    if FORECAST.search(clause):
        found.add("forecast")
    if unit in THRESHOLD_UNITS and (THRESHOLD_AFTER.match(after) or THRESHOLD_BEFORE.search(clause)):
        found.add("threshold")
    return found


def milestone(after: str) -> bool:
    """迈上3000亿元台阶: a level crossed (actual, at_least)."""
    return bool(MILESTONE_AFTER.match(after))


def measure_cue(before: str) -> str | None:
    """The measure the words just before a figure call for, or None."""
    clause = clause_before(before)
    if STREAK_BEFORE.search(clause):
        return "duration"
    if GAP_BEFORE.search(clause):
        return "gap"
    if AVERAGE_BEFORE.search(clause):
        return "average"
    return None


def increase(before: str) -> bool:
    """新增28家, 净增110家: the figure is an increase."""
    return bool(INCREASE_BEFORE.search(clause_before(before)))


def direction(before: str) -> str | None:
    """``"down"`` or ``"up"`` from the nearest word of direction before the figure in its
    clause, or None (none, a level reached: 下滑至12%, or a bound: 低于1毫秒)."""
    clause = clause_before(before)
    last = None
    for m in DIRECTION.finditer(clause):
        last = m
    if last is None:
        return None
    between = clause[last.end():]
    if _REACHED.search(between) or (last.group() in _BOUND_WORDS and not between):
        return None
    return "down" if last.group("down") else "up"
