"""The figures explorer and the annotation guideline on the site, built from the base fixture
plus tests/fixtures/figures (every modality, bounds, a range, ranks, an average, a gap, periods
of several lengths and a year missing from a yearly series), checked as files and in headless
Chromium: what a reader sees, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import FIXTURES, REPO, build_project, build_site, serve

GROWTH, REVENUE = "figures/industrial-value-added/", "figures/operating-revenue/"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    root = build_project(tmp_path_factory.mktemp("figures-site") / "project", FIXTURES / "figures")
    return build_site(root, root / "build" / "site")


@pytest.fixture(scope="session")
def server(site):
    with serve(site) as url:
        yield url


def _tree(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_bytes())


# -- the guideline in two languages ---------------------------------------------------------------
GUIDE, GUIDE_ZH = REPO / "site" / "guide" / "annotation.md", REPO / "site" / "guide" / "annotation.zh.md"
HAN = re.compile(r"[\u3400-\u9fff]")


def _without_cross_link(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "annotation.zh.md" not in line and "annotation.md)" not in line)


def test_chinese_guideline_keeps_every_cue_word_example_code_and_yaml_of_the_english():
    """The translation may reword the English, never the Chinese cue words, the examples, the
    attribute values or the YAML: what the English page shows in Chinese or as code is in it."""
    english, chinese = _without_cross_link(GUIDE.read_text("utf-8")), GUIDE_ZH.read_text("utf-8")
    fences = re.compile(r"^```.*?^```", re.S | re.M)
    assert fences.findall(english) == fences.findall(chinese)
    flat = " ".join(fences.sub("", chinese).split())
    codes = {" ".join(c.split()) for c in re.findall(r"`([^`]+)`", fences.sub("", english))}
    assert sorted(c for c in codes if f"`{c}`" not in flat) == []
    words = {w.strip(".*") for w in re.findall(r"[^\s,;()→:`]+", fences.sub("", english)) if HAN.search(w)}
    assert sorted(w for w in words if w not in chinese) == []
    for marker in (r"^#+ ", r"^\|", r"^- "):  # the same headings, table rows and list items
        assert len(re.findall(marker, english, re.M)) == len(re.findall(marker, chinese, re.M)), marker


def test_chinese_navigation_shows_the_chinese_guideline_and_each_version_links_to_the_other(site):
    zh_nav = {a.text_content().strip(): a.get("href") for a in _tree(site, "zh").xpath("//nav//a[@href]")}
    en_nav = {a.text_content().strip(): a.get("href") for a in _tree(site, "en").xpath("//nav//a[@href]")}
    assert zh_nav["标注规范"] == "../guide/annotation.zh/" and en_nav["Annotation guideline"] == "../guide/annotation/"
    assert "../guide/annotation.zh/" not in en_nav.values()
    chinese, english = _tree(site, "guide/annotation.zh"), _tree(site, "guide/annotation")
    assert chinese.get("lang") == "zh" and english.get("lang") == "en"
    assert chinese.xpath("//article//a[@href='../annotation/']") and english.xpath("//article//a[@href='../annotation.zh/']")
    switch = {a.get("hreflang"): a.get("href") for a in chinese.xpath("//a[contains(@class, 'dz-lang')]")}
    assert switch == {"en": "../annotation/"}
    assert "以英文版为准" in chinese.xpath("//article")[0].text_content()


def test_figures_pages_link_to_the_guideline(site):
    for lang, target in (("en", "guide/annotation/"), ("zh", "guide/annotation.zh/")):
        for url in (f"{lang}/figures", f"{lang}/{GROWTH}"):
            links = [(site / url / href).resolve() for href in _tree(site, url).xpath(
                "//*[contains(@class, 'dz-guide-link')]/a/@href")]
            assert links == [(site / target).resolve()], url


# -- in the browser -------------------------------------------------------------------------------
CHART_LAYOUT = """() => Array.from(document.querySelectorAll('figure.dz-chart')).map(figure => {
    const title = figure.querySelector('.dz-chart-title'), legend = figure.querySelector('.dz-chart-legend');
    const drawing = figure.querySelector(':scope > svg');
    const box = e => e.getBoundingClientRect();
    const before = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return {title: title.textContent.trim(), legend: Array.from(legend.querySelectorAll('li')).map(li => li.textContent.trim()),
            titleFirst: before(title, drawing), legendFirst: before(legend, drawing),
            titleBottom: box(title).bottom, legendTop: box(legend).top, legendBottom: box(legend).bottom,
            chartTop: box(drawing).top, chartBottom: box(drawing).bottom,
            marksOutside: Array.from(drawing.querySelectorAll('.dz-point > :not(title):not(.dz-whisker)'))
              .filter(m => box(m).top < box(drawing).top - 1 || box(m).bottom > box(drawing).bottom + 1).length};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_has_its_title_and_legend_above_it(page, server, lang):
    for url in (GROWTH, REVENUE):
        page.goto(f"{server}{lang}/{url}")
        charts = page.evaluate(CHART_LAYOUT)
        assert charts, url
        previous_bottom = float("-inf")
        for chart in charts:
            assert chart["titleFirst"] and chart["legendFirst"], chart  # before the drawing in the DOM
            assert chart["marksOutside"] == 0, chart  # no point strays out of its chart (onto the legend)
            assert chart["titleBottom"] <= chart["legendTop"] + 1 and chart["legendBottom"] <= chart["chartTop"] + 1, chart
            assert chart["titleBottom"] > previous_bottom, chart  # below the chart before: it reads as this one's
            previous_bottom = chart["chartBottom"]
    assert page.problems == []


HOLLOW = """(title) => { const point = Array.from(document.querySelectorAll('figure.dz-chart g.dz-point'))
    .find(g => g.querySelector('title').textContent.includes(title));
  const mark = point.querySelector('circle, rect, path:not(.dz-whisker)'), style = getComputedStyle(mark);
  return {fill: style.fill, stroke: style.stroke, label: point.querySelector('title').textContent,
          series: point.parentElement.getAttribute('class')}; }"""


@pytest.mark.browser
def test_a_forecast_or_target_is_labelled_and_drawn_as_such(page, server):
    page.goto(f"{server}en/{GROWTH}")
    rows = {r[2]: r for r in page.evaluate("""() => Array.from(document.querySelectorAll('.dz-figures tbody tr'))
        .map(tr => Array.from(tr.cells).map(td => td.innerText.trim()))""")}
    assert rows["增长8%左右"][:2] == ["≈ 8%", "forecast"] and rows["增长4.1%"][1] == "actual"
    assert rows["降幅超过10%"][0] == "< −10%"
    growth = page.evaluate(CHART_LAYOUT)[0]
    assert growth["legend"] == ["Ji'an · 3-month periods · actual", "Ji'an · 9-month periods · actual",
                                "Ji'an · full years · actual", "Ji'an · full years · forecast"]
    forecast, outcome = page.evaluate(HOLLOW, "2021 · ≈ 8% · forecast"), page.evaluate(HOLLOW, "2020 · 4.1% · actual")
    assert "forecast" in forecast["series"] and forecast["fill"] != forecast["stroke"]  # hollow
    assert outcome["fill"] == outcome["stroke"]  # filled
    # the forecast is never on a line: no polyline goes through it, and the actual years' line stops at 2020
    lines = page.evaluate("""() => Array.from(document.querySelectorAll('figure.dz-chart')[0].querySelectorAll('polyline'))
        .map(l => l.getAttribute('points').split(' ').length)""")
    assert lines == [2]  # 2019–2020 only: 2017 stands alone (no 2018), the other series have one point each
    page.goto(f"{server}zh/{REVENUE}")
    target = page.evaluate(HOLLOW, "> 3000亿元")
    assert target["label"].endswith("目标值 · mini-review-2020/s005") and target["fill"] != target["stroke"]
    assert page.evaluate(CHART_LAYOUT)[0]["legend"][-1] == "吉安市 · 年度 · 目标值"
    assert page.problems == []
