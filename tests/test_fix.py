"""``duizhao check --fix``: byte-identical round trips, comments kept, only safe rewrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao import annotations, yamlio
from duizhao.check import run
from duizhao.cli import main
from duizhao.fix import apply_fixes
from duizhao.project import Project

from conftest import BASE, REPO

ANNOTATOR_FILES = sorted([*(REPO / "annotations").glob("*.yaml"), *(BASE / "annotations").glob("*.yaml")])


@pytest.mark.parametrize("path", ANNOTATOR_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_load_dump_is_byte_identical(path: Path):
    text = path.read_text(encoding="utf-8")
    assert yamlio.dumps(yamlio.loads(text)) == text


def test_fix_leaves_a_clean_project_untouched(project_dir):
    before = {p: p.read_bytes() for p in (project_dir / "annotations").glob("*.yaml")}
    assert apply_fixes(Project(project_dir), []) == []
    assert {p: p.read_bytes() for p in before} == before


def _shuffled(project_dir: Path) -> Path:
    """The base annotations in reverse order, with comments, 4-space indents and no modeline."""
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    data = yamlio.loads(path.read_text(encoding="utf-8"))
    items = list(data["annotations"])
    lines = ["document: mini-news-2020  # the Ji'an brief", "annotations:"]
    for item in reversed(items):
        lines.append(f"# about {item['id']}")
        lines.append(f"-   id: {item['id']}  # keep this id")
        lines += [f"    {k}: {yamlio.dumps({k: v}).split(': ', 1)[1].rstrip()}" for k, v in item.items() if k != "id"]
    lines.append("# the end")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fix_sorts_normalises_and_adds_the_modeline_keeping_comments(project_dir):
    path = _shuffled(project_dir)
    before = yamlio.loads(path.read_text(encoding="utf-8"))
    notes = apply_fixes(Project(project_dir), [path])
    assert any("sorted" in n for n in notes) and any("modeline" in n for n in notes) and any("normalised" in n for n in notes)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/annotations.schema.json\n")
    ids = [a["id"] for a in yamlio.loads(text)["annotations"]]
    assert ids == ["mini-news-2020.a0001", "mini-news-2020.a0002", "mini-news-2020.a0004", "mini-news-2020.a0003"]
    for ann_id in ids:  # each comment still sits right above its own annotation
        assert f"# about {ann_id}\n  - id: {ann_id}  # keep this id\n" in text
    assert "document: mini-news-2020  # the Ji'an brief" in text and text.rstrip().endswith("# the end")
    assert sorted(map(str, yamlio.loads(text)["annotations"])) == sorted(map(str, before["annotations"]))
    assert apply_fixes(Project(project_dir), [path]) == []  # idempotent
    assert [f.code for f in run(Project(project_dir), select=["A", "Y", "G", "E", "F"])] == []


def _repeat_growth(project_dir: Path) -> Path:
    """s002 gets a second 增长3.6% (exports), annotated with a prefix; a0001 stays bare."""
    tei = project_dir / "corpus" / "mini-news-2020.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("列全省第1；", "列全省第1，出口增长3.6%；"), encoding="utf-8")
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + """  # exports grew by the same rate
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


def test_fix_adds_the_shortest_prefix_when_the_occurrence_is_certain(project_dir):
    path = _repeat_growth(project_dir)
    assert [f.code for f in run(Project(project_dir), select=["A003"])] == ["A003"]
    assert run(Project(project_dir), select=["A003"])[0].fix == "add prefix '值'"
    notes = apply_fixes(Project(project_dir), [])
    assert any("a0001: set prefix '值' (A003)" in n for n in notes)
    text = path.read_text(encoding="utf-8")
    assert "    quote: 增长3.6%\n    prefix: 值\n    status: accepted\n" in text
    assert "  # the growth rate, first in the province\n  - id: mini-news-2020.a0001\n" in text
    assert "  # exports grew by the same rate\n  - id: mini-news-2020.a0005\n" in text
    index = annotations.load(Project(project_dir))
    assert [index.span(a) for a in index.files[0].annotations if a.type == "figure"] == [(14, 20), (29, 35)]
    assert run(Project(project_dir), select=["A"]) == []


def test_fix_does_not_guess_between_free_occurrences(project_dir):
    path = _repeat_growth(project_dir)
    path.write_text(path.read_text(encoding="utf-8").replace("    prefix: 出口\n", ""), encoding="utf-8")
    before = path.read_bytes()
    notes = apply_fixes(Project(project_dir), [])
    assert path.read_bytes() == before
    assert any("not sorted" in n and "cannot be anchored" in n for n in notes)
    assert all(f.fix is None for f in run(Project(project_dir), select=["A003"]))


def test_unparsable_file_is_left_alone(project_dir):
    path = project_dir / "annotations" / "mini-news-2020.yaml"
    path.write_text("document: [\n", encoding="utf-8")
    notes = apply_fixes(Project(project_dir), [path])
    assert path.read_text(encoding="utf-8") == "document: [\n" and "not fixed" in notes[0]


def test_check_fix_on_the_command_line(project_dir, capsys):
    path = _shuffled(project_dir)
    assert main(["--root", str(project_dir), "check", "--fix", str(path)]) == 0
    err = capsys.readouterr().err
    assert "sorted annotations" in err and path.read_text(encoding="utf-8").startswith("# yaml-language-server")
