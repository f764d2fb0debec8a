"""The translation rules (T) beyond their fixtures: messages, longest match, no double reports."""

from __future__ import annotations

from pathlib import Path

from duizhao.check import run
from duizhao.check.rules.t004_length_ratio import HIGH, LOW, ratio
from duizhao.project import Project

from conftest import build_project

EN_S003 = 'The city implemented the industrial chain chief system and attracted 17 "5020" projects. Luxshare exported 2.995 billion US dollars.'


def _project(tmp_path: Path, en_s003: str | None = None, glossary_extra: str = "") -> Project:
    root = build_project(tmp_path / "p")
    tei = root / "corpus" / "mini-news-2020.xml"
    if en_s003 is not None:
        tei.write_text(tei.read_text(encoding="utf-8").replace(EN_S003, en_s003), encoding="utf-8")
    if glossary_extra:
        glossary = root / "annotations" / "glossary.yaml"
        glossary.write_text(glossary.read_text(encoding="utf-8") + glossary_extra, encoding="utf-8")
    return Project(root)


def test_t002_names_the_expression_and_the_value(tmp_path):
    project = _project(tmp_path, EN_S003.replace("2.995 billion", "2.9 billion").replace("17", "seventeen"))
    [finding] = run(project, select=["T002"])
    assert finding.message == "s003: 29.95亿美元 is not in the English (looked for 2.995 billion)"
    assert (finding.line, finding.code) == (54, "T002")


def test_t002_suppression_needs_the_right_code(tmp_path):
    project = _project(tmp_path, EN_S003.replace("2.995 billion", "2.9 billion"))
    tei = project.root / "corpus" / "mini-news-2020.xml"
    text = tei.read_text(encoding="utf-8")
    marker = '      <ab corresp="#s003"'
    tei.write_text(text.replace(marker, "      <!-- duizhao: ignore[T005] wrong code -->\n" + marker), encoding="utf-8")
    assert [f.code for f in run(Project(project.root), select=["T002"])] == ["T002"]
    tei.write_text(text.replace(marker, "      <!-- duizhao: ignore[T002] rounded on purpose -->\n" + marker), encoding="utf-8")
    assert run(Project(project.root), select=["T002"]) == []


CHAIN_CHIEF = """  - id: chain-chief
    zh: 链长
    en: chain chief
    forbidden: [chain length]
    category: policy-mechanism
    definition: {zh: 产业链的牵头领导。, en: The leader in charge of an industrial chain.}
"""


def test_t005_t006_count_a_term_inside_a_longer_one_once(tmp_path):
    # 链长 is written only inside 产业链链长制 (chain-chief-system): its own rendering is not demanded
    project = _project(tmp_path, EN_S003.replace("industrial chain chief system", "chain length system"), CHAIN_CHIEF)
    found = run(project, select=["T005", "T006"])
    assert [(f.code, f.message) for f in found] == [
        ("T005", 's003: 产业链链长制 (chain-chief-system) is not rendered as "industrial chain chief system"'),
        ("T006", 's003: "chain length system" is a forbidden rendering of 产业链链长制 (chain-chief-system); '
                 'use "industrial chain chief system"'),
    ]


def test_t007_leaves_dangling_pointers_to_x004(tmp_path):
    project = _project(tmp_path)
    tei = project.root / "corpus" / "mini-news-2020.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace('<ab corresp="#s003"', '<ab corresp="#s009"'), encoding="utf-8")
    found = run(Project(project.root), select=["T007", "X004", "T001"])
    assert sorted(f.code for f in found) == ["T001", "X004"]


def test_t003_ignores_encoding_notes_that_quote_the_source(tmp_path):
    # the base fixture's encodingDesc quotes 分享到: in an English paragraph
    assert run(_project(tmp_path), select=["T003"]) == []


def test_length_ratio():
    zh = "全市实施产业链链长制，引进“5020”项目17个。立讯智造出口29.95亿美元。"
    assert ratio(zh, EN_S003) is not None and LOW <= ratio(zh, EN_S003) <= HIGH
    assert ratio("吉安工业简讯", "Ji'an Industry Brief") is None  # short segments are exempt
    assert ratio(zh, "Seventeen projects.") < LOW
