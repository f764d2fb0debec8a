"""The annotation datasets: annotations (JSONL contract), figures, entities, glossary (CSV, JSON, TBX)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from translate.storage import tbx

from duizhao.cli import main
from duizhao.export import EXPORTERS

from conftest import FIXTURES, build_project

FIGURES = """  - id: mini-news-2020.a0005
    type: figure
    segment: s002
    quote: 营业收入1031.3亿元
    status: accepted
    source: manual
    value: 1031.3
    unit: cny
    scale: 100000000
    qualifier: exact
    indicator: operating-revenue
    measure: level
    scope: jian-city
    period: 2020-01/2020-09
  - id: mini-news-2020.a0006
    type: figure
    segment: s003
    quote: 出口29.95亿美元
    status: rejected
    source: figures
    value: 29.95
    unit: usd
    scale: 100000000
"""


@pytest.fixture
def project(tmp_path):
    root = build_project(tmp_path / "p")
    path = root / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8") + FIGURES, encoding="utf-8")
    return root


def _export(root, what, fmt, capsysbinary) -> bytes:
    assert main(["--root", str(root), "export", what, "--format", fmt]) == 0
    return capsysbinary.readouterr().out


def test_every_dataset_is_registered():
    assert {"annotations", "figures", "entities", "glossary"} <= set(EXPORTERS)
    assert set(EXPORTERS["glossary"]) == {"csv", "tbx", "json"}
    assert set(EXPORTERS["figures"]) == {"csv", "jsonl", "json"} and {"jsonl", "csv"} <= set(EXPORTERS["annotations"])


def test_annotation_offsets_address_the_segment_text(project, capsysbinary):
    rows = [json.loads(line) for line in _export(project, "annotations", "jsonl", capsysbinary).decode().splitlines()]
    segments = {json.loads(line)["segment"]: json.loads(line)["zh"]
                for line in _export(project, "segments", "jsonl", capsysbinary).decode().splitlines()}
    assert [r["id"][-5:] for r in rows] == ["a0001", "a0002", "a0004", "a0003", "a0005", "a0006"]
    for row in rows:
        assert segments[row["segment"]][row["start"]:row["end"]] == row["quote"]
        assert {"doc", "id", "type", "segment", "quote", "start", "end", "status", "source"} <= set(row)
    by_type = {r["type"]: r for r in rows}
    assert by_type["term"]["term"] == "project-5020" and "value" not in by_type["term"]
    assert by_type["entity"]["entity"] == "luxshare"
    assert rows[0]["scale"] == 1 and rows[0]["period"] == "2020-01/2020-09" and rows[-1]["status"] == "rejected"


def test_segments_and_documents_say_who_translated_and_who_revised(project, capsysbinary):
    """From the header: s001 reviewed by the second reader, s002 checked, s003 a draft."""
    rows = [json.loads(line) for line in _export(project, "segments", "jsonl", capsysbinary).decode().splitlines()]
    translator = "duizhao project (AI language-model agent)"
    assert [(r["segment"], r["status"], r["translator"], r["reviser"]) for r in rows] == [
        ("s001", "reviewed", translator, "second reader"), ("s002", "checked", translator, None),
        ("s003", "draft", translator, None)]
    [doc] = json.loads(_export(project, "documents", "json", capsysbinary))
    assert {k: doc[k] for k in ("translated", "checked", "reviewed", "translator", "translation_method", "reviser")} == {
        "translated": 3, "checked": 1, "reviewed": 1, "translator": translator,
        "translation_method": "machine-generated", "reviser": "second reader"}


def test_unresolved_anchor_is_exported_with_null_offsets(project, capsysbinary):
    path = project / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("quote: 链长制", "quote: 链长治"), encoding="utf-8")
    rows = [json.loads(line) for line in _export(project, "annotations", "jsonl", capsysbinary).decode().splitlines()]
    assert [(r["start"], r["end"]) for r in rows if r["quote"] == "链长治"] == [(None, None)]


def test_figures_csv_and_jsonl_agree_and_normalise(project, capsysbinary):
    table = list(csv.DictReader(io.StringIO(_export(project, "figures", "csv", capsysbinary).decode())))
    lines = [json.loads(line) for line in _export(project, "figures", "jsonl", capsysbinary).decode().splitlines()]
    assert [r["id"] for r in table] == [r["id"] for r in lines] == ["mini-news-2020.a0001", "mini-news-2020.a0005"]
    revenue = lines[1]
    assert revenue["normalised_value"] == 103130000000 and revenue["value"] == 1031.3 and revenue["scale"] == 100000000
    assert (revenue["period_start"], revenue["period_end"]) == ("2020-01-01", "2020-09-30")
    assert lines[0]["normalised_value"] == 3.6 and lines[0]["unit"] == "percent"  # percent stays percent
    assert table[1]["normalised_value"] == "103130000000" and table[1]["document"] == "mini-news-2020"
    assert set(table[0]) >= {"document", "segment", "quote", "indicator", "scope", "period", "measure", "value",
                             "unit", "scale", "normalised_value", "qualifier"}


@pytest.fixture
def v2(tmp_path):
    """The base project plus tests/fixtures/figures: every modality, bound and measure of contract v2."""
    return build_project(tmp_path / "v2", FIXTURES / "figures")


def _figures(root, capsysbinary) -> dict[str, dict]:
    lines = [json.loads(line) for line in _export(root, "figures", "jsonl", capsysbinary).decode().splitlines()]
    return {row["id"].split(".")[-1] if row["document"] == "mini-review-2020" else row["id"]: row for row in lines}


def _interval(row) -> tuple:
    return row["low"], row["low_closed"], row["high"], row["high_closed"]


def test_figures_export_states_each_figure_as_an_interval_of_the_signed_statistic(v2, capsysbinary):
    rows = _figures(v2, capsysbinary)
    assert _interval(rows["a0007"]) == (None, None, -10, False)  # 降幅超过10%: a fall larger than 10
    assert rows["a0007"]["value"] == -10 and rows["a0007"]["qualifier"] == "more_than"
    assert _interval(rows["a0014"]) == (30, True, 70, True)  # 30-70毫秒
    assert _interval(rows["a0010"]) == (100000000, True, None, None)  # 亿元以上
    assert _interval(rows["a0012"]) == (8, True, 8, True)  # 8%左右: the point, qualifier approx
    assert _interval(rows["a0013"]) == (300000000000, False, None, None)  # 突破3000亿元


def test_figures_export_spells_out_modality_and_what_a_rank_average_or_gap_is_of(v2, capsysbinary):
    rows = _figures(v2, capsysbinary)
    assert {k: r["modality"] for k, r in rows.items() if r["modality"] != "actual"} == {
        "a0010": "threshold", "a0012": "forecast", "a0013": "target"}
    assert rows["mini-news-2020.a0001"]["modality"] == "actual"  # left out in the YAML: the default, explicit
    assert (rows["a0005"]["measure"], rows["a0005"]["rank_of"], rows["a0005"]["value"]) == ("rank", "growth_yoy", 2)
    assert (rows["a0009"]["measure"], rows["a0009"]["per"], rows["a0009"]["low"]) == ("average", "enterprise", 120000000)
    assert (rows["a0006"]["measure"], rows["a0006"]["benchmark"]) == ("gap", "the provincial average")
    assert {r["rank_of"] for k, r in rows.items() if k != "a0003" and k != "a0005"} == {None}


def test_figures_csv_has_the_documented_columns_in_their_order(v2, capsysbinary):
    from duizhao.export import figures

    header, *lines = csv.reader(io.StringIO(_export(v2, "figures", "csv", capsysbinary).decode()))
    assert header == [
        "document", "segment", "id", "quote", "indicator", "scope", "period", "period_start", "period_end",
        "measure", "modality", "rank_of", "rank_among", "per", "benchmark", "value", "value_max", "unit", "scale", "qualifier",
        "normalised_value", "normalised_value_max", "low", "low_closed", "high", "high_closed", "status"]
    documented = [c for c in re.findall(r"``([a-z_]+)``", figures.__doc__) if c in header]
    assert list(dict.fromkeys(documented)) == header  # the docstring names every column, in order
    decline = dict(zip(header, next(line for line in lines if line[3] == "降幅超过10%")))
    assert (decline["low"], decline["low_closed"], decline["high"], decline["high_closed"]) == ("", "", "-10", "false")


def test_figures_json_is_one_array_of_the_jsonl_rows(v2, capsysbinary):
    rows = json.loads(_export(v2, "figures", "json", capsysbinary))
    lines = [json.loads(line) for line in _export(v2, "figures", "jsonl", capsysbinary).decode().splitlines()]
    assert isinstance(rows, list) and rows == lines and len(rows) == 15


def test_annotations_export_carries_the_v2_attributes_as_written(v2, capsysbinary):
    lines = {r["id"]: r for r in map(json.loads, _export(v2, "annotations", "jsonl", capsysbinary).decode().splitlines())}
    assert lines["mini-review-2020.a0005"]["rank_of"] == "growth_yoy"
    assert lines["mini-review-2020.a0013"]["modality"] == "target"
    assert lines["mini-news-2020.a0001"]["modality"] is None  # as written: left out means actual
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(_export(v2, "annotations", "csv", capsysbinary).decode()))}
    assert table.keys() == lines.keys()
    assert (table["mini-review-2020.a0009"]["per"], table["mini-review-2020.a0006"]["benchmark"]) == (
        "enterprise", "the provincial average")
    assert table["mini-review-2020.a0007"]["value"] == "-10" and table["mini-news-2020.a0003"]["entity"] == "luxshare"
    assert table["mini-news-2020.a0003"]["value"] == "" and table["mini-review-2020.a0007"]["start"] != ""


def test_entities_csv_and_json(project, capsysbinary):
    rows = json.loads(_export(project, "entities", "json", capsysbinary))
    table = list(csv.DictReader(io.StringIO(_export(project, "entities", "csv", capsysbinary).decode())))
    lux = next(r for r in rows if r["id"] == "luxshare")
    assert lux["aliases"] == ["立讯"] and lux["mentions"] == 1 and lux["occurrences"] == 1 and lux["pinyin"] == "lìxùnzhìzào"
    assert [r["id"] for r in table] == [r["id"] for r in rows] and table[0]["aliases"] == "立讯"


def test_glossary_json_carries_pinyin_frequency_and_first_occurrence(project, capsysbinary):
    rows = {r["id"]: r for r in json.loads(_export(project, "glossary", "json", capsysbinary))}
    chain = rows["chain-chief-system"]
    assert chain["pinyin"] == "liànzhǎng zhì" and chain["variants"] == ["产业链链长制"]
    assert chain["frequency"] == 1 and (chain["first_doc"], chain["first_segment"]) == ("mini-news-2020", "s003")
    table = list(csv.DictReader(io.StringIO(_export(project, "glossary", "csv", capsysbinary).decode())))
    assert table[0]["forbidden"] == "chain length system" and table[1]["en"] == '"5020" projects'


def test_glossary_tbx_reads_back_with_translate_toolkit(project, capsysbinary):
    store = tbx.tbxfile.parsestring(_export(project, "glossary", "tbx", capsysbinary))
    units = {u.getid(): u for u in store.units}
    assert set(units) == {"chain-chief-system", "project-5020"}
    chain = units["chain-chief-system"]
    assert [t.text for t in chain.get_source_terms()] == ["链长制", "产业链链长制"]
    english = {t.text: t.deprecated for t in chain.get_target_terms()}
    assert english == {"industrial chain chief system": False, "chain length system": True}
    notes = {(n.origin, n.category, n.text) for n in chain.get_common_notes(source=True)}
    assert ("definition", "definition", "由地方领导担任重点产业链“链长”的工作机制。") in notes
    assert ("definition", "subjectField", "policy-mechanism") in notes
    pinyin = [n.text for n in chain.get_source_terms()[0].notes if n.category == "pronunciation"]
    assert pinyin == ["liànzhǎng zhì"]
    assert units["project-5020"].get_target_terms()[0].text == '"5020" projects'


def test_unknown_format_is_a_usage_message(project, capsys):
    assert main(["--root", str(project), "export", "glossary", "--format", "tmx"]) == 2
    assert "glossary cannot be exported as 'tmx'" in capsys.readouterr().err
