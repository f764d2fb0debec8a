"""The gazetteer and figures recommenders and the period resolver, on real corpus sentences."""

from __future__ import annotations

import pytest

from duizhao.project import Project
from duizhao.suggest.dates import PeriodResolver, title_year, topic_year
from duizhao.suggest.figures import FiguresRecommender
from duizhao.suggest.gazetteer import GazetteerRecommender
from duizhao.suggest.lexicon import Lexicon

from conftest import FIXTURES, build_project


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    return Project(build_project(tmp_path_factory.mktemp("suggest") / "p", FIXTURES / "suggest"))


def _by_quote(proposals, doc):
    return {doc.segment_index[p.segment].zh[p.start:p.end]: p for p in proposals}


def _figures(project, doc_id: str) -> dict:
    """The figures recommender's proposals for a document, by quoted text."""
    doc = project.documents[doc_id]
    return _by_quote(FiguresRecommender(Lexicon.of(project), project.registry("indicators")).propose(doc), doc)


# -- gazetteer ---------------------------------------------------------------------------
def test_gazetteer_longest_leftmost_on_a_real_sentence(project):
    doc = project.documents["fx-newsletter-2020"]
    rec = GazetteerRecommender(Lexicon.of(project))
    found = [(doc.segment_index[p.segment].zh[p.start:p.end], p.label) for p in rec.propose(doc) if p.segment == "s003"]
    # 产业链链长制 (a variant) wins over the 链长制 inside it; 规上企业 inside 新增规上企业 counts
    assert ("产业链链长制", "chain-chief-system") in found
    assert ("链长制", "chain-chief-system") not in found
    assert ("规上企业", "enterprises-above-designated-size") in found
    assert ("立讯智造", "luxshare") in found and ("“5020”项目", "project-5020") in found


def test_gazetteer_finds_every_occurrence_and_aliases(project):
    doc = project.documents["fx-interview-2021"]
    props = [p for p in GazetteerRecommender(Lexicon.of(project)).propose(doc) if p.label == "jian-city"]
    text = doc.segment_index["s002"].zh
    assert [text[p.start:p.end] for p in props if p.segment == "s002"] == ["吉安", "吉安"]
    assert len({(p.start, p.end) for p in props}) == len(props)


def test_gazetteer_without_an_entity_no_longer_finds_it(project):
    doc = project.documents["fx-presser-2024"]
    lexicon = Lexicon.of(project)
    assert any(p.label == "jiangxi-copper" for p in GazetteerRecommender(lexicon).propose(doc))
    assert not any(p.label == "jiangxi-copper" for p in GazetteerRecommender(lexicon.without(["jiangxi-copper"])).propose(doc))


# -- figures -----------------------------------------------------------------------------
def test_figures_on_the_newsletter_paragraph(project):
    figures = _figures(project, "fx-newsletter-2020")
    growth = dict(figures["3.6%"].fields)
    assert growth == {"value": 3.6, "unit": "percent", "scale": 1.0, "qualifier": "exact",
                      "indicator": "industrial-value-added", "measure": "growth_yoy",
                      "scope": "jian-city", "period": "2020-01/2020-09"}
    assert dict(figures["第1"].fields)["measure"] == "rank"
    power = dict(figures["56.38亿千瓦时"].fields)
    assert (power["value"], power["scale"], power["unit"], power["indicator"]) == (56.38, 1e8, "kwh", "industrial-electricity-consumption")
    assert dict(figures["-2.4%"].fields)["indicator"] == "industrial-tax-revenue"
    gap = dict(figures["16.7个百分点"].fields)
    assert (gap["unit"], gap["measure"]) == ("percentage_point", "change")
    exports = dict(figures["29.95亿美元"].fields)
    assert (exports["unit"], exports["scope"], exports["indicator"]) == ("usd", "luxshare", "exports")
    assert dict(figures["65.35%"].fields)["measure"] == "share"
    assert dict(figures["150亿元左右"].fields)["qualifier"] == "approx"
    assert dict(figures["近70亿元"].fields)["qualifier"] == "approx"
    assert dict(figures["90%以上"].fields)["qualifier"] == "at_least"


def test_figures_skip_numbers_in_names_dates_and_ordinals(project):
    quotes = set(_figures(project, "fx-newsletter-2020"))
    assert not {"5020", "1-9月", "9月底", "2019年", "2020年", "百亿", "亿元以上"} & quotes
    assert not any("5020" in q for q in quotes)  # “5020”项目 is a term
    assert {"340个", "281.7亿元", "3389.6亿元"} <= quotes


def test_figures_scope_follows_the_subject(project):
    figures = _figures(project, "fx-presser-2024")
    # a provincial press conference held in Nanchang: 全省 is the default scope
    assert dict(figures["18071家"].fields)["scope"] == "jiangxi-province"
    assert dict(figures["5562.1亿元"].fields)["scope"] == "jiangxi-copper"
    assert dict(figures["5889.2亿元"].fields)["period"] == "2012"
    assert dict(figures["11180.7亿元"].fields)["period"] == "2023"


def test_figure_periods_skip_comparison_bases(project):
    figures = _figures(project, "fx-interview-2021")
    assert dict(figures["24.6%"].fields)["period"] == "2021-01/2021-04"
    # 比去年同期 is the basis, not the period: the 1-4月 of the paragraph before carries over
    assert dict(figures["0.4个百分点"].fields)["period"] == "2021-01/2021-04"


# -- periods -----------------------------------------------------------------------------
@pytest.mark.parametrize("expression, period", [
    ("1-9月", "2020-01/2020-09"),
    ("前三季度", "2020-01/2020-09"),
    ("上半年", "2020-01/2020-06"),
    ("一季度", "2020-01/2020-03"),
    ("全年", "2020"),
    ("今年", "2020"),
    ("去年", "2019"),
    ("2019年", "2019"),
    ("“十三五”期间", "2016/2020"),
    ("“十三五”以来", "2016/2020-11-09"),
    ("截至2020年", "2020"),
    ("截止9月底", "2020-09-30"),
    ("2019年以来", "2019/2020-11-09"),
    ("1-11月", "2019-01/2019-11"),  # a report of 9 November cannot have January-November yet
    ("去年1-9月", "2019-01/2019-09"),
    ("10月29日", "2020-10-29"),
])
def test_period_expressions(expression, period):
    found = PeriodResolver("2020-11-09").expressions(expression)
    assert [(f.start, f.end, f.period) for f in found] == [(0, len(expression), period)]


def test_period_year_comes_from_the_title_of_an_annual_review():
    titles = {"zh": "——2022年宜春市先进制造业强市推动工业高质量发展综述"}
    assert title_year(titles) == 2022 and topic_year("2023-01-01", titles) == 2022
    assert PeriodResolver("2023-01-01", 2022).expressions("全年")[0].period == "2022"


def test_period_of_a_figure_ignores_since_expressions_of_earlier_sentences():
    text = "上半年,增加值增长8.8%,是2020年以来最好排位。营业收入增长5.9%"
    resolver = PeriodResolver("2024-08-06")
    assert resolver.before(text, text.index("8.8")) == "2024-01/2024-06"
    assert resolver.before(text, text.index("5.9")) == "2024-01/2024-06"
