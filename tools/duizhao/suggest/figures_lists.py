"""Numbers written as lists, and spans, for the figures recommender (the annotation guideline):

- A、B、C分别增长9.1%、9.1%、10.0%: the n-th number belongs to the n-th name (:func:`respective_names`);
- 先后在2014年、2021年跃上3万亿元、4万亿元的台阶: the n-th number to the n-th year (:func:`listed_years`);
- 连续八年保持全省前三: the streak and the rank cover its span, 2012/2019 when it ends in 2019 (:func:`streak`).
"""

from __future__ import annotations

import re

from ..figures import cues
from ..numbers import NumberMention, parse_chinese_numeral
from .figures_context import Around

_FULL_STOP = re.compile(r"[。！？!?]")
_YEAR_LIST = re.compile(r"(?:19|20)\d{2}年(?:、(?:19|20)\d{2}年)+")


def lists(text: str, numbers: list[NumberMention]) -> dict[int, tuple[int, int, int]]:
    """Numbers written as a list (9.1%、9.1%、10.0%): index → (position, length, where the list starts)."""
    out: dict[int, tuple[int, int, int]] = {}
    run = [0]
    for i in range(1, len(numbers) + 1):
        if i < len(numbers) and text[numbers[i - 1].end:numbers[i].start] == "、":
            run.append(i)
            continue
        if len(run) > 1:
            out.update({j: (k, len(run), numbers[run[0]].start) for k, j in enumerate(run)})
        run = [i]
    return out


def respective_names(text: str, first: int) -> list[str] | None:
    """The names a 分别 list of numbers starting at ``first`` belongs to, in order: those
    before 分别 in its clause, else those of the last 分别 of its sentence (所占比重分别为…)."""
    before = text[:first]
    clause = cues.clause_before(before)
    if cues.RESPECTIVELY not in clause:
        return None
    names = cues.clause_before(clause[:clause.rindex(cues.RESPECTIVELY)]).split("、")
    if len(names) > 1:
        return names
    sentence = _FULL_STOP.split(before)[-1]
    for m in reversed(list(re.finditer(cues.RESPECTIVELY, sentence[:len(sentence) - len(clause)]))):
        names = cues.clause_before(sentence[:m.start()]).split("、")
        if len(names) > 1:
            return names
    return None


def listed_years(text: str, first: int, length: int) -> list[str] | None:
    """在2014年、2021年跃上3万亿元、4万亿元: the years of a list of numbers, in order."""
    for m in reversed(list(_YEAR_LIST.finditer(cues.clause_before(text[:first])))):
        years = re.findall(r"\d{4}", m.group())
        if len(years) == length:
            return years
    return None


def streak(a: Around, period: str | None, year_over: int | None = None) -> str | None:
    """The span of a streak that ends in ``period``: 连续八年 to 2019 → 2012/2019,
    连续两个月 to 2020-09 → 2020-08/2020-09 (None without a streak or an end); a streak of
    years ends at the latest in ``year_over``, the last year over at the document's date."""
    m = None
    for m in cues.STREAK.finditer(a.text, a.start_of(a.clause), a.number.end):
        pass
    if m is None or not period:
        return None
    n = int(m["n"]) if m["n"].isdigit() else int(parse_chinese_numeral(m["n"]) or 0)
    end = period.split("/")[-1]
    if n < 1:
        return None
    if m["unit"] == "年":
        last = min(int(end[:4]), year_over or int(end[:4]))
        return f"{last - n + 1}/{last}"
    if len(end) < 7:
        return None
    months = int(end[:4]) * 12 + int(end[5:7]) - 1 - (n - 1)
    return f"{months // 12:04d}-{months % 12 + 1:02d}/{end[:7]}"
