"""The gazetteer and figures recommenders and the period resolver, on real corpus sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest

from duizhao.figures import MEASURES, MODALITIES, QUALIFIERS, RANKABLE, UNITS
from duizhao.project import Project
from duizhao.suggest.dates import PeriodResolver, document_date, last_year_over, title_year, topic_year
from duizhao.numbers import find_numbers
from duizhao.suggest.figures import FiguresRecommender, places
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
    assert (figures["第1"].get("measure"), figures["第1"].get("rank_of")) == ("rank", "growth_yoy")
    power = dict(figures["56.38亿千瓦时"].fields)
    assert (power["value"], power["scale"], power["unit"], power["indicator"]) == (56.38, 1e8, "kwh", "industrial-electricity-consumption")
    assert dict(figures["-2.4%"].fields)["indicator"] == "industrial-tax-revenue"
    gap = dict(figures["16.7个百分点"].fields)
    assert (gap["unit"], gap["measure"], gap["benchmark"]) == ("percentage_point", "gap", "规上工业企业营业收入增速")
    exports = dict(figures["29.95亿美元"].fields)
    assert (exports["unit"], exports["scope"], exports["indicator"]) == ("usd", "luxshare", "exports")
    assert dict(figures["65.35%"].fields)["measure"] == "share"
    assert dict(figures["150亿元左右"].fields)["qualifier"] == "approx"
    assert dict(figures["近70亿元"].fields)["qualifier"] == "approx"
    assert dict(figures["90%以上"].fields)["qualifier"] == "at_least"


def test_figures_skip_numbers_in_names_dates_and_ordinals(project):
    quotes = set(_figures(project, "fx-newsletter-2020"))
    assert not {"5020", "1-9月", "9月底", "2019年", "2020年", "百亿"} & quotes
    assert not any("5020" in q for q in quotes)  # “5020”项目 is a term
    assert {"340个", "281.7亿元", "3389.6亿元"} <= quotes
    # the amount inside the term 亿元以上项目 is written with its unit: the class boundary is a figure
    assert _figures(project, "fx-newsletter-2020")["亿元以上"].get("modality") == "threshold"


def test_figures_scope_follows_the_subject(project):
    figures = _figures(project, "fx-presser-2024")
    # a provincial press conference held in Nanchang: 全省 is the default scope
    assert dict(figures["18071家"].fields)["scope"] == "jiangxi-province"
    assert dict(figures["5562.1亿元"].fields)["scope"] == "jiangxi-copper"
    assert dict(figures["5889.2亿元"].fields)["period"] == "2012"
    assert dict(figures["11180.7亿元"].fields)["period"] == "2023"


def test_the_place_a_rank_is_taken_in_is_not_its_scope(project):
    figures = _figures(project, "fx-interview-2021")
    # 总量列江西省第一，全国30强: Ji'an's industry ranks in Jiangxi and in China
    assert [figures[q].get("scope") for q in ("第一", "30强")] == ["jian-city", "jian-city"]


def test_figure_periods_skip_comparison_bases(project):
    figures = _figures(project, "fx-interview-2021")
    assert dict(figures["24.6%"].fields)["period"] == "2021-01/2021-04"
    # 比去年同期 is the basis, not the period: the 1-4月 of the paragraph before carries over
    assert dict(figures["0.4个百分点"].fields)["period"] == "2021-01/2021-04"


# One case of the annotation guideline per row: segment of fx-guideline-2024, quote, what the
# guideline codes (site/guide/annotation.md, figures contract v2).
GUIDELINE = [
    ("sign", "s002", "3.4%", {"value": -3.4, "measure": "growth_yoy"}),
    ("bounded fall", "s002", "超过10%", {"value": -10.0, "qualifier": "more_than", "measure": "growth_yoy"}),
    ("rank_of growth", "s002", "第2位", {"measure": "rank", "rank_of": "growth_yoy", "unit": "rank"}),
    ("gap to the average", "s002", "1个百分点", {"value": 1.0, "measure": "gap", "benchmark": "the provincial average"}),
    ("forecast", "s003", "11%", {"measure": "growth_yoy", "modality": "forecast", "period": "2024"}),
    ("target for an increase", "s003", "110家", {"measure": "change", "modality": "target", "unit": "enterprise"}),
    ("target carried to the next clause", "s003", "28家", {"measure": "change", "modality": "target"}),
    ("target for a stock", "s003", "4700个", {"measure": "level", "modality": "target", "unit": "base_station"}),
    ("threshold: class boundary", "s004", "亿元以上",
     {"value": 1.0, "scale": 1e8, "unit": "cny", "qualifier": "at_least", "modality": "threshold"}),
    ("the count of the class is actual", "s004", "350个", {"measure": "level", "modality": None}),
    ("threshold: 过N的", "s004", "过500亿元", {"qualifier": "more_than", "modality": "threshold"}),
    ("threshold: eligibility", "s004", "2000万元以上", {"qualifier": "at_least", "modality": "threshold"}),
    ("milestone", "s005", "3000亿元", {"qualifier": "at_least", "modality": None, "measure": "level", "period": "2019"}),
    ("streak", "s005", "八年", {"value": 8.0, "unit": "year", "measure": "duration", "period": "2012/2019"}),
    ("rank in a streak", "s005", "前三", {"qualifier": "at_most", "rank_of": "growth_yoy", "period": "2012/2019"}),
    ("explicit years in order", "s006", "3万亿元", {"qualifier": "at_least", "period": "2014", "scope": "jiangxi-province"}),
    ("explicit years in order", "s006", "4万亿元", {"qualifier": "at_least", "period": "2021"}),
    ("per-item average", "s007", "810万元", {"measure": "average", "per": "enterprise", "indicator": "r-and-d-expenditure"}),
    ("per-project average", "s007", "50万元左右", {"measure": "average", "per": "project", "qualifier": "approx"}),
    ("bound", "s008", "低于1毫秒", {"value": 1.0, "unit": "ms", "qualifier": "less_than"}),
    ("range", "s008", "30-70毫秒", {"value": 30.0, "value_max": 70.0, "qualifier": "range"}),
    ("gap below a benchmark", "s009", "3.8个百分点", {"value": -3.8, "measure": "gap", "benchmark": "全部投资增速"}),
    ("gap to the plan", "s009", "40个", {"value": 40.0, "measure": "gap", "benchmark": "the annual plan", "modality": None}),
    ("forecast gap to the target", "s009", "150亿元左右",
     {"value": -150.0, "measure": "gap", "modality": "forecast", "benchmark": "the target set at the start of the year"}),
    ("分别 list, first", "s010", "9.1%", {"indicator": "strategic-emerging-industries-value-added", "measure": "growth_yoy"}),
    ("分别 list, last", "s010", "10.0%", {"indicator": "equipment-manufacturing-value-added"}),
    ("分别 list of shares", "s010", "39.5%", {"indicator": "high-tech-industries-value-added", "measure": "share"}),
    ("explicit year since", "s011", "49.6%", {"measure": "share", "period": "2023/2024-08-06"}),
    ("rank_of share", "s011", "第1", {"rank_of": "share"}),
    ("rank_of level", "s011", "第12位", {"rank_of": "level"}),
]


@pytest.fixture(scope="module")
def guideline(project) -> list:
    doc = project.documents["fx-guideline-2024"]
    return FiguresRecommender(Lexicon.of(project), project.registry("indicators")).propose(doc), doc


def _found(guideline, segment: str, quote: str, nth: int = 0):
    proposals, doc = guideline
    text = doc.segment_index[segment].zh
    hits = [p for p in proposals if p.segment == segment and text[p.start:p.end] == quote]
    assert hits, f"no figure {quote!r} proposed in {segment}"
    return hits[nth]


@pytest.mark.parametrize("case, segment, quote, expected", GUIDELINE, ids=[f"{c[0]}: {c[2]}" for c in GUIDELINE])
def test_figures_follow_the_annotation_guideline(guideline, case, segment, quote, expected):
    figure = _found(guideline, segment, quote)
    assert {key: figure.get(key) for key in expected} == expected


def test_respective_lists_map_names_to_numbers_in_order(guideline):
    second = _found(guideline, "s010", "9.1%", 1)
    assert second.get("indicator") == "high-tech-industries-value-added"
    shares = [_found(guideline, "s010", q).get("indicator") for q in ("28.1%", "39.5%", "31.6%")]
    assert shares == ["strategic-emerging-industries-value-added", "high-tech-industries-value-added",
                      "equipment-manufacturing-value-added"]


def test_every_proposal_speaks_the_vocabulary_of_contract_v2(project):
    rec = FiguresRecommender(Lexicon.of(project), project.registry("indicators"))
    figures = [p for doc in project.documents.values() for p in rec.propose(doc)]
    assert figures
    for p in figures:
        f = dict(p.fields)
        assert f["measure"] in MEASURES and f["measure"] != "target"  # a target is a modality
        assert f.get("modality", "actual") in MODALITIES and f["unit"] in UNITS and f["qualifier"] in QUALIFIERS
        assert ("rank_of" in f) == (f["measure"] == "rank") and f.get("rank_of", "level") in RANKABLE
        assert ("benchmark" in f) == (f["measure"] == "gap") and ("per" in f) == (f["measure"] == "average")
        assert f.get("modality") != "actual"  # the default is left out


def test_an_undated_document_gets_periods_only_from_its_text(tmp_path):
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    path = root / "corpus" / "fx-guideline-2024.xml"
    path.write_text(re.sub(r'<date when="[^"]*">[^<]*</date>', "<date/>", path.read_text(encoding="utf-8")), encoding="utf-8")
    project = Project(root)
    doc = project.documents["fx-guideline-2024"]
    assert doc.date is None
    periods = {doc.segment_index[p.segment].zh[p.start:p.end]: p.get("period")
               for p in FiguresRecommender(Lexicon.of(project), project.registry("indicators")).propose(doc)}
    # written years stay; nothing is dated from today: 1-4月, 全年, 2023年以来 need the document's date
    assert (periods["3万亿元"], periods["4万亿元"], periods["八年"], periods["810万元"]) == ("2014", "2021", "2012/2019", "2023")
    assert periods["24.6%"] is None and periods["11%"] is None and periods["49.6%"] is None
    assert str(date.today().year) not in {p for p in periods.values() if p}


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
    ("“十三五”以来", "2016/2020-11"),
    ("截至2020年", "2020-12"),  # a stock as of a year: at its end
    ("到2025年", "2025"),  # a target year
    ("2019—2021年度", "2019/2021"),
    ("近三年", "2017/2019"),  # the three years before the document's
    ("截止9月底", "2020-09"),  # a stock at the end of a month: that month (guideline)
    ("2020年底", "2020-12"),
    ("目前", "2020-11"),  # the document's month
    ("年内", "2020"),
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


def test_a_header_date_range_gives_what_its_ends_share(project, tmp_path):
    doc = project.documents["fx-newsletter-2020"]
    assert document_date(doc) == "2020-11-09" and last_year_over("2020-11-09") == 2019
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    path = root / "corpus" / "fx-newsletter-2020.xml"
    for low, high, known in (("2020-11-01", "2020-11-30", "2020-11"), ("2020-10-01", "2020-12-31", "2020"),
                             ("2020-12-01", "2021-01-31", None)):
        text = re.sub(r'<date when="2020-11-09">', f'<date notBefore="{low}" notAfter="{high}">', doc_text := (
            FIXTURES / "suggest" / "corpus" / "fx-newsletter-2020.xml").read_text(encoding="utf-8"))
        assert text != doc_text
        path.write_text(text, encoding="utf-8")
        assert document_date(Project(root).documents["fx-newsletter-2020"]) == known


def test_a_streak_of_years_ends_with_the_last_year_over(project):
    figures = _figures(project, "fx-interview-2021")  # 2021-05-25: 连续9年 and 连续7年 run to 2020
    assert figures["9年"].get("period") == "2012/2020" and figures["前3"].get("period") == "2012/2020"
    assert figures["7年"].get("measure") == "duration"


def test_a_fraction_is_a_ratio_and_a_target_reached_stays_a_target(tmp_path):
    text = "1-11月，全市已清理民营企业账款1.70亿元，清偿进度为78.82%，已完成年底前清偿2/3以上的目标任务。"
    rec, doc = _one_paragraph(tmp_path, text)
    figures = _by_quote(rec.propose(doc), doc)
    fraction = figures["2/3以上"]
    assert (fraction.get("unit"), fraction.get("measure"), fraction.get("qualifier"), fraction.get("modality")) == (
        "ratio", "ratio", "at_least", "target")
    assert figures["78.82%"].get("modality") is None  # the actual repayment rate


def _one_paragraph(tmp_path, text: str, indicators: tuple = ()):
    """The recommender (with ``indicators`` added to the registry) and a copy of
    fx-newsletter-2020 whose s003 is ``text``."""
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    path = root / "corpus" / "fx-newsletter-2020.xml"
    path.write_text(re.sub(r'(<p xml:id="s003">)[^<]*', lambda m: m.group(1) + text, path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    project = Project(root)
    doc = project.documents["fx-newsletter-2020"]
    return FiguresRecommender(Lexicon.of(project), [*project.registry("indicators"), *indicators]), doc


def test_an_indicator_of_new_things_is_a_level_but_a_forecast_of_an_increase_a_change(tmp_path):
    new = {"id": "new-enterprises-above-designated-size", "zh": "新增规模以上工业企业", "variants": ["新增规上企业"],
           "unit": "enterprise"}
    rec, doc = _one_paragraph(tmp_path, "1-11月新增规上企业102家，预计全年新增200家。", (new,))
    figures = _by_quote(rec.propose(doc), doc)
    assert (figures["102家"].get("measure"), figures["102家"].get("indicator")) == ("level", new["id"])
    assert (figures["200家"].get("measure"), figures["200家"].get("modality")) == ("change", "forecast")


def test_ratings_enumerations_and_time_phrases_are_not_figures(tmp_path):
    text = "培育了12个省级产业集群，其中：五星级1个、四星级3个；深入实施十大攻坚行动；全省拥有三年有效期内创新型中小企业8187家。"
    rec, doc = _one_paragraph(tmp_path, text)
    quotes = set(_by_quote(rec.propose(doc), doc))
    assert {"12个", "1个", "3个", "8187家"} <= quotes
    assert not {"五星", "四星", "十大", "三年"} & quotes


def test_a_rank_is_taken_among_the_place_named_before_it(project, guideline):
    rec = FiguresRecommender(Lexicon.of(project), project.registry("indicators"))
    doc = project.documents["fx-guideline-2024"]
    where = places(doc, rec.lexicon)
    among = {}
    for seg in doc.segments:
        for n in find_numbers(seg.zh):
            if n.unit == "rank":
                among[n.text] = rec.rank_among(seg.zh, n, rec.lexicon.longest_leftmost(seg.zh), where)
    assert among == {"第2位": "jiangxi-province", "前三": "jiangxi-province", "第1": "jiangxi-province",
                     "第12位": "china"}
    interview = project.documents["fx-interview-2021"]
    text = interview.segment_index["s002"].zh  # 总量列江西省第一，全国30强
    first = next(n for n in find_numbers(text) if n.text == "第一")
    assert rec.rank_among(text, first, rec.lexicon.longest_leftmost(text), places(interview, rec.lexicon)) == "jiangxi-province"
