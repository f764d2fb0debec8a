"""The annotation loader, name matching, periods and pinyin that checks, exports and the site share."""

from __future__ import annotations

from datetime import date

import pytest

from duizhao import annotations
from duizhao.names import Matcher
from duizhao.periods import parse_period
from duizhao.pinyin import pinyin
from duizhao.project import Project


def test_records_are_typed_and_know_their_place(project_dir):
    index = annotations.load(Project(project_dir))
    [f] = index.files
    assert f.doc == f.document == "mini-news-2020" and f.position("document") == (2, 1)
    first = f.annotations[0]
    assert (first.id, first.type, first.value, first.scale, first.unit) == ("mini-news-2020.a0001", "figure", 3.6, 1.0, "percent")
    assert (first.line, first.col) == (5, 5) and first.position("quote") == (8, 5) and first.position("nope") == (5, 5)
    assert index.span(first) == (14, 20) and index.segment(first).zh[14:20] == "增长3.6%"
    assert first.type_fields()["period"] == "2020-01/2020-09" and "term" not in first.type_fields()


def test_wrong_types_are_read_as_none_not_crashes(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("quote: 增长3.6%", "quote: [增长3.6%]").replace("value: 3.6", "value: '3.6'"), encoding="utf-8")
    index = annotations.load(Project(project_dir))
    first = index.files[0].annotations[0]
    assert first.quote is None and first.value is None and index.resolution(first) is None


def test_unreadable_file_gives_no_records(project_dir):
    (project_dir / "annotations" / "mini-news-2020.yaml").write_text("document: [\n", encoding="utf-8")
    f = annotations.load(Project(project_dir)).files[0]
    assert f.annotations == [] and f.problem is not None and f.problem.code == "Y001"


def test_counts_by_type_and_status(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: accepted\n    source: manual\n    entity",
                                                             "status: proposed\n    source: gazetteer\n    entity"), encoding="utf-8")
    assert annotations.counts(Project(project_dir)) == {
        "mini-news-2020": {"entity": {"proposed": 1}, "figure": {"accepted": 1}, "term": {"accepted": 2}},
    }


def test_normalised_value_is_exact_in_decimal(project_dir):
    ann = annotations.load(Project(project_dir)).files[0].annotations[0]
    from dataclasses import replace
    assert replace(ann, value=1031.3, scale=1e8).normalised == 103130000000
    assert replace(ann, value=1.08, scale=1e12).normalised == 1080000000000
    assert replace(ann, value=3.6, scale=None).normalised == 3.6


def test_names_longest_match_counts_ordinary_words_but_not_registered_ones():
    matcher = Matcher.from_registries(
        [{"id": "chain-chief-system", "zh": "链长制"}, {"id": "chain-chief", "zh": "链长"},
         {"id": "above-size", "zh": "规上企业", "variants": ["规模以上企业"]}],
        [{"id": "jian-hitech-zone", "zh": "吉安高新区"}],
    )
    text = "推行链长制，各链长牵头，新增规上企业数增长，吉安高新区"
    found = [(m.form, m.refs) for m in matcher.find(text)]
    assert found == [("链长制", (("term", "chain-chief-system"),)), ("链长", (("term", "chain-chief"),)),
                     ("规上企业", (("term", "above-size"),)), ("吉安高新区", (("entity", "jian-hitech-zone"),))]
    nested = [m for m in matcher.find(text, nested=True) if m.inside]
    assert [(m.form, m.start) for m in nested] == [("链长", 2)]


@pytest.mark.parametrize("text,start,end", [
    ("2020", date(2020, 1, 1), date(2020, 12, 31)),
    ("2020-02", date(2020, 2, 1), date(2020, 2, 29)),
    ("2020-01/2020-09", date(2020, 1, 1), date(2020, 9, 30)),
    ("2016/2020", date(2016, 1, 1), date(2020, 12, 31)),
    ("2020-11-09", date(2020, 11, 9), date(2020, 11, 9)),
])
def test_periods(text, start, end):
    p = parse_period(text)
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize("text,reason", [
    ("2020-13", "month 13"), ("2021-02-29", "day 29"), ("2020-09/2020-01", "before it starts"),
    ("2020/", "neither"), ("20-01", "not an ISO date"), ("2020/2021/2022", "neither"),
])
def test_bad_periods_say_why(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_period(text)


@pytest.mark.parametrize("zh,expected", [
    ("规模以上工业增加值", "guīmó yǐshàng gōngyè zēngjiāzhí"),
    ("吉安", "jí'ān"),
    ("链长", "liànzhǎng"),
    ("“5020”项目", "“5020” xiàngmù"),
    ('"1+4+N"产业格局', '"1+4+N" chǎnyè géjú'),
])
def test_pinyin_is_derived_with_tone_marks_and_words(zh, expected):
    assert pinyin(zh) == expected
