"""The figures vocabulary: what each attribute of a figure annotation may say, and what it means.

The annotation schema (``annotations/schema/annotations.schema.json``) lists the same values;
``tests/test_figures_model.py`` fails when the two disagree. The meanings are the ones the
annotation guideline (``site/guide/annotation.md``) explains with examples.
"""

from __future__ import annotations

import math

UNITS: dict[str, str] = {
    "percent": "a percentage (3.6 for 3.6%)",
    "percentage_point": "a difference of percentages (个百分点)",
    "cny": "yuan (renminbi)",
    "usd": "US dollars",
    "count": "a number of things (个, 家, 项 …)",
    "item": "a number of items (项)",
    "enterprise": "a number of enterprises (家, 户)",
    "project": "a number of projects (个, 项)",
    "base_station": "a number of base stations (个, 座)",
    "person": "a number of people (人, 名, 位)",
    "person_time": "visits or attendances (人次)",
    "rank": "a place in an ordering (第2位, 前三)",
    "times": "a multiple (倍)",
    "ratio": "a plain ratio (2/3)",
    "yuan_per_100_yuan": "yuan per 100 yuan of revenue (每百元)",
    "kwh": "kilowatt-hours",
    "m2": "square metres",
    "km2": "square kilometres",
    "device_per_km2": "devices per square kilometre",
    "ms": "milliseconds",
    "day": "days",
    "month": "months",
    "year": "years",
}

MEASURES: dict[str, str] = {
    "level": "a level or stock: how much or how many (at a date, or over a period)",
    "growth_yoy": "growth rate on the same period of the year before (同比)",
    "growth": "growth rate on another base (a multi-year span, an annual average, a month on month)",
    "change": "change over time in the unit of the level (新增28家, 提高2个百分点)",
    "gap": "difference to a named benchmark (高于全省平均1.5个百分点, 差欠目标150亿元)",
    "share": "a part as a percentage of a whole (占…比重)",
    "rank": "a place in an ordering; rank_of says what is ranked, rank_among among whom",
    "average": "a per-item figure (户均, 平均每家); per says per what",
    "ratio": "a ratio of two quantities that is not a share (每百元营业收入中的成本)",
    "duration": "a length of time: a streak (连续八年) or a time taken (用时3年)",
}

MODALITIES: dict[str, str] = {
    "actual": "it happened (or was measured): the default",
    "forecast": "expected, not yet measured (预计, 有望, 将达, 可望)",
    "target": "a goal set by someone (目标, 力争, 确保, 计划, 要)",
    "threshold": "a class boundary or an eligibility criterion (亿元以上项目, 过500亿元的企业)",
}

QUALIFIERS: dict[str, str] = {
    "exact": "the value as written",
    "approx": "about the value (约, 近, 左右)",
    "at_least": "the magnitude is the value or more (以上, 不低于, 至少)",
    "more_than": "the magnitude is larger than the value (超过, 逾, 多, 余, 突破)",
    "at_most": "the magnitude is the value or less (以下, 以内, 不超过, 前N)",
    "less_than": "the magnitude is smaller than the value (不足, 不到, 低于)",
    "range": "between value and value_max (30-70毫秒)",
}

# what a rank may rank (rank_of): the measures of a ranked quantity
RANKABLE = ("level", "growth_yoy", "growth", "change", "share", "average", "ratio")

# attributes each measure requires, and which it alone may carry
MEASURE_REQUIRES: dict[str, tuple[str, ...]] = {"rank": ("rank_of", "rank_among"), "gap": ("benchmark",),
                                                 "average": ("per",)}
UNBOUNDED_ABOVE = ("more_than", "at_least")
UNBOUNDED_BELOW = ("less_than", "at_most")

# two numbers are the same figure when they agree to this relative tolerance
REL_TOL, ABS_TOL = 1e-9, 1e-12


def close(a: float, b: float) -> bool:
    """Whether ``a`` and ``b`` are the same number for a figure (the one tolerance)."""
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def default_modality(modality: str | None) -> str:
    """The modality a figure has when the annotation leaves it out."""
    return modality or "actual"
