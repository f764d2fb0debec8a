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


TAX_AND_FEE_CUTS = """  - id: tax-and-fee-cuts
    zh: 减税降费
    en: tax and fee cuts
    en_variants: [tax cuts, cutting taxes and fees]
    category: policy-mechanism
    definition: {zh: 减轻企业税费负担的政策。, en: Policies that lighten the tax and fee burden on enterprises.}
"""


def _with_tax_and_fee_cuts(tmp_path: Path, en_tail: str) -> Project:
    project = _project(tmp_path, f"{EN_S003} {en_tail}", TAX_AND_FEE_CUTS)
    tei = project.root / "corpus" / "mini-news-2020.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("出口29.95亿美元。</p>", "出口29.95亿美元。落实减税降费政策。</p>"),
                   encoding="utf-8")
    return Project(project.root)


def test_t008_reports_a_half_rendering_that_a_variant_lets_through_t005(tmp_path):
    found = run(_with_tax_and_fee_cuts(tmp_path, "It implemented the tax cut policies."), select=["T005", "T008"])
    assert [(f.code, f.message) for f in found] == [
        ("T008", 's003: 减税降费 (tax-and-fee-cuts) is rendered only in part ("tax cuts"); '
                 'render every part: "tax and fee cuts"')]


def test_t008_takes_over_from_t005_when_only_a_part_is_written(tmp_path):
    found = run(_with_tax_and_fee_cuts(tmp_path, "It implemented the fee cut policies."), select=["T005", "T008"])
    assert [(f.code, f.message) for f in found] == [
        ("T008", 's003: 减税降费 (tax-and-fee-cuts) is rendered only in part ("fee cuts"); '
                 'render every part: "tax and fee cuts"')]


def test_t005_reports_a_term_none_of_whose_parts_is_written(tmp_path):
    found = run(_with_tax_and_fee_cuts(tmp_path, "It implemented the policies."), select=["T005", "T008"])
    assert [f.code for f in found] == ["T005"]


def test_whole_renderings_in_any_order_pass_t008(tmp_path):
    for tail in ("It implemented tax and fee cuts.", "It kept cutting taxes and fees."):
        assert run(_with_tax_and_fee_cuts(tmp_path / tail[3:9], tail), select=["T005", "T008"]) == []


def _with_luxshare_aliases(tmp_path: Path, en_s003: str) -> Project:
    project = _project(tmp_path, en_s003)
    entities = project.root / "annotations" / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    entities.write_text(text.replace("    en: Luxshare\n", "    en: Luxshare\n    en_aliases: [Lixun Zhizao, Luxshare Group, lixun]\n", 1),
                        encoding="utf-8")
    return Project(project.root)


def test_e004_names_the_alias_and_the_name_to_write(tmp_path):
    found = run(_with_luxshare_aliases(tmp_path, EN_S003.replace("Luxshare", "Lixun Zhizao")), select=["E004"])
    assert [(f.code, f.line, f.message) for f in found] == [
        ("E004", 54, 's003: "Lixun Zhizao" is an alias of luxshare; write its name "Luxshare"')]


def test_e004_allows_short_forms_and_descriptions(tmp_path):
    # "Luxshare Group" contains the name; "lixun", in lower case, is a description, not a name
    for n, other in enumerate(("Luxshare Group", "lixun")):
        project = _with_luxshare_aliases(tmp_path / str(n), EN_S003.replace("Luxshare", other))
        assert run(project, select=["E004"]) == []
