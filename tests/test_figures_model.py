"""Figures contract v2: the vocabulary module and the JSON Schemas agree; intervals read signs right."""

import json
from pathlib import Path

import pytest

from duizhao.figures import interval, vocabulary
from duizhao.figures.interval import Interval

SCHEMA = Path(__file__).resolve().parents[1] / "annotations" / "schema"


def _annotation_properties():
    return json.loads((SCHEMA / "annotations.schema.json").read_text("utf-8"))["definitions"]["annotation"]["properties"]


@pytest.mark.parametrize("key, values", [
    ("unit", vocabulary.UNITS), ("measure", vocabulary.MEASURES), ("modality", vocabulary.MODALITIES),
    ("qualifier", vocabulary.QUALIFIERS), ("rank_of", vocabulary.RANKABLE),
])
def test_the_annotation_schema_lists_exactly_the_vocabulary(key, values):
    assert _annotation_properties()[key]["enum"] == list(values)


def test_the_indicator_schema_allows_exactly_the_figure_units():
    schema = json.loads((SCHEMA / "indicators.schema.json").read_text("utf-8"))
    assert schema["properties"]["indicators"]["items"]["properties"]["unit"]["enum"] == list(vocabulary.UNITS)


def test_every_rankable_measure_is_a_measure():
    assert set(vocabulary.RANKABLE) <= set(vocabulary.MEASURES)


@pytest.mark.parametrize("value, value_max, scale, qualifier, unit, expected", [
    (3.6, None, 1, "exact", "percent", Interval(3.6, 3.6)),
    (-10, None, 1, "more_than", "percent", Interval(None, -10, high_closed=False)),  # 降幅超过10%: a fall larger than 10
    (-95, None, 1, "at_least", "percent", Interval(None, -95)),                       # 下滑95%以上
    (10, None, 1, "more_than", "percent", Interval(10, None, low_closed=False)),
    (5, None, 1, "less_than", "percent", Interval(0, 5, high_closed=False)),          # 不足5%
    (-2, None, 1, "at_most", "percentage_point", Interval(-2, 0)),
    (3, None, 1, "at_most", "rank", Interval(1, 3)),                                   # 全省前三
    (30, 70, 1, "range", "ms", Interval(30, 70)),
    (1031.3, None, 1e8, "approx", "cny", Interval(103130000000, 103130000000)),
    (-3, -5, 1, "range", "percent", Interval(-5, -3)),
])
def test_an_interval_bounds_the_signed_scaled_statistic(value, value_max, scale, qualifier, unit, expected):
    assert interval.bounds(value, value_max, scale, qualifier, unit) == expected


def test_an_interval_prints_as_a_reader_expects():
    assert str(Interval(None, -10, high_closed=False)) == "(−∞, -10)"
    assert str(Interval(1, 3)) == "[1, 3]"
    assert str(Interval(3.6, 3.6)) == "3.6"


def _figure(**values):
    from types import SimpleNamespace

    fields = dict.fromkeys(("value", "value_max", "scale", "qualifier", "unit", "measure", "modality", "rank_of",
                            "rank_among", "per", "benchmark", "scope", "period"))
    return SimpleNamespace(**{**fields, **values})


def test_a_figure_reads_in_words_with_its_sign_scale_and_modality():
    assert interval.reading(_figure(value=3.6, unit="percent", measure="growth_yoy", scope="jian-city",
                                    period="2020-01/2020-09")) == "+3.6 % year on year, jian-city, 2020-01/2020-09, actual"
    assert interval.reading(_figure(value=5889.2, scale=1e8, unit="cny", measure="level")) == "588.92 billion yuan, actual"
    assert interval.reading(_figure(value=-10, qualifier="more_than", unit="percent", measure="growth_yoy",
                                    modality="forecast")) == "a fall of more than 10 % year on year, forecast"
    assert interval.reading(_figure(value=2, unit="rank", measure="rank", rank_of="growth_yoy",
                                    rank_among="jiangxi-province"), name=str.upper) == \
        "rank 2 by year-on-year growth among JIANGXI-PROVINCE, actual"
