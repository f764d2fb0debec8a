"""``duizhao ingest``: seeds and a text of our own become schema-valid, faithful skeletons with flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from duizhao.check import run
from duizhao.cli import main
from duizhao.ingest import build, date_in
from duizhao.project import Project

from conftest import REPO

SEEDS = sorted((REPO / "corpus" / "sources").glob("*.txt"))

OWN_TEXT = """宜春:锂电产业再上新台阶

2023年1-6月，全市锂电新能源产业实现营业收入1200.5亿元，同比增长

18.6%。全市新增规上企业35家。

产业链链长制深入实施

新签约“5020”项目12个。

上一篇:某某新闻

分享到:
"""


def _check(project_dir: Path, select: str) -> list:
    return run(Project(project_dir), select=[select])


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_becomes_valid_faithful_skeleton(seed, project_dir):
    out = project_dir / "corpus" / "ingested-seed.xml"
    assert main(["--root", str(project_dir), "ingest", str(seed), "--id", "ingested-seed"]) == 0
    assert out.exists()
    findings = run(Project(project_dir), [out], select=["X"])
    # the header stub is incomplete on purpose (X005 tells the encoder what to fill in)
    assert [f for f in findings if f.code != "X005"] == []
    assert {f.code for f in findings} <= {"X005"}


def test_known_debris_is_flagged():
    flags = {p.name[:3]: build(p.read_text(encoding="utf-8"), "x", p.name).flags for p in SEEDS}
    kinds = {k: {f.kind for f in v} for k, v in flags.items()}
    assert "split" in kinds["000"] and "duplicate" in kinds["000"]
    assert "stray" in kinds["003"]
    assert "boilerplate" in kinds["001"] and "boilerplate" in kinds["004"]
    stray = next(f for f in flags["003"] if f.kind == "stray")
    assert "举措有力" in stray.message


def test_own_text(tmp_path, project_dir):
    src = tmp_path / "yichun-lithium.txt"
    src.write_text(OWN_TEXT, encoding="utf-8")
    skel = build(OWN_TEXT, "yichun-news-2023-07", src.name)
    kinds = sorted(f.kind for f in skel.flags)
    assert kinds == ["boilerplate", "boilerplate", "split"]
    assert main(["--root", str(project_dir), "ingest", str(src), "--id", "yichun-news-2023-07"]) == 0
    out = project_dir / "corpus" / "yichun-news-2023-07.xml"
    text = out.read_text(encoding="utf-8")
    assert '<head xml:id="s001">宜春:锂电产业再上新台阶</head>' in text
    assert '<date when="2023" cert="low">2023</date>' in text  # no full date: the year the text names, low certainty
    assert "ingest split" in text
    findings = run(Project(project_dir), [out], select=["X"])
    assert {f.code for f in findings} == {"X005"}
    assert (project_dir / "corpus" / "sources" / src.name).read_text(encoding="utf-8") == OWN_TEXT


def test_refuses_to_overwrite_and_bad_ids(tmp_path, project_dir, capsys):
    src = tmp_path / "a.txt"
    src.write_text("标题\n\n正文。\n", encoding="utf-8")
    assert main(["--root", str(project_dir), "ingest", str(src), "--id", "Bad_ID"]) == 2
    assert main(["--root", str(project_dir), "ingest", str(src), "--id", "mini-news-2020"]) == 2
    assert "exists" in capsys.readouterr().err


# -- the header's date comes from the text, never from today ---------------------------------
@pytest.mark.parametrize("text, when, cert", [
    ("访谈时间:2021年5月25日上午9:00。去年5月就开始启动。", "2021-05-25", "medium"),  # a full date
    ("来源:江西省工业和信息化厅\n2024/8/6 8:39:00\n8月1日,发布会在南昌举行。", "2024-08-06", "medium"),
    ("2020年3月启动，2020年11月召开调度会。", "2020-11", "low"),  # the latest year and month
    ("2019年以来，全市推进工业强市；2019年引进项目17个，力争到2025年翻番。", "2019", "low"),  # a year; 到2025年 is a target
])
def test_the_header_date_is_read_from_the_text(text, when, cert):
    assert (date_in(text).when, date_in(text).cert) == (when, cert)
    header = etree.tostring(build(f"标题\n\n{text}\n", "x", "x.txt").tree, encoding="unicode")
    assert header.count(f'<date when="{when}" cert="{cert}">{when}</date>') == 2  # sourceDesc/bibl and creation
    assert "read from the source text" in header


def test_a_text_without_a_date_leaves_the_header_date_to_the_encoder(tmp_path, project_dir):
    text = "吉安工业简讯\n\n全市规模工业增加值同比增长4.1%，列全省第2位。\n"
    assert date_in(text).when is None
    header = etree.tostring(build(text, "x", "x.txt").tree, encoding="unicode")
    assert str(dt.date.today().year) not in header.split("<revisionDesc")[0]  # never today's year
    assert header.split("<revisionDesc")[0].count("<date/>") == 2 and "no date in the source text" in header
    src = tmp_path / "brief.txt"
    src.write_text(text, encoding="utf-8")
    assert main(["--root", str(project_dir), "ingest", str(src), "--id", "jian-brief-2020"]) == 0
    findings = run(Project(project_dir), [project_dir / "corpus" / "jian-brief-2020.xml"], select=["X005"])
    assert any("missing header field: date" in f.message for f in findings)


def test_the_skeleton_says_how_its_translation_will_be_made(tmp_path, project_dir):
    """The provenance model: respStmts for the encoding and the translation, the three status
    categories in both languages, the ingest's revision entry, an empty draft ab per segment."""
    from duizhao.tei import load_document
    from duizhao.translation_provenance import CATEGORIES

    src = tmp_path / "brief.txt"
    src.write_text("吉安工业简讯\n\n2020年1-10月，全市规模工业增加值增长4.1%。\n\n问:有何举措?\n", encoding="utf-8")
    assert main(["--root", str(project_dir), "ingest", str(src), "--id", "jian-brief-2020"]) == 0
    out = project_dir / "corpus" / "jian-brief-2020.xml"
    doc = load_document(out)
    assert list(doc.responsibilities) == ["enc-duizhao", "tr-duizhao"]
    assert doc.status_categories == {c: {"en": en, "zh": zh} for c, (en, zh) in CATEGORIES.items()}
    assert [(c.who, c.text) for c in doc.revisions] == [(("enc-duizhao",), "Skeleton made by duizhao ingest from brief.txt.")]
    assert [(t.segment, t.en, t.status, t.resp) for t in doc.translations.values()] == [
        (s, "", "draft", "tr-duizhao") for s in ("s001", "s002", "s003")]
    findings = run(Project(project_dir), [out], select=["X", "T001", "T009"])
    assert {f.code for f in findings} == {"X005", "T001"}  # the header to complete, the English to write
    assert sorted(f.line for f in findings if f.code == "T001") == [t.line for t in doc.translations.values()]
