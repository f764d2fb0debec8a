"""``duizhao check --fix``: the rules' own fixes as text edits, safe ones only unless
``--unsafe-fixes``, honouring ``--select``/``--ignore``, every other byte kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao import annotations, yamlio
from duizhao.check import run
from duizhao.check.finding import Edit, Fix, Problem, Safety
from duizhao.check.fix import apply_edits, compatible
from duizhao.check.rules import RULES
from duizhao.cli import main
from duizhao.project import Project

from conftest import BASE, REPO

ANNOTATOR_FILES = sorted([*(REPO / "annotations").glob("*.yaml"), *(BASE / "annotations").glob("*.yaml")])
MODELINE = "# yaml-language-server: $schema=schema/annotations.schema.json\n"


def _fix(root: Path, *args: str) -> int:
    return main(["--root", str(root), "check", "--fix", *args])


@pytest.mark.parametrize("path", ANNOTATOR_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_load_dump_is_byte_identical(path: Path):
    text = path.read_text(encoding="utf-8")
    assert yamlio.dumps(yamlio.loads(text)) == text


def test_fix_leaves_a_clean_project_untouched(project_dir, capsys):
    before = {p: p.read_bytes() for p in project_dir.rglob("*") if p.is_file()}
    assert _fix(project_dir) == 0
    assert {p: p.read_bytes() for p in before} == before and capsys.readouterr().err == ""


def _unusual(project_dir: Path) -> Path:
    """The base annotations in reverse order, with comments, 4-space indents and no modeline."""
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    data = yamlio.loads(path.read_text(encoding="utf-8"))
    lines = ["document: mini-news-2020  # the Ji'an brief", "annotations:"]
    for item in reversed(list(data["annotations"])):
        lines.append(f"# about {item['id']}")
        lines.append(f"-   id: {item['id']}  # keep this id")
        lines += [f"    {k}: {yamlio.dumps({k: v}).split(': ', 1)[1].rstrip()}" for k, v in item.items() if k != "id"]
    lines.append("# the end")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fix_inserts_the_modeline_and_changes_nothing_else(project_dir, capsys):
    path = _unusual(project_dir)
    before = path.read_text(encoding="utf-8")
    assert [f.code for f in run(Project(project_dir), select=["Y"])] == ["Y004"]
    assert _fix(project_dir, str(path)) == 0
    assert path.read_text(encoding="utf-8") == MODELINE + before  # order, comments, indentation kept
    assert capsys.readouterr().err.endswith("annotations/mini-news-2020.yaml: fixed 1 finding(s) (Y004)\n")
    assert _fix(project_dir, str(path)) == 0 and capsys.readouterr().err == ""  # idempotent


def test_byte_order_mark_and_modeline_are_both_fixed(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text("\ufeff" + body, encoding="utf-8")
    assert {f.code for f in run(Project(project_dir))} == {"Y004", "Y008"}
    assert _fix(project_dir) == 0
    assert path.read_text(encoding="utf-8") == MODELINE + body


def test_fix_honours_select_and_ignore(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text("\ufeff" + body, encoding="utf-8")
    assert _fix(project_dir, "--select", "Y008") == 0
    assert path.read_text(encoding="utf-8") == body  # the byte-order mark only
    assert _fix(project_dir, "--ignore", "Y004") == 0 and path.read_text(encoding="utf-8") == body
    assert _fix(project_dir) == 0 and path.read_text(encoding="utf-8") == MODELINE + body


def _repeat_growth(project_dir: Path) -> Path:
    """s002 gets a second 增长3.6% (exports), annotated with a prefix; a0001 stays bare."""
    tei = project_dir / "corpus" / "mini-news-2020.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("列全省第1；", "列全省第1，出口增长3.6%；"), encoding="utf-8")
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """  # exports grew by the same rate
  - id: mini-news-2020.a0005
    type: figure
    segment: s002
    quote: 增长3.6%
    prefix: 出口
    status: accepted
    source: manual
    value: 3.6
    unit: percent
""", encoding="utf-8")
    return path


def test_fix_adds_the_shortest_prefix_when_the_occurrence_is_certain(project_dir, capsys):
    path = _repeat_growth(project_dir)
    [finding] = run(Project(project_dir), select=["A003"])
    assert (finding.line, finding.col, finding.end_line, finding.end_col) == (8, 5, 8, 18)
    assert finding.fix == Fix("add prefix '值'", (Edit.insert(9, 1, "    prefix: 值\n"),), Safety.SAFE)
    before = path.read_text(encoding="utf-8")
    assert _fix(project_dir, "--select", "A") == 0
    assert path.read_text(encoding="utf-8") == before.replace("    quote: 增长3.6%\n    status", "    quote: 增长3.6%\n    prefix: 值\n    status", 1)
    index = annotations.load(Project(project_dir))
    assert [index.span(a) for a in index.files[0].annotations if a.type == "figure"] == [(14, 20), (29, 35)]
    assert "fixed 1 finding(s) (A003)" in capsys.readouterr().err


def test_fix_does_not_guess_between_free_occurrences(project_dir):
    path = _repeat_growth(project_dir)
    path.write_text(path.read_text(encoding="utf-8").replace("    prefix: 出口\n", ""), encoding="utf-8")
    before = path.read_bytes()
    assert _fix(project_dir, "--select", "A") == 1  # two A003 errors remain
    assert path.read_bytes() == before
    assert all(f.fix is None for f in run(Project(project_dir), select=["A003"]))


def _stale_prefix(project_dir: Path) -> Path:
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    quote: 链长制\n", "    quote: 链长制\n    prefix: 全省\n"),
                    encoding="utf-8")
    return path


def test_an_unsafe_fix_waits_for_unsafe_fixes(project_dir, capsys):
    path = _stale_prefix(project_dir)
    assert main(["--root", str(project_dir), "check", "--select", "A"]) == 1
    out = capsys.readouterr().out
    assert "A002 [error] mini-news-2020.a0002: in s003, quote '链长制' occurs 1 time(s) but never with prefix '全省'" in out
    assert "1 more with `--unsafe-fixes`" in out and "[*]" not in out
    before = path.read_text(encoding="utf-8")
    assert _fix(project_dir) == 1 and path.read_text(encoding="utf-8") == before
    assert _fix(project_dir, "--unsafe-fixes") == 0
    assert path.read_text(encoding="utf-8") == before.replace("    prefix: 全省\n", "")
    assert "fixed 1 finding(s) (A002)" in capsys.readouterr().err


def test_unused_suppressions_are_reported_and_removed(project_dir, capsys):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    value: 3.6\n", "    value: 3.6  # duizhao: ignore[F001, F004] revised\n")
                        .replace("    term: chain-chief-system\n", "    # duizhao: ignore[G001]\n    term: no-such-term\n"),
                    encoding="utf-8")
    found = run(Project(project_dir))
    assert [(f.code, f.line, f.col) for f in found] == [("Y010", 11, 17), ("Y009", 25, 5), ("G001", 26, 5), ("G005", 46, 1)]
    unused = next(f for f in found if f.code == "Y010")
    assert unused.message == "unused suppression of F001, F004: no F001, F004 finding on this line or the next"
    assert (unused.end_line, unused.end_col) == (11, 54) and unused.fix.safety is Safety.SAFE
    assert _fix(project_dir, "--select", "F,Y010") == 0
    assert "    value: 3.6\n" in path.read_text(encoding="utf-8")  # the comment gone, the value kept
    assert run(Project(project_dir), select=["F", "Y010"]) == []


def test_a_suppression_is_unused_only_for_the_rules_that_ran(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    value: 3.6\n", "    value: 3.6  # duizhao: ignore[F001] why\n"),
                    encoding="utf-8")
    assert [f.code for f in run(Project(project_dir), select=["Y", "A"])] == []
    assert [f.code for f in run(Project(project_dir), select=["Y", "F"])] == ["Y010"]


def test_overlapping_fixes_wait_for_the_next_pass():
    a = Fix("a", (Edit(1, 1, 1, 3, "x"),), Safety.SAFE)
    b = Fix("b", (Edit(1, 2, 1, 4, "y"),), Safety.SAFE)
    c = Fix("c", (Edit.insert(2, 1, "z\n"),), Safety.SAFE)
    assert compatible([a, b, c]) == [a, c]
    assert apply_edits("abcd\nefg", [*a.edits, *c.edits]) == "xcd\nz\nefg"
    assert apply_edits("abc", [Edit.insert(2, 1, "new: 1\n")]) == "abc\nnew: 1\n"


def test_a_fix_that_would_break_the_file_is_not_written(project_dir, monkeypatch, capsys):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text(body, encoding="utf-8")
    broken = Fix("break it", (Edit.insert(1, 1, "document: [\n"),))
    monkeypatch.setattr(RULES["Y004"], "check", lambda item, project: iter([Problem(1, 1, "x", fix=broken)]))
    assert _fix(project_dir, "--no-cache") == 0  # Y004 is a warning
    assert path.read_text(encoding="utf-8") == body
    assert "not fixed: the fixes would leave it unreadable" in capsys.readouterr().err


def test_unparsable_file_is_left_alone(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text("document: [\n", encoding="utf-8")
    assert _fix(project_dir) == 1
    assert path.read_text(encoding="utf-8") == "document: [\n"
