"""Numbers in Chinese and English text: the one module that understands them.

Used by the translation checks (``T002``), the figure checks (``F`` rules) and the
figures recommender. :func:`find_numbers` scans Chinese text into
:class:`NumberMention` objects; :func:`english_numbers` lists the values an English
sentence states; :func:`same_value` says whether a Chinese figure reappears.

**What a mention is.** ``value`` is the number as written (``1031.3`` in 1031.3亿元),
``scale`` the multiplier written after it (万 1e4, 亿 1e8, 万亿 1e12, 千 1e3 and 百 1e2
after Arabic digits; a Chinese numeral before a scale keeps its own value, so 百亿企业 is
value 100, scale 1e8), ``unit`` one of the annotation schema's units or None, and
``qualifier`` how the figure is bounded. ``text`` is the span: qualifier words, 第/前,
number, scale, unit (``近70亿元``, ``列全省第1`` → ``第1``, ``1000万元(含)以上``).

**Units.** % → percent; (个)百分点 → percentage_point; 元 → cny; 美元 → usd;
千瓦时 → kwh (度 is too ambiguous and is not read as kWh); 平方米 → m2; 平方公里 → km2;
毫秒 → ms; 倍 → times; 年/年度 → year; 月/个月 → month; 日/天 → day; 人/名/位 → person;
人次 → person_time; classifiers (个 家 项 台 套 座 所 款 种 条 批 处 件 笔 户 册 期 组
类 届 轮 张 句 字 级 星 场 次 家次 场次 大 …) → count; 季度, 分钟, 小时, 号 → None.
Ranks → rank: 第N followed by 位/名 or after 列/居/排/全省/全国/全市… (列全省第2位,
全省第一), N位 after 列/居/位列 (位列77位), 前N without a unit (全省前三, at_most) and
N强 (全国30强, at_most). Other ordinals (第五期, 第二批, 第二个千亿产业) have unit None.
Fractions: 2/3 and 三分之二 are 0.667 (unit None); 百分之五十 is 50 percent. Signs:
同比-2.4% is -2.4. 一 before a classifier (一批, 一个) is read as 1, count: whether
English must say "one" is the caller's decision (T002 accepts "a").

**Qualifiers.** ``exact`` by default. ``approx``: 约, 大约, 约为, 将近, 接近, 近 (but
近N年 is "the past N years", exact), N…左右. ``more_than``: 超, 超过, 逾, 过, 突破,
多于, N多, N余. ``at_least``: N以上, N及以上, N(含)以上, 不低于, 不少于, 至少,
上万/上千/上亿 (Chinese statistics count 以上 as inclusive: "or more"). ``less_than``:
不足, 不到, 低于, 少于. ``at_most``: N以下, N以内, 不超过, 最多, and the ranks 前N, N强.
``range``: N-M, N—M, N–M, N~M, N至M, N到M, with ``value_max`` = M (15-30分钟,
5-10个, 30-70毫秒, 3至5年, 10月20日-21日).

**Periods.** 1-9月 is a range of months (unit ``month``, value 1, value_max 9), 2020年 a
year (unit ``year``), 2024/8/6 three mentions (year, month, day), 9:45 a clock time
(value 9.75 hours, unit None). They are kept: a translation must still carry them
("January to September", "2020"). 前三季度 is value 3 (unit None), 十四五 is the
ordinal 14 of the five-year plans, 十九届五中全会 is 19 (届) and 5 (中全会).

**Not numbers.** Numerals inside words (一是, 进一步, 四图五清单, 三突出两强化,
万物互联, 两化融合, 零增地, 三字头): a Chinese numeral counts only after 第/前, before a unit,
classifier or scale, or as 十N五. Identifiers: digits glued to Latin letters (5G, N95,
AC313; but 10GWh or 5kWh are quantities), e-mail addresses and phone numbers
(0796-8251866). 半 is understood by
:func:`parse_chinese_numeral` but not scanned (上半年, 半边天 are words).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .text import char_folder


# --------------------------------------------------------------------------------------
# Chinese numerals
# --------------------------------------------------------------------------------------
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "".join(_CN_DIGITS) + "十百千万亿"
_ARABIC_SCALED = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万|千|百)?")


def _below_10k(s: str) -> float | None:
    """一千二百三十四 → 1234; units must descend; a trailing digit after a unit is
    the colloquial abbreviation (三千五 → 3500) unless 零 intervenes (一百零五 → 105)."""
    if not s:
        return 0
    if all(ch in _CN_DIGITS for ch in s):  # 二〇二〇 (digit by digit) or a single digit
        return float("".join(str(_CN_DIGITS[ch]) for ch in s)) if len(s) > 1 else float(_CN_DIGITS[s])
    total, digit, last_unit, zero_seen = 0, None, 10_000, False
    for ch in s:
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row inside a unit numeral
            if _CN_DIGITS[ch] == 0:
                zero_seen = True
                continue
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit, zero_seen = None, unit, False
        else:
            return None
    if digit is not None:
        total += digit * (last_unit // 10 if last_unit < 10_000 and last_unit > 10 and not zero_seen else 1)
    return float(total)


def parse_chinese_numeral(s: str) -> float | None:
    """The value of a Chinese numeral (一 1, 两 2, 十三 13, 一百二十 120, 三千五百 3500,
    一万五 15000, 三亿五千万 350000000, 〇/零 0, 半 0.5, 二〇二〇 2020); Arabic digits
    with a Chinese scale are accepted too (1.5万 15000). None if ``s`` is not one."""
    s = s.strip()
    if not s:
        return None
    if s == "半":
        return 0.5
    m = _ARABIC_SCALED.fullmatch(s)
    if m:
        return float(m.group(1)) * _SCALES.get(m.group(2) or "", 1)
    if any(ch not in _CN_CHARS for ch in s):
        return None
    for big, factor in (("亿", 1e8), ("万", 1e4)):
        if big in s:
            head, _, tail = s.rpartition(big) if big == "亿" else s.partition(big)
            if big == "万" and "亿" in tail:
                return None
            left = parse_chinese_numeral(head) if head else 1.0
            if left is None:
                return None
            if tail and all(ch in _CN_DIGITS for ch in tail) and len(tail) == 1 and _CN_DIGITS[tail]:
                right = _CN_DIGITS[tail] * factor / 10  # 一万五 → 15000
            else:
                right = parse_chinese_numeral(tail.lstrip("零〇")) if tail.lstrip("零〇") else 0.0
            if right is None or right >= factor:
                return None
            return left * factor + right
    value = _below_10k(s)
    return None if value is None else float(value)


# --------------------------------------------------------------------------------------
# The scanner
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float
    scale: float
    unit: str | None
    qualifier: str
    value_max: float | None = None

    @property
    def amount(self) -> float:
        """The value with its scale applied (1031.3亿 → 103130000000)."""
        return self.value * self.scale

    @property
    def amount_max(self) -> float | None:
        return None if self.value_max is None else self.value_max * self.scale


_SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2, "": 1.0}
_SCALE_WORD = re.compile("万亿|亿|万|千|百")  # after Arabic digits; the first that matches, as listed

# Full-width forms folded to ASCII, one character for one (offsets stay valid).
_fold = char_folder({**{chr(0xFF10 + i): str(i) for i in range(10)},
                     "．": ".", "％": "%", "－": "-", "−": "-", "～": "~", "／": "/", "：": ":",
                     "＋": "+", "（": "(", "）": ")"})

_AR = r"\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = f"[{_CN_CHARS}]+"
_LATIN_UNITS = r"(?:kWh|MWh|GWh|kW|MW|GW|km|kg|mm|cm|nm|GB|TB)(?![A-Za-z])"
_TOKEN = re.compile(rf"""
    (?P<ident>[A-Za-z@][A-Za-z0-9@._-]*\d[A-Za-z0-9._-]*               # N95, AC313, a@163.com
             |(?<![\d.])\d+(?!{_LATIN_UNITS})[A-Za-z][A-Za-z0-9]*)      # 5G, 4G (not 10GWh)
  | (?P<phone>(?<!\d)0\d{{2,3}}-\d{{7,8}}(?!\d))
  | (?P<date>(?<![\d.])(?P<y>\d{{4}})(?P<sep>[/.-])(?P<mo>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d.]))
  | (?P<time>(?<![\d:])(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?(?![\d:]))
  | (?P<frac>(?<![\d/.])(?P<num>\d+)/(?P<den>\d+)(?![\d/]))
  | (?P<cnpct>百分之(?P<pct>{_AR}|{_CN}))
  | (?P<cnfrac>(?P<cden>{_CN})分之(?P<cnum>{_CN}))
  | (?P<plan>十[一二三四五六七八九]五)
  | (?P<ar>{_AR})
  | (?P<cn>{_CN})
""", re.VERBOSE)

_NUMBER = re.compile(rf"(?P<ar>{_AR})|(?P<cn>{_CN})")
# Everything from a position up to the next place where a _TOKEN may begin: no _TOKEN
# begins on other characters, nor on a letter or @ that no digit follows in its word
# (not an identifier). Searching from there finds what searching from the position finds,
# without trying every alternative of _TOKEN on every character of the text.
_NO_TOKEN = re.compile(rf"(?:[^A-Za-z@\d{_CN_CHARS}]++|(?![A-Za-z@][A-Za-z0-9@._-]*\d)[A-Za-z@])*+")

# Units after a number (and its scale), longest first.
_UNITS = sorted([
    ("个百分点", "percentage_point"), ("百分点", "percentage_point"), ("%", "percent"),
    ("美元", "usd"), ("元", "cny"), ("千瓦时", "kwh"), ("kWh", "kwh"),
    ("平方公里", "km2"), ("平方米", "m2"), ("毫秒", "ms"), ("倍", "times"),
    ("个月", "month"), ("月", "month"), ("年度", "year"), ("年", "year"), ("日", "day"), ("天", "day"),
    ("季度", None), ("分钟", None), ("小时", None), ("号", None),
    ("人次", "person_time"), ("家次", "count"), ("场次", "count"),
    ("人", "person"), ("名", "person"), ("位", "person"), ("强", "rank"),
    *((c, "count") for c in "个家项台套座所款种条批处件笔户册期组类届轮张句字级星场次大只"),
], key=lambda u: -len(u[0]))
_UNIT_OF: dict[str, str | None] = {}
for _word, _unit in _UNITS:
    _UNIT_OF.setdefault(_word, _unit)
_UNIT = re.compile("|".join(map(re.escape, _UNIT_OF)))  # longest first, as listed
_NOT_UNIT = ("项目", "个人", "条件", "名单", "强化", "大会", "大批", "大力", "位数")  # words, not classifiers

_PREFIX_QUALIFIERS = sorted([
    ("不低于", "at_least"), ("不少于", "at_least"), ("至少", "at_least"),
    ("不超过", "at_most"), ("最多", "at_most"),
    ("不足", "less_than"), ("不到", "less_than"), ("低于", "less_than"), ("少于", "less_than"),
    ("超过", "more_than"), ("多于", "more_than"), ("突破", "more_than"), ("超", "more_than"),
    ("逾", "more_than"), ("过", "more_than"),
    ("大约", "approx"), ("约为", "approx"), ("将近", "approx"), ("接近", "approx"),
    ("约", "approx"), ("近", "approx"),
], key=lambda q: -len(q[0]))
_PREFIX_QUALIFIER_OF = dict(_PREFIX_QUALIFIERS)
_PREFIX_LENGTHS = sorted({len(w) for w in _PREFIX_QUALIFIER_OF}, reverse=True)
_NOT_QUALIFIER = ("通过", "经过", "不过", "度过", "跨过", "附近", "最近")
_SUFFIX_QUALIFIERS = [("(含)以上", "at_least"), ("及以上", "at_least"), ("以上", "at_least"),
                      ("以下", "at_most"), ("以内", "at_most"), ("左右", "approx")]
_VERB = r"(?:(?<![系并陈序行])列|(?<!安)排|居|排名|位列|位居|名列)"
_RANK_CONTEXT = re.compile(rf"(?:{_VERB}|全省|全国|全市|全球|世界|中部地区)[^，。；,;]{{0,8}}$")
_RANK_VERB = re.compile(rf"{_VERB}$")
_NOT_RANK_FRONT = "提目当此之以事空向超眼面跟"  # 提前, 目前, 当前…: 前 of a word, not "top N"
_BEFORE_MINUS = ("", "比", "为", "是", "达", "降", "长", "(", ":", "，", ",", "、", " ")  # 同比-2.4%
_RANGE_SEP = re.compile(r"\s*(?:-|—|–|~|至|到)\s*")


def _arabic(s: str) -> float:
    return float(s.replace(",", ""))


class _Scanner:
    def __init__(self, text: str):
        self.raw = text
        self.s = _fold(text)

    def mention(self, start: int, end: int, value: float, scale: float = 1.0, unit: str | None = None,
                qualifier: str = "exact", value_max: float | None = None) -> NumberMention:
        return NumberMention(start, end, self.raw[start:end], float(value), float(scale), unit, qualifier,
                             None if value_max is None else float(value_max))

    # -- pieces -------------------------------------------------------------------------
    def _unit_at(self, i: int) -> tuple[str, str | None]:
        if self.s.startswith(_NOT_UNIT, i):
            return "", None
        m = _UNIT.match(self.s, i)
        return (m.group(), _UNIT_OF[m.group()]) if m else ("", None)

    def _prefix_qualifier(self, i: int) -> tuple[int, str]:
        before = self.s[max(0, i - 6):i]
        if before.endswith(_NOT_QUALIFIER):
            return i, "exact"
        for length in _PREFIX_LENGTHS:  # the longest qualifier word that ``before`` ends with
            q = _PREFIX_QUALIFIER_OF.get(before[-length:])
            if q is not None:
                return i - len(before[-length:]), q
        return i, "exact"

    def _core(self, m: re.Match) -> tuple[float, float, int] | None:
        """(value, scale, end) of the number at ``m``, with the scale written after it."""
        s = self.s
        if m.group("ar"):
            end = m.end()
            scale = m_scale.group() if (m_scale := _SCALE_WORD.match(s, end)) else ""
            if scale in ("千", "百") and re.match(r"[瓦米克分公]", s[end + 1:end + 2]):
                scale = ""  # 千瓦时, 百分点: part of the unit
            return _arabic(m.group("ar")), _SCALES[scale], end + len(scale)
        run = m.group("cn")
        if run.endswith("千") and re.match(r"[瓦米克]", s[m.end():m.end() + 1]):
            run = run[:-1]
        scale = next((w for w in ("万亿", "亿", "万") if run.endswith(w)), "")
        head = run[:len(run) - len(scale)]
        value = parse_chinese_numeral(head) if head else 1.0
        return None if not run or value is None else (value, _SCALES[scale], m.start() + len(run))

    # -- one mention ----------------------------------------------------------------------
    def read(self, m: re.Match) -> NumberMention | None:
        """The mention whose number is at ``m`` (an ``ar`` or ``cn`` token), or None."""
        s, chinese, core_start = self.s, m.lastgroup == "cn", m.start()
        core = self._core(m)
        if core is None:
            return None
        value, scale, end = core
        start = core_start
        before = s[core_start - 1:core_start]
        ordinal = before == "第"
        rank_prefix = before == "前" and (core_start < 2 or s[core_start - 2] not in _NOT_RANK_FRONT)
        if ordinal or rank_prefix:
            start -= 1
        elif not chinese and before == "-" and s[core_start - 2:core_start - 1] in _BEFORE_MINUS:
            start, value = start - 1, -value
        more = s[end:end + 1] in ("多", "余")  # 110余家, 7000多万元
        if more:
            end += 1
            if scale == 1 and not chinese:
                w = next((w for w in ("万亿", "亿", "万") if s.startswith(w, end)), "")
                scale, end = _SCALES[w], end + len(w)
        unit_word, unit = self._unit_at(end)
        if chinese and not unit_word and s.startswith("中全会", end):
            unit_word = "中全会"  # 三中全会: the third plenary session
        end += len(unit_word)
        if not more and unit_word and s[end:end + 1] in ("多", "余"):
            more, end = True, end + 1  # 300个多 / 2个多月
            if unit_word == "个" and s[end:end + 1] == "月":
                unit, end = "month", end + 1

        if unit_word == "字" and s.startswith("头", end):
            return None  # 三字头增速: growth "in the thirties", a digit named, not a quantity
        # A Chinese numeral must look like a number, not part of a word (一是, 万物, 四图五清单).
        if chinese and not (ordinal or rank_prefix or unit_word or (scale != 1 and (value != 1 or scale >= 1e8))):
            return None
        if rank_prefix and unit_word not in ("", "个", "位", "名"):
            rank_prefix = False  # 前三季度: the first three quarters, not a rank

        qualifier = "more_than" if more else "exact"
        q_start, q = self._prefix_qualifier(start)
        if q == "approx" and s[q_start:start] == "近" and unit == "year":
            q = "exact"  # 近三年: the past three years
        if q != "exact":
            qualifier, start = q, q_start
        elif chinese and before == "上" and m.group() in ("百", "千", "万", "亿"):
            qualifier, start = "at_least", start - 1  # 上万人次, 上千家
        suffix = next(((w, q) for w, q in _SUFFIX_QUALIFIERS if s.startswith(w, end)), None)
        if suffix:
            end += len(suffix[0])
            qualifier = suffix[1] if qualifier == "exact" else qualifier

        if ordinal:  # 列全省第2位, 全省第一: a rank; 第五期, 第二批: an ordinal
            ranked = unit_word in ("位", "名") or (not unit_word and _RANK_CONTEXT.search(s[:start]))
            unit = "rank" if ranked else None
        elif rank_prefix:  # 全省前三
            unit, qualifier = "rank", "at_most"
        elif unit_word == "位" and _RANK_VERB.search(s[:start]):  # 位列77位
            unit = "rank"
        elif unit_word == "强":  # 全国30强
            qualifier = "at_most"
        return self.mention(start, end, value, scale, unit, qualifier)

    def read_range(self, first: NumberMention, m: re.Match) -> NumberMention | None:
        """``first`` extended to a range N-M if a second number follows (1-9月, 3至5年)."""
        if first.qualifier != "exact" or first.text.startswith(("第", "前")):
            return None
        sep = _RANGE_SEP.match(self.s, first.end)
        nxt = _TOKEN.match(self.s, sep.end()) if sep else None
        if nxt is None or nxt.lastgroup != m.lastgroup:
            return None
        second = self.read(nxt)
        has_unit = self._unit_at(self._core(m)[2])[0] != ""
        if second is None or second.qualifier != "exact" or (has_unit and second.unit != first.unit):
            return None
        scale = first.scale if first.scale != 1 else second.scale
        return self.mention(first.start, second.end, first.value, scale, second.unit, "range", second.value)

    # -- the whole text -----------------------------------------------------------------
    def scan(self) -> list[NumberMention]:
        out: list[NumberMention] = []
        pos = 0
        while (m := _TOKEN.search(self.s, _NO_TOKEN.match(self.s, pos).end())) is not None:
            kind, pos = m.lastgroup, m.end()
            if kind == "date":
                out += [self.mention(m.start(g), m.end(g), int(m.group(g)), unit=u)
                        for g, u in (("y", "year"), ("mo", "month"), ("d", "day"))]
            elif kind == "time":
                hours = int(m.group("h")) + int(m.group("mi")) / 60 + int(m.group("s") or 0) / 3600
                out.append(self.mention(m.start(), m.end(), hours))
            elif kind == "frac":
                num, den = int(m.group("num")), int(m.group("den"))
                if not 0 < num < den:  # 2020/11: two numbers, not a fraction
                    pos = m.start("num") + len(m.group("num"))
                    m = _NUMBER.match(self.s, m.start())
                    if (found := self.read(m)) is not None:
                        out.append(found)
                    continue
                suffix = next(((w, q) for w, q in _SUFFIX_QUALIFIERS if self.s.startswith(w, pos)), ("", "exact"))
                pos += len(suffix[0])
                out.append(self.mention(m.start(), pos, num / den, qualifier=suffix[1]))
            elif kind == "cnfrac":
                den, num = parse_chinese_numeral(m.group("cden")), parse_chinese_numeral(m.group("cnum"))
                if den and num is not None:
                    out.append(self.mention(m.start(), m.end(), num / den))
            elif kind == "cnpct":
                value = parse_chinese_numeral(m.group("pct"))
                if value is not None:
                    out.append(self.mention(m.start(), m.end(), value, unit="percent"))
            elif kind == "plan":  # 十四五: the 14th five-year plan
                out.append(self.mention(m.start(), m.end(), 10 + _CN_DIGITS[m.group()[1]]))
            elif kind in ("ar", "cn"):
                found = self.read(m)
                if found is not None:
                    found = self.read_range(found, m) or found
                    out.append(found)
                    pos = max(pos, found.end)
        return out


def find_numbers(text: str) -> list[NumberMention]:
    """Every numeric expression of a Chinese text, in order (see the module docstring)."""
    return _Scanner(text).scan()


# --------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------
_EN_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_EN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_EN_ORDINALS.update({w[:-1] + "ieth": v for w, v in _EN_TENS.items()})
_EN_ORDINALS.update({"hundredth": 100, "thousandth": 1000, "millionth": 1e6})
_EN_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fifth": 5, "fifths": 5}
# Words that state a number without being numerals.
_EN_IMPLIED = {"once": 1, "single": 1, "twice": 2, "double": 2, "doubled": 2, "doubling": 2,
               "twofold": 2, "dual": 2, "both": 2, "thrice": 3, "triple": 3, "tripled": 3, "threefold": 3,
               "dozen": 12, "dozens": 12, "decade": 10, "decades": 10, "century": 100, "centenary": 100,
               "centennial": 100, "biennial": 2, "triennial": 3, "hundreds": 100, "thousands": 1000}
_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}


def _alternatives(words: frozenset[str] | set[str]) -> str:
    """A regular expression matching any of ``words`` (letters only), factored by first
    letters (``t(?:en|hree|wo)``) so that the engine tries few branches at each position."""
    heads: dict[str, set[str]] = {}
    for word in words:
        heads.setdefault(word[:1], set()).add(word[1:])
    branches = [head + (f"(?:{_alternatives(rest - {''})})" + ("?" if "" in rest else "") if rest - {""} else "")
                for head, rest in sorted(heads.items()) if head]
    return "|".join(branches)


# Every word that can state a number or belong to one; any other word just ends a run.
_EN_WORDS = frozenset({*_EN_SMALL, *_EN_TENS, *_EN_SCALES, *_EN_ORDINALS, *_EN_FRACTIONS, *_EN_IMPLIED,
                       *_MONTHS, "and", "a", "an"})
_EN_WORD = r"(?ai:" + _alternatives(_EN_WORDS) + r")(?![A-Za-z])"  # whole, ASCII letters, any case
# One match per number or number word, skipping in the same match what precedes it and
# cannot begin one (other words, whole; spaces; punctuation): the regular expression does
# what a loop over every word would do in Python. The text's end matches with no token.
_EN_NUMBER = re.compile(
    rf"(?:[^\d.A-Za-z]|\.(?!\d)|(?!{_EN_WORD})[A-Za-z]++)*+(?:"
    r"(?P<time>(?<![\d:])(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?![\d:]))"
    r"|(?P<frac>(?<![\d/.])(?P<num>\d+)/(?P<den>\d+)(?![\d/]))"
    r"|(?P<digits>\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d*\.\d+|\d+)"
    r"(?:\s*-?\s*(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    rf"|(?P<word>{_EN_WORD})|\Z)"
)
_JOINER = re.compile(r"[\s-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\"“(]\s*)$")


def _word_value(word: str) -> tuple[str, float] | None:
    """('small'|'tens'|'scale'|'ordinal'|'and'|'a', value) for a number word."""
    w = word.lower()
    if w in _EN_SMALL:
        return "small", _EN_SMALL[w]
    if w in _EN_TENS:
        return "tens", _EN_TENS[w]
    if w in _EN_SCALES:
        return "scale", _EN_SCALES[w]
    if w in _EN_ORDINALS:
        return "ordinal", _EN_ORDINALS[w]
    if w in ("and", "a", "an"):
        return w if w == "and" else "a", 1
    return None


_WORD_VALUES = {w: v for w in _EN_WORDS if (v := _word_value(w)) is not None}  # by lower-case word


def _spelled(words: list[str]) -> list[float]:
    """Values of a run of number words: ``one hundred and twenty-three`` is one number,
    ``two three`` two; ``a million`` is 1e6; an ordinal ends its number."""
    values: list[float] = []
    total = current = 0.0
    seen = False

    def flush() -> None:
        nonlocal total, current, seen
        if seen:
            values.append(total + current)
        total = current = 0.0
        seen = False

    for word in words:
        kind, value = _WORD_VALUES.get(word.lower()) or ("", 0)
        if kind in ("small", "tens") or (kind == "ordinal" and value < 100):
            below_100 = current % 100
            if seen and (below_100 % 10 or 10 <= below_100 < 20 or value >= 10 and below_100):
                flush()  # "two three", "twenty thirty": a new number starts
            current += value
            seen = True
        elif kind in ("scale", "ordinal"):  # hundred, thousand…, hundredth, thousandth
            if value == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * value
                current = 0.0
            seen = True
        elif kind == "a":
            flush()
        if kind == "ordinal":
            flush()
    flush()
    return values


def english_numbers(text: str) -> list[float]:
    """The values an English text states: digits (``520,000``, ``103.13 billion``,
    ``5.638 billion kWh``, ``2/3``, ``9:45`` → 9.75), spelled numbers (``two``,
    ``twenty-three``, ``a hundred``, ``one million``), ordinals (``first``, ``2nd``,
    ``twelfth``), fractions (``half``, ``two thirds``), capitalised month names
    (``September`` → 9; ``May`` not at the start of a sentence)
    and words that imply a number (``twice``, ``double``, ``dozen``, ``centenary``…).
    A scale word with no number before it counts once (``trillion-yuan club`` → 1e12)."""
    values: list[float] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            values.extend(_spelled(run))
            run.clear()

    previous_end = 0
    for m in _EN_NUMBER.finditer(text):
        kind, gap_start, previous_end = m.lastgroup, previous_end, m.end()
        if kind is None:  # the end of the text
            break
        if kind != "word":
            end_run()
            if kind == "time":
                values.append(int(m.group("h")) + int(m.group("mi")) / 60 + int(m.group("s") or 0) / 3600)
                values.extend(float(m.group(g)) for g in ("h", "mi") if m.group(g))
            elif kind == "frac":
                num, den = int(m.group("num")), int(m.group("den"))
                values.extend([num, den] + ([num / den] if den else []))
            else:  # digits, with or without a scale word
                value = _arabic(m.group("digits"))
                values.append(value * _EN_SCALES[m.group("scale")] if m.group("scale") else value)
            continue
        word, start = m.group(kind), m.start(kind)
        lower = word.lower()
        if run and not _JOINER.fullmatch(text, gap_start, start):
            end_run()  # another word, or punctuation, came between
        if lower in _EN_FRACTIONS and run and (before := _WORD_VALUES.get(run[-1].lower())) and before[0] in ("small", "a"):
            numerator = _spelled(run[-1:])[0] if before[0] == "small" else 1
            values.append(numerator / _EN_FRACTIONS[lower])
            end_run()
            continue
        if lower in ("half", "halves"):
            values.append(0.5)
        if lower in _WORD_VALUES:
            run.append(word)
            continue
        end_run()
        if lower in _MONTHS and word[0].isupper() and (lower != "may" or not _sentence_start(text, start)):
            values.append(_MONTHS[lower])
        elif lower in _EN_IMPLIED:
            values.append(_EN_IMPLIED[lower])
    end_run()
    return [float(v) for v in values]


def _sentence_start(text: str, i: int) -> bool:
    return _SENTENCE_START.search(text, 0, i) is not None


class Values:
    """Candidate values (say, :func:`english_numbers` of a sentence) prepared once for many
    :func:`same_value` questions."""

    def __init__(self, candidates: Iterable[float]):
        self.pool = [abs(c) for c in candidates]
        self.exact = set(self.pool)


def same_value(zh: NumberMention, candidates: Iterable[float] | Values) -> bool:
    """Whether ``zh`` (value × scale; both ends of a range) is among ``candidates``.

    Signs are ignored (同比-2.4% is rightly "down 2.4%"); the comparison allows for
    floating-point noise only: the English must state the figure to the precision the
    Chinese gives it (1031.3亿 is 103.13 billion, not "about 103 billion").
    """
    values = candidates if isinstance(candidates, Values) else Values(candidates)

    def present(target: float) -> bool:
        target = abs(target)
        return target in values.exact or any(math.isclose(c, target, rel_tol=1e-9, abs_tol=1e-9) for c in values.pool)

    return present(zh.amount) and (zh.amount_max is None or present(zh.amount_max))


def describe(value: float) -> str:
    """A figure as an English reader expects it (103130000000 → ``103.13 billion``)."""
    value = abs(value)
    for word, factor in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if value >= factor:
            return f"{_plain(value / factor)} {word}"
    return _plain(value) if value < 10_000 else f"{value:,.10g}"


def _plain(value: float) -> str:
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text or "0"
