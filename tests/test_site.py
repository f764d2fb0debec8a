"""The published site, built once per session from the base fixture plus tests/fixtures/site
(an interview with speakers, a caption, corrections, nested and crossing spans, a hostile
note and proposals), checked as files and in real headless Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from duizhao.check.rules import RULES
from duizhao.site.config import write_config

from conftest import FIXTURES, REPO, build_project

ARTIFACTS = REPO / "build" / "test-artifacts"
DOC = "mini-interview-2021"


@pytest.fixture(scope="session")
def site(interview_site) -> Path:
    """The fixture project's site, built with ``mkdocs build --strict`` (once per session, conftest)."""
    return interview_site


def _has(cls: str) -> str:
    """XPath test for an HTML class."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


# -- the files ------------------------------------------------------------------------------
def test_both_trees_have_every_page(site):
    for lang in ("en", "zh"):
        for url in ("", "documents/", f"documents/{DOC}/", "documents/mini-news-2020/", "glossary/", "entities/",
                    "entities/luxshare/", "figures/", "figures/industrial-value-added/", "quality/", "rules/",
                    "evaluation/", "downloads/", "search/"):
            assert (site / lang / url / "index.html").is_file(), f"{lang}/{url}"
    assert '<html lang="zh"' in _page(site, f"zh/documents/{DOC}") and '<html lang="en"' in _page(site, "en")


def test_nothing_is_generated_into_the_sources():
    assert not (REPO / "site" / "en").exists() and not (REPO / "site" / "zh").exists()


def test_document_page_shows_dialogue_caption_corrections_and_highlights(site):
    page = lxml_html.fromstring(_page(site, f"en/documents/{DOC}"))
    speakers = [" ".join(s.text_content().split()) for s in page.xpath(
        f"//div[{_has('dz-speaker-row')}]/div[{_has('dz-en')}]/span[{_has('dz-speaker')}]")]
    assert speakers == ["netizen", "Huang Guodong"]
    assert page.xpath(f"//figure[{_has('dz-caption-figure')}]/figcaption//*[@id='s004']")
    correction = page.xpath(f"//*[@id='s005']//span[{_has('dz-corr--substitution')}]")[0]
    assert correction.text_content() == "清偿"
    assert "清尝" in page.get_element_by_id(correction.get("data-tip")).text_content()
    kinds = {e.get("class").split()[1] for e in page.xpath(f"//*[@id='s003']/div[{_has('dz-zh')}]//span[{_has('dz-ann')}]")}
    assert kinds == {"dz-term", "dz-entity", "dz-figure"}
    english = {e.text_content() for e in page.xpath(f"//*[@id='s003']/div[{_has('dz-en')}]//span[{_has('dz-ann')}]")}
    assert english == {"chain chief", "Luxshare", "industrial chain chief system", "12.5%"}
    # the entity crossing the source's bold run is cut in two, one of them focusable
    luxshare = page.xpath(f"//*[@id='s003']/div[{_has('dz-zh')}]//*[@data-ann='mini-interview-2021.a0005']")
    assert "".join(e.text_content() for e in luxshare) == "立讯智造"
    assert [e.get("tabindex") for e in luxshare] == ["0", None]


def test_proposals_are_not_published_by_default(site):
    html = _page(site, f"en/documents/{DOC}")
    assert "mini-interview-2021.a0001" not in html and "mini-interview-2021.a0007" not in html
    assert "mini-interview-2021.a0006" in html


def test_hostile_note_is_text(site):
    page = lxml_html.fromstring(_page(site, f"en/documents/{DOC}"))
    span = page.xpath("//*[@id='s005']//*[@data-ann='mini-interview-2021.a0010']")[0]
    tip = page.get_element_by_id(span.get("data-tip"))
    assert "<script>window.__pwned = 1</script>" in tip.text_content()
    assert not tip.xpath(".//script | .//a[starts-with(@href, 'javascript')] | .//@*[starts-with(name(), 'on')]")
    assert not [s for s in page.xpath("//script") if "__pwned" in (s.text or "")]


def test_rule_reference_has_an_anchor_per_rule_and_the_root_redirects(site):
    ids = set(lxml_html.fromstring(_page(site, "en/rules")).xpath("//@id"))
    assert {code.lower() for code in RULES} <= ids
    root = _page(site, "rules")
    assert "location.replace" in root and "en/rules/" in root


def test_quality_page_lists_the_open_findings(site):
    page = lxml_html.fromstring(_page(site, "en/quality"))
    assert page.xpath("//*[@id='findings-s001']") and page.xpath("//*[@id='findings-g005']")
    link = page.xpath("//*[@id='findings-s001']/h3/a/@href")[0]
    assert link.endswith("rules/#s001")


def test_evaluation_page_publishes_the_report(site):
    report_file = site.parent / "evaluation.json"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert (site / "downloads" / "evaluation.json").read_bytes() == report_file.read_bytes()
    page = lxml_html.fromstring(_page(site, "en/evaluation"))
    assert not page.xpath(f"//*[{_has('dz-evaluation-stale')}]")  # computed on these very files
    rows = {tuple(c.text_content() for c in tr.xpath("th|td")[:5])
            for tr in page.xpath(f"//div[{_has('dz-evaluation')}]//tbody/tr")}
    gazetteer = report["results"]["gazetteer"]["entity"]
    assert ("gazetteer", "entities", f"{gazetteer['precision']:.3f}", f"{gazetteer['recall']:.3f}",
            f"{gazetteer['f1']:.3f}") in rows
    assert {r[0] for r in rows} == {"gazetteer", "figures"}
    target = page.get_element_by_id("figures-target").text_content()
    assert f"{report['figures_target']['recall_achieved']:.3f}" in target
    assert "精确率" in _page(site, "zh/evaluation")


def test_downloads_are_the_exports_and_the_sources(site):
    lines = (site / "downloads" / "segments.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["doc"] for line in lines} == {DOC, "mini-news-2020"}
    tei = (site / "downloads" / "tei" / f"{DOC}.xml").read_bytes()
    assert tei == (FIXTURES / "site" / "corpus" / f"{DOC}.xml").read_bytes()
    assert (site / "downloads" / "annotations" / f"{DOC}.yaml").is_file()
    assert 'href="../../downloads/glossary.tbx"' in _page(site, "en/glossary")


def test_search_bundles_and_dictionary(site):
    for lang in ("zh", "en"):
        assert (site / "search" / "pagefind" / lang / "pagefind.js").is_file()
    dictionary = json.loads((site / "search" / "dictionary.json").read_text(encoding="utf-8"))
    assert "链长制" in dictionary["words"] and dictionary["splits"]["产业链链长制"] == ["产业链", "链长制"]


def test_every_internal_link_resolves(site):
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html")  # 404 links from the root
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(lxml_html.fromstring(path.read_bytes()).xpath("//@id"))
        return ids[path]

    broken = []
    for page in pages:
        tree = lxml_html.fromstring(page.read_bytes())
        for href in tree.xpath("//a/@href | //link/@href"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif parts.fragment and not parts.fragment.startswith(":~:") and target.suffix == ".html" \
                    and parts.fragment not in anchors(target) and parts.fragment != "__skip":
                broken.append(f"{page.relative_to(site)}: {href} (no anchor)")
    assert broken == []


# -- in the browser --------------------------------------------------------------------------
@pytest.fixture(scope="session")
def server(interview_server):
    return interview_server


PAGES = ["", "en/", "zh/", f"en/documents/{DOC}/", f"zh/documents/{DOC}/", "en/documents/mini-news-2020/",
         "en/glossary/", "zh/glossary/", "en/entities/", "zh/entities/luxshare/", "en/figures/",
         "zh/figures/industrial-value-added/", "en/quality/", "zh/rules/", "en/downloads/", "zh/search/",
         "guide/encoding/"]


@pytest.mark.browser
def test_pages_load_without_console_errors(page, server):
    for url in PAGES:
        page.goto(server + url)
        page.wait_for_load_state("networkidle" if "search" in url else "load")
        assert page.title(), url
    assert page.problems == []


# For every table: the elements between it and its column (.dz-table-wrap) that scroll it
# sideways, and whether it is wider than that column. Widths depend on fonts and window
# size; what must hold at any width is: one scroller for a table wider than its column,
# none for one that fits, and a page that never scrolls sideways as a whole.
TABLE_SCROLLERS = """() => Array.from(document.querySelectorAll('.md-content table')).map(table => {
    const column = table.closest('.dz-table-wrap') || table.closest('.md-content__inner');
    const scrollers = [];
    for (let e = table; e !== column.parentElement; e = e.parentElement)
        if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
            scrollers.push(e.className);
    return {table: (column.className + ' ' + (table.querySelector('th') || {}).textContent).slice(0, 80),
            wider: table.getBoundingClientRect().width > column.clientWidth + 1, scrollers};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 480])
def test_tables_show_one_scroller_and_only_when_wider_than_the_page(browser, server, width):
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tables = []
    for url in ("en/figures/", "en/evaluation/", "en/quality/", "en/downloads/", "zh/rules/", "en/documents/"):
        tab.goto(server + url)
        found = tab.evaluate(TABLE_SCROLLERS)
        assert found, url
        tables += found
        assert [t for t in found if len(t["scrollers"]) != (1 if t["wider"] else 0)] == [], (url, width)
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (url, width)
    if width == 480:  # both cases occur: the test could fail either way
        assert any(t["wider"] for t in tables)
    else:
        assert not all(t["wider"] for t in tables)
    tab.close()


def test_hovering_or_focusing_a_highlight_shows_its_tooltip(page, server):
    page.goto(server + f"en/documents/{DOC}/")
    tooltip = page.locator(".dz-tooltip")
    page.hover('#s003 .dz-zh [data-ann="mini-interview-2021.a0006"]')
    assert tooltip.is_visible()
    assert "industrial chain chief system" in tooltip.inner_text()
    page.keyboard.press("Escape")
    assert not tooltip.is_visible()
    page.focus('#s003 .dz-zh [data-ann="mini-interview-2021.a0008"]')  # keyboard focus: tabindex=0
    assert tooltip.is_visible()
    text = tooltip.inner_text()
    assert "12.5%" in text and "2021-01/2021-04" in text and "Ji'an" in text
    page.hover('#s002 .dz-en [data-ann="mini-interview-2021.a0002"]')  # the English half of a pair: hover
    assert "Electronics manufacturer" in tooltip.inner_text()
    page.hover("#s005 .dz-corr--substitution")
    assert "清尝" in tooltip.inner_text()
    assert page.problems == []


@pytest.mark.browser
def test_hostile_note_stays_inert(page, server):
    page.goto(server + f"en/documents/{DOC}/")
    page.hover('#s005 .dz-zh [data-ann="mini-interview-2021.a0010"]')
    assert "<script>window.__pwned = 1</script>" in page.locator(".dz-tooltip").inner_text()
    assert page.locator(".dz-tooltip a[href^='javascript']").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert page.problems == []


@pytest.mark.browser
def test_language_switch_lands_on_the_same_document(page, server):
    page.goto(server + f"en/documents/{DOC}/")
    page.click(".dz-lang-switch a[hreflang=zh]")
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith(f"/zh/documents/{DOC}/")
    assert page.locator("h1").inner_text() == "吉安链长访谈"
    page.click(".dz-lang-switch a[hreflang=en]")
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith(f"/en/documents/{DOC}/")
    assert page.problems == []


@pytest.mark.browser
def test_one_language_view(page, server):
    page.goto(server + f"en/documents/{DOC}/")
    page.click(".dz-view-button[data-view=en]")
    assert not page.locator("#s003 .dz-zh").is_visible() and page.locator("#s003 .dz-en").is_visible()
    page.click(".dz-view-button[data-view=both]")
    assert page.locator("#s003 .dz-zh").is_visible()
    assert page.problems == []


def _search(page, server, lang: str, query: str) -> list[str]:
    """The results of ``query``: each result's URL (a paragraph: documents/x/#s003)."""
    page.goto(f"{server}{lang}/search/?q={query}")
    page.wait_for_selector(f".dz-search-results[data-done='{query}']", timeout=20_000)
    return page.eval_on_selector_all(".dz-search-results li[data-url]", "items => items.map(i => i.dataset.url)")


def _documents(found: list[str]) -> set[str]:
    return {u.split("#")[0] for u in found if u.startswith("documents/")}


@pytest.mark.browser
def test_search_in_chinese_and_english(page, server):
    found = _search(page, server, "zh", "链长制")
    assert "documents/mini-news-2020/" in _documents(found)  # there only as 产业链链长制: the dictionary splits it
    assert f"documents/{DOC}/" in _documents(found)
    assert _documents(_search(page, server, "zh", "走访")) == {f"documents/{DOC}/"}
    assert f"documents/{DOC}/" not in _documents(_search(page, server, "zh", "营业收入"))
    english = _search(page, server, "en", "manufacturing")  # stemmed: Luxshare, "electronics manufacturer", too
    assert _documents(english) == {f"documents/{DOC}/"}
    assert "entities/luxshare/" in english
    assert "documents/mini-news-2020/" in _documents(_search(page, server, "en", "exported"))
    assert page.problems == []


@pytest.mark.browser
def test_search_results_are_paragraphs_in_both_languages_grouped_by_document(page, server):
    found = _search(page, server, "zh", "走访")
    assert found and all(u.startswith(f"documents/{DOC}/#s") for u in found)
    groups = page.locator(".dz-result-groups > li")
    assert groups.count() == 1 and groups.first.locator(".dz-result-doc a").inner_text() == "吉安链长访谈"
    result = page.locator(f".dz-search-results li[data-url='{found[0]}']")
    assert "走访" in result.locator(".dz-result-excerpt mark").first.inner_text()
    assert result.locator(".dz-result-other[lang=en]").inner_text().strip()  # the paragraph's English beside it
    segment = found[0].split("#")[1]
    result.locator("a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.endswith(f"/zh/documents/{DOC}/")
    row = page.locator(f"#{segment}")
    page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect();"
                           " return r.top >= 0 && r.top < innerHeight; }", arg=segment)
    assert row.bounding_box()["y"] >= page.locator(".dz-toolbar").bounding_box()["y"] + \
        page.locator(".dz-toolbar").bounding_box()["height"] - 1
    english = _search(page, server, "en", "visit")
    assert english and english[0].startswith(f"documents/{DOC}/#s")
    assert page.locator(".dz-result-other[lang=zh]").first.inner_text().strip()
    assert page.problems == []


@pytest.mark.browser
def test_search_cuts_chinese_queries_with_the_glossary(page, server):
    page.goto(server + "zh/search/")
    words = page.evaluate("window.duizhaoSearch.cut('全市实施产业链链长制企业')")
    assert "链长制" in words and "产业链链长制" not in words
    assert page.problems == []


@pytest.mark.browser
def test_screenshots_of_a_document_in_both_languages(page, server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "zh"):
        page.goto(f"{server}{lang}/documents/{DOC}/")
        page.hover('#s003 .dz-zh [data-ann="mini-interview-2021.a0008"]')
        path = ARTIFACTS / f"document-{lang}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    assert page.problems == []


@pytest.mark.slow
def test_serve_rebuilds_when_a_tei_or_yaml_file_changes(tmp_path):
    """What `make serve` gives an annotator: an edit shows up without restarting."""
    import socket
    import time
    import urllib.request

    root = build_project(tmp_path / "project", FIXTURES / "site")
    config = write_config(root, root / "build" / "site")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config),
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page_after(predicate, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/documents/{DOC}/", timeout=5) as r:
                    text = r.read().decode("utf-8")
                if predicate(text):
                    return text
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError("the page did not change")

    try:
        page_after(lambda text: "Interview with" in text)
        tei = root / "corpus" / f"{DOC}.xml"
        tei.write_text(tei.read_text(encoding="utf-8").replace("clear results", "remarkable results"),
                       encoding="utf-8")
        page_after(lambda text: "remarkable results" in text)
        yaml_file = root / "annotations" / f"{DOC}.yaml"
        yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace("click me", "edited note"),
                             encoding="utf-8")
        page_after(lambda text: "edited note" in text)
    finally:
        server.terminate()
        server.wait(timeout=10)
