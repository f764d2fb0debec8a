"""The annotation datasets: annotations (JSONL contract), figures, entities, glossary (CSV, JSON, TBX)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from translate.storage import tbx

from duizhao.cli import main
from duizhao.export import EXPORTERS

from conftest import build_project

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
    assert set(EXPORTERS["glossary"]) == {"csv", "tbx", "json"} and set(EXPORTERS["figures"]) == {"csv", "jsonl"}


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
