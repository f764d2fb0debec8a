"""``duizhao export segments --format tmx``: a TMX 1.4 memory that translate-toolkit reads back
unit for unit as the JSONL export describes the segments."""

from __future__ import annotations

import json
from pathlib import Path

from translate.storage import tmx

from duizhao.cli import main

from conftest import REPO, RULE_FIXTURES, build_project


def _export(root: Path, fmt: str, out: Path) -> Path:
    assert main(["--root", str(root), "export", "segments", "--format", fmt, "-o", str(out)]) == 0
    return out


def _props(unit: tmx.tmxunit) -> dict[str, str]:
    return {p.get("type"): p.text for p in unit.xmlelement.iterfind(unit.namespaced("prop"))}


def assert_tmx_matches_jsonl(root: Path, tmp_path: Path) -> int:
    records = [json.loads(line) for line in _export(root, "jsonl", tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    store = tmx.tmxfile.parsestring(_export(root, "tmx", tmp_path / "s.tmx").read_bytes())
    translated = [r for r in records if r["en"]]
    assert store.sourcelanguage == "zh-CN"
    assert len(store.units) == len(translated)
    for unit, rec in zip(store.units, translated):
        assert unit.getid() == f"{rec['doc']}/{rec['segment']}"
        assert unit.source == rec["zh"]
        assert unit.gettarget("en") == rec["en"]
        assert _props(unit) == {f"x-{k}": rec[k] for k in ("doc", "segment", "kind", "status", "translator", "reviser")
                                if rec[k] is not None}
    return len(translated)


def test_tmx_round_trip_on_the_fixture(tmp_path):
    root = build_project(tmp_path / "p")
    path = root / "corpus" / "mini-news-2020.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("Luxshare exported", "Luxshare &amp; Co. &lt;exported&gt;"), encoding="utf-8")
    assert assert_tmx_matches_jsonl(root, tmp_path) == 3
    text = (tmp_path / "s.tmx").read_text(encoding="utf-8")
    assert '<tmx version="1.4">' in text and 'segtype="paragraph"' in text and 'srclang="zh-CN"' in text
    assert "Luxshare &amp; Co. &lt;exported&gt;" in text  # escaped by the toolkit, not by hand


def test_tmx_leaves_out_untranslated_segments(tmp_path):
    root = build_project(tmp_path / "p", RULE_FIXTURES / "T001" / "bad")  # s003 untranslated, s001 empty
    assert assert_tmx_matches_jsonl(root, tmp_path) == 1


def test_tmx_of_the_corpus(tmp_path):
    assert assert_tmx_matches_jsonl(REPO, tmp_path) > 0


def test_tmx_to_stdout(capsysbinary):
    assert main(["--root", str(REPO), "export", "segments", "--format", "tmx"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert tmx.tmxfile.parsestring(out).units
