"""``duizhao evaluate``: matching, counts and the published report."""

from __future__ import annotations

import json

import pytest

from lxml import html as lxml_html

from duizhao.cli import main
from duizhao.site import evaluation as evaluation_page
from duizhao.site import i18n
from duizhao.site.render import environment
from duizhao.suggest.attributes import ATTRIBUTES, AttributeScores
from duizhao.suggest.base import Proposal
from duizhao.suggest.evaluation import Counts, match, render_text
from duizhao.suggest.gold import Gold
from duizhao.suggest.report import read

from conftest import FIXTURES, build_project


def test_counts():
    c = Counts(tp=8, fp=2, fn=8)
    assert (c.precision, c.recall) == (0.8, 0.5) and round(c.f1, 4) == 0.6154
    assert Counts().precision is None and Counts(fn=3).f1 is None


def test_match_terms_and_entities_exactly():
    gold = [Gold("entity", "s002", 0, 2, "jian-city"), Gold("entity", "s002", 5, 9, "luxshare")]
    proposals = [Proposal.make("entity", "s002", 0, 2, entity="jian-city"),
                 Proposal.make("entity", "s002", 5, 9, entity="holitech"),  # wrong id
                 Proposal.make("entity", "s003", 0, 2, entity="jian-city")]  # not in the gold
    counts, pairs = match(proposals, gold, "entity")
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 1) and len(pairs) == 1


def test_match_figures_by_overlap_and_amount():
    gold = [Gold("figure", "s002", 10, 17, 3.6, {"value": 3.6, "scale": 1}),  # 增长3.6%
            Gold("figure", "s002", 30, 39, 1031.3, {"value": 1031.3, "scale": 1e8})]
    proposals = [Proposal.make("figure", "s002", 12, 16, value=3.6, scale=1.0, unit="percent"),
                 Proposal.make("figure", "s002", 30, 39, value=103.13, scale=1e9, unit="cny"),  # same amount
                 Proposal.make("figure", "s002", 40, 44, value=17, scale=1, unit="count")]
    counts, _ = match(proposals, gold, "figure")
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 0)


def test_a_wrong_sign_is_a_wrong_value_not_a_missed_figure():
    gold = [Gold("figure", "s003", 10, 14, -3.4, {"value": -3.4, "scale": 1, "unit": "percent", "measure": "growth_yoy"})]
    proposal = Proposal.make("figure", "s003", 10, 14, value=3.4, scale=1.0, unit="percent", measure="growth_yoy")
    counts, pairs = match([proposal], gold, "figure")
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)
    scores = AttributeScores()
    for p, g in pairs:
        scores.add(p, g)
    report = scores.report()
    assert (report["value"]["right"], report["value"]["total"]) == (0, 1)
    assert report["unit"]["accuracy"] == report["measure"]["accuracy"] == 1.0


def test_attributes_are_scored_with_their_defaults_and_where_stated():
    gold = Gold("figure", "s1", 0, 4, 2, {"value": 2, "unit": "rank", "measure": "rank", "rank_of": "growth_yoy",
                                          "modality": "actual"})
    scores = AttributeScores()
    scores.add(Proposal.make("figure", "s1", 0, 4, value=2, scale=1.0, unit="rank", qualifier="exact", measure="rank",
                             rank_of="level"), gold)
    report = scores.report()
    assert list(report) == list(ATTRIBUTES)  # the contract's order
    assert report["modality"]["accuracy"] == 1.0 and report["modality"]["stated"] == 0  # actual = left out
    assert report["scale"]["accuracy"] == report["qualifier"]["accuracy"] == 1.0  # 1 and exact are the defaults
    assert (report["rank_of"]["accuracy"], report["rank_of"]["stated"]) == (0.0, 1)
    assert report["per"] == {"accuracy": 1.0, "right": 1, "total": 1, "stated_accuracy": None,
                             "stated_right": 0, "stated": 0}


def test_evaluate_rule_recommenders_on_the_fixture(tmp_path, capsys):
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    assert main(["--root", str(root), "evaluate", "-r", "gazetteer", "-r", "figures"]) == 0
    out = capsys.readouterr().out
    assert "gazetteer" in out and "figures target" in out
    report = json.loads((root / "build" / "evaluation.json").read_text(encoding="utf-8"))
    assert set(report["documents"]) == {"fx-newsletter-2020", "fx-interview-2021", "fx-presser-2024", "mini-news-2020"}
    entity = report["results"]["gazetteer"]["entity"]
    assert entity["fp"] >= 1  # 中国 in 中国稀土集团, rejected by the reviewer
    assert entity["fn"] >= 1  # 江西省 inside the regulations' title, added by hand
    figure = report["results"]["figures"]["figure"]
    assert figure["fp"] >= 1  # 500强 (in 世界500强, a name) was rejected
    assert 0 < figure["precision"] < 1 and figure["recall"] > 0.9
    assert report["figures_target"]["recall"] == 0.95
    attributes = report["figure_attributes"]
    assert list(attributes) == list(ATTRIBUTES)
    assert all(a["total"] == figure["tp"] for a in attributes.values())  # scored on every matched figure
    # the v2 gold of the fixture states modalities, ranks, benchmarks: the table is not "both left it out"
    assert all(attributes[name]["stated"] > 0 for name in ("modality", "rank_of", "benchmark"))
    assert "stated acc." in render_text(report) and "rank_of" in render_text(report)
    assert {f["document"] for f in report["folds"]} == set(report["documents"])
    assert render_text(report).splitlines()[0].startswith("leave-one-document-out over 4 documents")


def test_the_report_knows_whether_it_describes_the_files_beside_it(tmp_path):
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    assert read(root).status == "missing"
    assert main(["--root", str(root), "evaluate", "-r", "gazetteer"]) == 0
    published = read(root)
    assert published.status == "current" and published.report["results"]["gazetteer"]
    yaml_file = root / "annotations" / "mini-news-2020.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8") + "# one more comment\n", encoding="utf-8")
    assert read(root).status == "stale"


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not a JSON evaluation report"),
    ('{"results": {}}', "needs generated, documents, results"),
    ("[1, 2]", "needs generated, documents, results"),
])
def test_an_unreadable_report_is_reported_not_raised(tmp_path, content, problem):
    root = build_project(tmp_path / "p")
    (root / "build").mkdir()
    (root / "build" / "evaluation.json").write_text(content, encoding="utf-8")
    published = read(root)
    assert published.status == "unreadable" and problem in published.problem and published.report is None


def test_evaluate_without_gold_is_a_usage_error(tmp_path, capsys):
    root = build_project(tmp_path / "p")
    (root / "annotations" / "mini-news-2020.yaml").unlink()
    assert main(["--root", str(root), "evaluate", "-r", "gazetteer"]) == 2
    assert "no accepted annotations" in capsys.readouterr().err


@pytest.mark.slow
def test_evaluate_stanza_leave_one_document_out(tmp_path):
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    out = tmp_path / "evaluation.json"
    assert main(["--root", str(root), "evaluate", "-r", "stanza", "-r", "gazetteer", "--steps", "40",
                 "--format", "json", "-o", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    stanza = report["results"]["stanza"]["entity"]
    assert stanza["tp"] + stanza["fn"] == report["results"]["gazetteer"]["entity"]["tp"] + report["results"]["gazetteer"]["entity"]["fn"]
    absent = report["absent_entities"]
    assert absent["mentions"] > 0 and absent["gazetteer"]["recall"] == 0.0
    assert absent["stanza"]["tp"] + absent["stanza"]["fn"] == absent["mentions"]
    assert report["stanza_config"]["max_steps"] == 40


def test_the_published_page_shows_the_per_attribute_table_in_both_languages(tmp_path):
    root = build_project(tmp_path / "p", FIXTURES / "suggest")
    assert main(["--root", str(root), "evaluate", "-r", "figures"]) == 0
    published = read(root)
    scores = published.report["figure_attributes"]
    context = {**evaluation_page.context(published), "folds": []}  # the per-document table links pages: not here
    for lang, heading in (("en", "Accuracy where stated"), ("zh", "有值时正确率")):
        page = lxml_html.fromstring(environment().get_template("evaluation.html").render(
            **context, t=lambda key, lang=lang, **v: i18n.t(key, lang, **v), u=lambda path: path, lang=lang))
        table = page.xpath("//div[contains(@class, 'dz-figure-attributes')]//table")[0]
        assert heading in table.text_content()
        rows = {tr.xpath("th")[0].text_content(): [td.text_content() for td in tr.xpath("td")] for tr in table.xpath(".//tbody/tr")}
        assert list(rows) == list(ATTRIBUTES)
        value = scores["value"]
        assert rows["value"][:2] == [f"{value['accuracy']:.3f}", f"{value['right']} / {value['total']}"]


def test_a_report_of_the_earlier_format_still_renders():
    rows = evaluation_page.attribute_rows({"unit": 0.922, "period": 0.686})
    assert rows == [{"name": "unit", "accuracy": 0.922}, {"name": "period", "accuracy": 0.686}]
    html = environment().get_template("evaluation.html").render(
        status="current", report={"documents": ["a"], "generated": "2026-01-01T00:00:00"}, rows=[], attributes=rows,
        folds=[], t=lambda key, **v: i18n.t(key, "en", **v), u=lambda path: path, lang="en")
    assert "0.922" in html and "—" in html
