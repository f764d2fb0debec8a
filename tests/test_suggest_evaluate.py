"""``duizhao evaluate``: matching, counts and the published report."""

from __future__ import annotations

import json

import pytest

from duizhao.cli import main
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
    assert figure["fp"] >= 3  # 7年, 9年 and 500强 were rejected
    assert 0 < figure["precision"] < 1 and figure["recall"] > 0.9
    assert report["figures_target"]["recall"] == 0.95
    assert set(report["figure_attributes"]) >= {"unit", "indicator", "measure", "scope", "period"}
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
