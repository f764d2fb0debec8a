"""``duizhao suggest`` and ``duizhao review``: what they write, and what they never touch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duizhao import yamlio
from duizhao.anchoring import resolve
from duizhao.check import run as run_checks
from duizhao.cli import main
from duizhao.project import Project

from conftest import FIXTURES, build_project

DOCS = ("fx-newsletter-2020", "fx-interview-2021", "fx-presser-2024", "mini-news-2020")  # with annotation files


@pytest.fixture
def root(tmp_path) -> Path:
    return build_project(tmp_path / "p", FIXTURES / "suggest")


def _suggest(root: Path, recommender: str, *docs: str) -> int:
    return main(["--root", str(root), "suggest", "--recommender", recommender, *docs])


def _blocks(path: Path) -> dict[str, str]:
    """The text of each annotation item (from its ``- id:`` line up to the next item)."""
    text = path.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^  - id: ", text, re.M)] + [len(text)]
    return {re.match(r"  - id: (\S+)", text[a:b]).group(1): text[a:b] for a, b in zip(starts, starts[1:])}


def _items(path: Path) -> list[dict]:
    return list(yamlio.load(path)["annotations"])


def test_suggest_never_alters_accepted_annotations_and_keeps_comments(root):
    paths = {doc: root / "annotations" / f"{doc}.yaml" for doc in DOCS}
    before = {doc: (p.read_text(encoding="utf-8"), _blocks(p)) for doc, p in paths.items()}
    assert _suggest(root, "gazetteer") == 0
    assert _suggest(root, "figures") == 0
    for doc, path in paths.items():
        text, blocks = before[doc]
        after = _blocks(path)
        accepted = [i["id"] for i in yamlio.loads(text)["annotations"] if i["status"] == "accepted"]
        assert accepted, doc
        for ann_id in accepted:  # byte for byte, in the same order
            assert after[ann_id].rstrip("\n") == blocks[ann_id].rstrip("\n"), ann_id
        assert list(after)[: len(blocks)] == list(blocks)
        comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
        assert comments and all(c in path.read_text(encoding="utf-8").splitlines() for c in comments)
    assert run_checks(Project(root), select=["Y", "A"]) == []


def test_suggest_is_idempotent(root, capsys):
    for recommender in ("gazetteer", "figures"):
        assert _suggest(root, recommender) == 0
        assert re.search(r"added [1-9]\d* proposal", capsys.readouterr().out)
    every = sorted(Project(root).documents)
    first = {doc: (root / "annotations" / f"{doc}.yaml").read_bytes() for doc in every}
    for recommender in ("gazetteer", "figures"):
        assert _suggest(root, recommender) == 0
        out = capsys.readouterr().out
        assert out.count("added 0 proposal(s)") == len(every), out
    assert first == {doc: (root / "annotations" / f"{doc}.yaml").read_bytes() for doc in every}


def test_new_proposals_are_well_formed(root):
    path = root / "annotations" / "mini-news-2020.yaml"
    last = max(int(i["id"].rsplit(".a", 1)[1]) for i in _items(path))
    assert _suggest(root, "figures", "mini-news-2020") == 0
    new = [i for i in _items(path) if i["status"] == "proposed"]
    assert [i["id"] for i in new] == [f"mini-news-2020.a{n:04d}" for n in range(last + 1, last + 1 + len(new))]
    assert all(i["source"] == "figures" for i in new)
    assert all(list(i)[:4] == ["id", "type", "segment", "quote"] for i in new)
    # the accepted 增长3.6% already records the 3.6% figure: not proposed again
    assert "3.6%" not in [i["quote"] for i in new]
    assert {"1031.3亿元", "17个", "29.95亿美元", "第1"} <= {i["quote"] for i in new}


def test_rejected_proposals_are_not_proposed_again(root):
    path = root / "annotations" / "fx-presser-2024.yaml"
    rejected = {i["quote"] for i in _items(path) if i["status"] == "rejected"}
    assert rejected == {"中国", "500强"}
    assert _suggest(root, "gazetteer", "fx-presser-2024") == 0
    assert _suggest(root, "figures", "fx-presser-2024") == 0
    assert not [i for i in _items(path) if i["status"] == "proposed" and i["quote"] in rejected]


def test_ids_continue_after_rejected_ones(root):
    path = root / "annotations" / "mini-news-2020.yaml"
    text = path.read_text(encoding="utf-8") + (
        "  - id: mini-news-2020.a0041\n    type: term\n    segment: s003\n    quote: 立讯智造出口\n"
        "    status: rejected\n    source: gazetteer\n    term: chain-chief-system\n")
    path.write_text(text, encoding="utf-8")
    assert _suggest(root, "gazetteer", "mini-news-2020") == 0
    assert [i["id"] for i in _items(path) if i["status"] == "proposed"][0] == "mini-news-2020.a0042"


def test_suggest_creates_a_missing_file_with_modeline(root):
    path = root / "annotations" / "fx-interview-2021.yaml"
    path.unlink()
    assert _suggest(root, "gazetteer", "fx-interview-2021") == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/annotations.schema.json\ndocument: fx-interview-2021\nannotations:\n  - id: fx-interview-2021.a0001\n")
    assert run_checks(Project(root), [str(path)], select=["Y", "A"]) == []


def test_repeated_quotes_get_the_shortest_disambiguating_context(root):
    (root / "annotations" / "fx-interview-2021.yaml").unlink()
    assert _suggest(root, "gazetteer", "fx-interview-2021") == 0
    doc = Project(root).documents["fx-interview-2021"]
    items = [i for i in _items(root / "annotations" / "fx-interview-2021.yaml") if i["quote"] == "吉安"]
    assert len(items) == 2
    spans = set()
    for item in items:
        assert "prefix" in item or "suffix" in item
        res = resolve(doc.segment_index[item["segment"]].zh, item["quote"], item.get("prefix"), item.get("suffix"))
        assert res.ok
        spans.add((res.start, res.end))
    assert len(spans) == 2


def test_dry_run_writes_nothing(root, capsys):
    path = root / "annotations" / "mini-news-2020.yaml"
    before = path.read_bytes()
    assert main(["--root", str(root), "suggest", "-r", "figures", "--dry-run", "mini-news-2020"]) == 0
    assert "would add" in capsys.readouterr().out
    assert path.read_bytes() == before


def test_suggest_refuses_broken_yaml_and_unknown_documents(root, capsys):
    path = root / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 3.6", "value: 3.6\n    value: 3.9"), encoding="utf-8")
    before = path.read_bytes()
    assert _suggest(root, "gazetteer", "mini-news-2020") == 2
    assert "mini-news-2020.yaml:" in capsys.readouterr().err and path.read_bytes() == before
    assert _suggest(root, "gazetteer", "no-such-doc") == 2
    assert "no corpus document 'no-such-doc'" in capsys.readouterr().err


def test_stanza_without_a_model_is_a_clear_error(root, capsys):
    assert main(["--root", str(root), "suggest", "-r", "stanza", "--model", str(root / "nothing")]) == 2
    assert "no trained NER model" in capsys.readouterr().err


# -- review ------------------------------------------------------------------------------
def test_review_lists_accepts_and_rejects_keeping_everything_else(root, capsys):
    path = root / "annotations" / "fx-interview-2021.yaml"
    assert main(["--root", str(root), "review", "fx-interview-2021"]) == 0
    out = capsys.readouterr().out
    assert "fx-interview-2021.a0017" in out and "[6个]" in out and "2 proposal(s) pending" in out
    before = path.read_text(encoding="utf-8")
    assert main(["--root", str(root), "review", "fx-interview-2021", "--accept", "a0017", "--reject", "fx-interview-2021.a0018"]) == 0
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert changed == [("    status: proposed", "    status: accepted"), ("    status: proposed", "    status: rejected")]
    assert main(["--root", str(root), "review", "fx-interview-2021", "--accept", "a0999"]) == 2
    assert "no annotation fx-interview-2021.a0999" in capsys.readouterr().err


def test_review_accept_all_from_one_source(root):
    assert _suggest(root, "gazetteer", "mini-news-2020") == 0
    assert _suggest(root, "figures", "mini-news-2020") == 0
    path = root / "annotations" / "mini-news-2020.yaml"
    assert main(["--root", str(root), "review", "mini-news-2020", "--accept-all", "--source", "figures"]) == 0
    status = {(i["source"], i["status"]) for i in _items(path) if i["source"] != "manual"}
    assert status == {("figures", "accepted"), ("gazetteer", "proposed")}
    pending = [f for f in run_checks(Project(root), [str(path)], select=["S001"])]
    assert len(pending) == sum(i["status"] == "proposed" for i in _items(path)) > 0


def test_review_refuses_to_change_reviewed_work_and_writes_nothing(root, capsys):
    path = root / "annotations" / "fx-interview-2021.yaml"
    assert main(["--root", str(root), "review", "fx-interview-2021", "--reject", "a0018"]) == 0
    before = path.read_bytes()
    # a0001 is accepted, a0018 rejected, a0017 a proposal: the whole request is refused
    assert main(["--root", str(root), "review", "fx-interview-2021", "--accept", "a0017", "a0018",
                 "--reject", "a0001"]) == 2
    err = capsys.readouterr().err
    assert "fx-interview-2021.a0001 is accepted (asked: rejected)" in err
    assert "fx-interview-2021.a0018 is rejected (asked: accepted)" in err
    assert "a0017" not in err and "nothing was written" in err and "--force" in err
    assert path.read_bytes() == before
    assert run_checks(Project(root), [str(path)], select=["S001"])  # a0017 still waits


def test_review_force_changes_reviewed_work_and_says_what_it_changed(root, capsys):
    path = root / "annotations" / "fx-interview-2021.yaml"
    before = path.read_text(encoding="utf-8")
    assert main(["--root", str(root), "review", "fx-interview-2021", "--reject", "a0001", "--accept", "a0017",
                 "--force"]) == 0
    out = capsys.readouterr().out
    assert "fx-interview-2021.a0017: proposed → accepted" in out
    assert "fx-interview-2021.a0001: accepted → rejected" in out
    assert "2 annotation(s) changed" in out
    changed = [(a, b) for a, b in zip(before.splitlines(), path.read_text(encoding="utf-8").splitlines()) if a != b]
    assert changed == [("    status: accepted", "    status: rejected"), ("    status: proposed", "    status: accepted")]


def test_review_repeating_a_decision_changes_nothing_and_force_needs_a_decision(root, capsys):
    path = root / "annotations" / "fx-interview-2021.yaml"
    assert main(["--root", str(root), "review", "fx-interview-2021", "--reject", "a0018"]) == 0
    before = path.read_bytes()
    assert main(["--root", str(root), "review", "fx-interview-2021", "--accept", "a0001", "--reject", "a0018"]) == 0
    assert "0 annotation(s) changed" in capsys.readouterr().out and path.read_bytes() == before
    assert main(["--root", str(root), "review", "fx-interview-2021", "--accept-all", "--force"]) == 2
    assert "--force goes with --accept or --reject" in capsys.readouterr().err and path.read_bytes() == before


def test_review_refuses_an_id_that_several_annotations_share(root, capsys):
    path = root / "annotations" / "fx-interview-2021.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: fx-interview-2021.a0018", "id: fx-interview-2021.a0017"), encoding="utf-8")
    before = path.read_bytes()
    assert main(["--root", str(root), "review", "fx-interview-2021", "--accept", "a0017"]) == 2
    assert "fx-interview-2021.a0017 used by several annotations" in capsys.readouterr().err
    assert path.read_bytes() == before
