"""Behaviour of the annotation rules (A, G, E, F, S) beyond their good/bad fixtures."""

from __future__ import annotations

import pytest

from duizhao.check import run
from duizhao.cli import main
from duizhao.export import EXPORTERS
from duizhao.project import Project

ANN = "annotations/mini-news-2020.yaml"


def _edit(root, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _codes(root, select: str) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in run(Project(root), select=[select])]


FIGURE = """  - id: mini-news-2020.a0009
    type: figure
    segment: s003
    quote: {quote}
    status: accepted
    source: manual
    value: {value}
    unit: {unit}
    scale: {scale}
    qualifier: {qualifier}
    indicator: exports
    measure: level
    scope: luxshare
    period: 2020-01/2020-09
"""


def _add_figure(root, **fields) -> None:
    path = root / ANN
    path.write_text(path.read_text(encoding="utf-8") + FIGURE.format(**fields), encoding="utf-8")


def test_f001_reads_a_qualifier_just_outside_the_quote(project_dir):
    _edit(project_dir, "corpus/mini-news-2020.xml", "出口29.95亿美元", "出口近30亿美元")
    _add_figure(project_dir, quote="30亿美元", value=30, unit="usd", scale=100000000, qualifier="approx")
    assert _codes(project_dir, "F001") == []
    _edit(project_dir, ANN, "qualifier: approx", "qualifier: exact")
    [(code, _, message)] = _codes(project_dir, "F001")
    assert "qualifier exact but '近30亿美元' reads as approx" in message


def test_f001_accepts_a_sign_written_as_a_word(project_dir):
    _edit(project_dir, "corpus/mini-news-2020.xml", "增长3.6%", "同比-3.6%")
    _edit(project_dir, ANN, "quote: 增长3.6%", "quote: 同比-3.6%")
    assert _codes(project_dir, "F001") == []
    _edit(project_dir, ANN, "value: 3.6", "value: -3.6")
    assert _codes(project_dir, "F001") == []


def _second_document(root, figure: str) -> None:
    """A second document (mini-review-2020, same text) whose annotation file holds ``figure``."""
    import shutil
    from conftest import RULE_FIXTURES
    shutil.copy(RULE_FIXTURES / "F004" / "good" / "corpus" / "mini-review-2020.xml", root / "corpus")
    (root / "annotations" / "mini-review-2020.yaml").write_text(
        "# yaml-language-server: $schema=schema/annotations.schema.json\ndocument: mini-review-2020\nannotations:\n"
        + figure.replace("mini-news-2020.a0009", "mini-review-2020.a0001").replace("quote: 立讯智造", "quote: 出口29.95亿美元"),
        encoding="utf-8")


@pytest.mark.parametrize("qualifier,value,conflict", [
    ("more_than", 20, False),   # more than 2.0 billion is true of 2.995 billion
    ("more_than", 30, True),    # more than 3 billion is not
    ("less_than", 30, False),
    ("at_most", 20, True),
    ("approx", 20, False),      # approximations are not compared
])
def test_f004_compares_figures_as_intervals(project_dir, qualifier, value, conflict):
    _add_figure(project_dir, quote="出口29.95亿美元", value=29.95, unit="usd", scale=100000000, qualifier="exact")
    _second_document(project_dir, FIGURE.format(quote="立讯智造", value=value, unit="usd", scale=100000000, qualifier=qualifier))
    found = [f for f in _codes(project_dir, "F004")]
    assert len(found) == (2 if conflict else 0)
    if conflict:
        assert "exports of luxshare, 2020-01/2020-09, level" in found[0][2] and "(mini-" in found[0][2]


def test_f004_compares_documents_not_places_within_one(project_dir):
    """Within one document the key cannot tell counted categories apart: no finding."""
    _add_figure(project_dir, quote="出口29.95亿美元", value=29.95, unit="usd", scale=100000000, qualifier="exact")
    other = FIGURE.format(quote="立讯智造", value=31, unit="usd", scale=100000000, qualifier="exact")
    _edit(project_dir, ANN, "    entity: luxshare\n", "    entity: luxshare\n" + other.replace("a0009", "a0010"))
    assert _codes(project_dir, "F004") == []


def test_f004_can_be_silenced_with_a_reason(project_dir):
    _add_figure(project_dir, quote="出口29.95亿美元", value=29.95, unit="usd", scale=100000000, qualifier="exact")
    other = FIGURE.format(quote="立讯智造", value=31, unit="usd", scale=100000000, qualifier="exact")
    other = other.replace("    value: 31\n", "    # duizhao: ignore[F004] the source revises the figure\n    value: 31\n")
    _second_document(project_dir, other)
    found = run(Project(project_dir), select=["F004"])
    assert [f.path.split("/")[-1] for f in found] == ["mini-news-2020.yaml"]  # only the unsilenced place


def test_g005_overlap_with_the_same_term_counts_as_annotated(project_dir):
    """链长制 annotated inside the variant 产业链链长制 covers it; another term's overlap would not."""
    assert _codes(project_dir, "G005") == []
    _edit(project_dir, ANN, "term: chain-chief-system", "term: project-5020")
    [(code, line, message)] = _codes(project_dir, "G005")
    assert "'产业链链长制' (chain-chief-system)" in message and line == 46


def test_rejected_annotations_are_decisions_not_mentions(project_dir):
    """A rejected term annotation covers its occurrence for G005 (a reviewer decided it is
    not the term), but is history for the anchoring rules."""
    _edit(project_dir, ANN, "    quote: 链长制\n    status: accepted", "    quote: 链长制\n    status: rejected")
    assert _codes(project_dir, "G005") == []
    _edit(project_dir, ANN, "    segment: s003\n    quote: 链长制", "    segment: s099\n    quote: 链长制")
    assert _codes(project_dir, "A001") == []  # a rejected anchor is history, not an error


def test_proposals_warn_and_fail_only_with_strict(project_dir, capsys):
    _edit(project_dir, ANN, "    quote: 立讯智造\n    status: accepted\n    source: manual",
          "    quote: 立讯智造\n    status: proposed\n    source: gazetteer")
    assert main(["--root", str(project_dir), "check"]) == 0
    assert main(["--root", str(project_dir), "check", "--strict"]) == 1
    assert "S001 [warning]" in capsys.readouterr().out


HOSTILE = {
    ANN: """# yaml-language-server: $schema=schema/annotations.schema.json
document: [not, a, string]
annotations:
  - just a string
  - id: 7
    type: figure
    segment: {s002: x}
    quote: 增长3.6%
    prefix: ""
    status: accepted
    value: true
    scale: 0
    period: [2020]
    term: {a: b}
  - id: mini-news-2020.a0002
    type: figure
    segment: s002
    quote: 3.6%
    status: accepted
    value: 3.6
    value_max: "x"
    qualifier: range
    period: 2020-99
""",
    "annotations/glossary.yaml": """terms:
  - id: [x]
    zh: 链长制
    variants: 链长
    definition: text
  - id: t2
    zh: 5020
    en: ""
    variants: [链长制, 7, null]
    definition: {zh: 5, en: " "}
""",
    "annotations/entities.yaml": """entities:
  - id: e1
    zh: 立讯智造
    aliases: 立讯
    parent: [x, y]
    description: [a]
  - id: {x: 1}
    zh: [吉安]
  - 42
""",
}


def test_no_annotation_rule_or_export_crashes_on_wrongly_typed_yaml(project_dir):
    for rel, text in HOSTILE.items():
        (project_dir / rel).write_text(text, encoding="utf-8")
    project = Project(project_dir)
    findings = run(project)
    assert any(f.code == "Y003" for f in findings)
    import io
    for what, formats in EXPORTERS.items():
        for fmt, writer in formats.items():
            writer(Project(project_dir), io.BytesIO() if fmt in ("tbx", "tmx") else io.StringIO())
