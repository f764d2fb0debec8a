"""What a reader meets on the site (issue 14): the place kept, a phone, citations, dates as
written, tables and indexes to explore, interface strings in both languages, page metadata.
Built from the interview fixture (conftest.interview_site); browser tests assert what a reader
sees: positions in the viewport, focus, text."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from duizhao.site import meta, urls
from duizhao.tei import Document

from conftest import FIXTURES, REPO, build_project

DOC = "mini-interview-2021"
ARTIFACTS = REPO / "build" / "test-artifacts"
HAN = re.compile(r"[\u3400-\u9fff]")


def _tree(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_bytes())


def _header(title_xml: str, date_xml: str) -> Document:
    xml = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>{title_xml}</titleStmt>
      <sourceDesc><bibl>{date_xml}</bibl></sourceDesc></fileDesc></teiHeader></TEI>"""
    return Document("x", Path("x.xml"), etree.ElementTree(etree.fromstring(xml)))


# -- dates, titles, citations: the data ---------------------------------------------------------------
@pytest.mark.parametrize("date_xml, en, zh, issued", [
    ('<date when="2021-05-25">2021-05-25</date>', "2021-05-25", "2021-05-25", {"date-parts": [[2021, 5, 25]]}),
    ('<date notBefore="2019-12-01" notAfter="2019-12-31" cert="medium">December 2019</date>', "December 2019",
     "2019年12月", {"date-parts": [[2019, 12]], "literal": "December 2019"}),
    ('<date notBefore="2023-01-01" notAfter="2023-03-31" cert="low">early 2023 (inferred)</date>',
     "early 2023 (inferred)", "2023年1月至3月（推定）",
     {"date-parts": [[2023, 1], [2023, 3]], "circa": True, "literal": "early 2023 (inferred)"}),
])
def test_an_uncertain_date_reads_as_written_never_as_a_day(date_xml, en, zh, issued):
    doc = _header('<title xml:lang="en">T</title>', date_xml)
    assert meta.date_shown(doc, "en") == en and meta.date_shown(doc, "zh") == zh
    assert meta.issued(doc) == issued


def test_a_document_is_titled_by_its_main_title_not_its_subtitle():
    doc = _header('<title xml:lang="zh" type="main">产业引领</title><title xml:lang="zh" type="sub">——2022年综述</title>'
                  '<title xml:lang="en" type="main">Led by Industry</title><title xml:lang="en" type="sub">A Review</title>',
                  '<date when="2023-01-01"/>')
    assert meta.title(doc, "zh") == "产业引领" and meta.subtitle(doc, "zh") == "2022年综述"
    assert meta.full_title(doc, "en") == "Led by Industry: A Review"
    assert meta.title(_header('<title xml:lang="en">Only</title>', ""), "zh") == "Only"


def test_urls_come_from_one_module():
    assert urls.document("zh", "d", "s3") == "zh/documents/d/#s3" and urls.within("zh/documents/d/#s3") == "documents/d/#s3"
    assert urls.entity("en", "e", 2) == "en/entities/e/2/" and urls.of_src("en/entities/index.md") == "en/entities/"
    assert urls.Links("en", "en/documents/d/").glossary("t") == "../../glossary/#t"
    assert urls.absolute("https://x.org/duizhao", "en/") == "https://x.org/duizhao/en/" and urls.absolute(None, "en/") is None
    hand_built = []
    for path in (REPO / "tools" / "duizhao" / "site" / "templates").glob("*.html"):
        hand_built += [f"{path.name}: {m}" for m in re.findall(r"lang ~ '/[a-z]+/", path.read_text(encoding="utf-8"))]
    assert hand_built == []


# -- the built pages ------------------------------------------------------------------------------------
def test_document_pages_carry_citation_tags_and_json_ld(interview_site):
    page = _tree(interview_site, f"en/documents/{DOC}")
    tags = {m.get("name"): m.get("content") for m in page.xpath("//meta[starts-with(@name, 'citation_')]")}
    assert tags["citation_title"] == "Interview with Ji'an's Chain Chiefs"
    assert tags["citation_publication_date"] and tags["citation_language"] == "en"
    ld = json.loads(page.xpath("//script[@type='application/ld+json']/text()")[0])
    assert ld["@type"] == "ScholarlyArticle" and ld["translationOfWork"]["name"] == "吉安链长访谈"
    assert ld["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert ld["isPartOf"]["version"]
    citation = json.loads(page.xpath("//article[@data-citation]/@data-citation")[0])
    assert citation["original-title"] == "吉安链长访谈" and citation["translator"] and "CC BY 4.0" in citation["license"]


def test_every_generated_page_has_its_own_description(interview_site):
    seen: dict[str, str] = {}
    for lang in ("en", "zh"):
        for url in ("", "documents/", f"documents/{DOC}/", "documents/mini-news-2020/", "glossary/", "entities/",
                    "entities/luxshare/", "figures/", "quality/", "downloads/", "search/"):
            found = _tree(interview_site, f"{lang}/{url}").xpath("//meta[@name='description']/@content")
            assert found and found[0].strip(), f"{lang}/{url}"
            assert found[0] not in seen, (f"{lang}/{url}", seen.get(found[0]))
            seen[found[0]] = f"{lang}/{url}"
    assert HAN.search(_tree(interview_site, "zh/glossary").xpath("//meta[@name='description']/@content")[0])


PLACEHOLDER = re.compile(r"\b[A-Z]{2,}_[A-Z_]{2,}\b|\{\{|\}\}|\{[a-z_]+\}|\bTODO\b|\bFIXME\b|(?i:lorem ipsum)")


def test_no_page_shows_placeholder_text(interview_site):
    """Text a reader sees (code excepted) holds no template leftover or placeholder such as
    RESULTS_TABLE, {{ x }} or {n}."""
    found = []
    for path in sorted(interview_site.rglob("*.html")):
        tree = lxml_html.fromstring(path.read_bytes())
        for bad in tree.xpath("//script | //style | //code | //pre | //*[@hidden]"):
            bad.drop_tree()
        body = tree.find("body")
        text = " ".join(body.itertext()) if body is not None else ""
        found += [f"{path.relative_to(interview_site)}: {m.group(0)}" for m in PLACEHOLDER.finditer(text)]
    assert found == []
    assert PLACEHOLDER.search("see RESULTS_TABLE below") and PLACEHOLDER.search("{n} results")  # the test can fail


def test_footer_and_downloads_state_version_date_and_licence(interview_site):
    for lang, words in (("en", "duizhao corpus version"), ("zh", "对照语料版本")):
        for url in ("", f"documents/{DOC}/", "glossary/"):
            footer = " ".join(_tree(interview_site, f"{lang}/{url}").xpath("//div[@class='md-copyright']")[0].itertext())
            assert words in footer and "CC BY 4.0" in footer, (lang, url)
        downloads = _tree(interview_site, f"{lang}/downloads")
        assert "CC BY 4.0" in " ".join(downloads.get_element_by_id("licence").itertext())
    described = _tree(interview_site, "zh/downloads").xpath("//h2[@id='datasets']/following::table[1]//tbody/tr/td[4]")
    assert described and all(HAN.search(td.text_content()) for td in described)  # written for readers, in Chinese


def test_downloads_list_the_release_and_each_files_checksum_and_carry_dataset_json_ld(interview_site):
    """Issue 15: the release (unreleased in the fixture), a SHA-256 of each file as served, and a
    schema.org Dataset whose distribution is those files."""
    import hashlib
    from urllib.parse import urljoin

    for lang in ("en", "zh"):
        page = _tree(interview_site, f"{lang}/downloads")
        release = " ".join(page.get_element_by_id("release").itertext())
        assert ("Unreleased" in release) if lang == "en" else ("未发布" in release)
        listed = {}
        for row in page.xpath("//h2[@id='datasets' or @id='documents']/following::table[1]//tbody/tr"):
            href = row.xpath(".//a[@download]/@href")[0]
            served = interview_site / urljoin(f"{lang}/downloads/", href)
            checksum = row.xpath(".//td[@class='dz-checksum']/code/text()")[0]
            assert re.fullmatch(r"[0-9a-f]{64}", checksum), href
            assert checksum == hashlib.sha256(served.read_bytes()).hexdigest(), href
            listed[served.relative_to(interview_site).as_posix()] = checksum
        assert any(p.startswith("downloads/tei/") for p in listed) and "downloads/glossary.tbx" in listed
        scripts = page.xpath("//head/script[@type='application/ld+json']/text()")
        assert len(scripts) == 1
        ld = json.loads(scripts[0])
        assert ld["@context"] == "https://schema.org" and ld["@type"] == "Dataset"
        assert ld["name"] and ld["description"] and ld["license"].startswith("https://creativecommons.org/")
        assert ld["inLanguage"] == ["zh", "en"] and ld["creator"]["name"] and ld["version"].startswith("0.0.0+")
        assert "datePublished" not in ld  # unreleased
        files = {urljoin(f"{lang}/downloads/", d["contentUrl"]): d for d in ld["distribution"]}
        assert all(d["@type"] == "DataDownload" and d["encodingFormat"] for d in files.values())
        assert {path: d["sha256"] for path, d in files.items()} == listed
    assert not page.xpath("//body//script[@type='application/ld+json']")  # in the head, where documents put theirs


def test_a_released_corpus_gives_its_version_and_date_in_the_dataset():
    from duizhao.site.render import Download

    version = meta.Version("1.2.0", "2026-11-30", "1.2.0+abc1234")
    files = [Download("glossary", "csv", "downloads/glossary.csv", 3, sha256="0" * 64)]
    ld = meta.dataset_json_ld("zh", "https://x.example/zh/downloads/", version, files)
    assert ld["version"] == "1.2.0" and ld["datePublished"] == "2026-11-30"
    assert ld["distribution"][0]["contentUrl"] == "https://x.example/downloads/glossary.csv"
    assert meta.dataset_json_ld("zh", None, version, files)["distribution"][0]["contentUrl"] == "../../downloads/glossary.csv"


def test_chinese_interface_names_glossary_categories_and_result_kinds_in_chinese(interview_site):
    glossary = _tree(interview_site, "zh/glossary")
    options = [o.text_content() for o in glossary.xpath("//select[@id='dz-glossary-category']/option")]
    assert len(options) > 1 and all(HAN.search(o) for o in options)
    labels = json.loads(glossary.xpath("//script[@id='dz-labels']/text()")[0])
    assert all(HAN.search(v) for k, v in labels.items() if k.startswith("kind_"))


def test_entity_index_and_glossary_are_sorted_in_the_readers_language(interview_site):
    for lang in ("en", "zh"):
        lists = _tree(interview_site, f"{lang}/entities").xpath("//ul[@class='dz-entity-list']")
        assert sum(len(ul) for ul in lists) >= 2
        for ul in lists:  # each type's list
            names = [a.xpath(f".//span[@lang='{lang}']")[0].text_content() for a in ul.xpath("li/a")]
            keys = [n.casefold() for n in names] if lang == "en" else [meta_pinyin(n) for n in names]
            assert keys == sorted(keys), (lang, names)
    letters = _tree(interview_site, "zh/glossary").xpath("//nav[@class='dz-jump']//a/text()")
    assert letters and letters == sorted(letters, key=lambda c: (c == "#", c))


def meta_pinyin(text: str) -> str:
    from duizhao.pinyin import pinyin

    return pinyin(text).casefold()


def test_unused_theme_files_are_not_shipped_and_no_sitemap_without_site_url(interview_site):
    assert not (interview_site / "assets" / "javascripts" / "lunr").exists()
    assert not list(interview_site.rglob("*.map")) and not (interview_site / "assets" / "javascripts" / "workers").exists()
    assert not (interview_site / "sitemap.xml").exists()
    assert not _tree(interview_site, "en").xpath("//link[@rel='alternate'][@hreflang]")


@pytest.mark.slow
def test_site_url_gives_a_sitemap_canonical_urls_and_hreflang(tmp_path):
    from duizhao.site.config import write_config

    root = build_project(tmp_path / "project", FIXTURES / "site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DUIZHAO_SITE_URL": "https://corpus.example.org/duizhao",
           "DUIZHAO_SEARCH": "0"}
    out = root / "build" / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(write_config(root, out))],
                          capture_output=True, text=True, env=env, cwd=root)
    assert done.returncode == 0, done.stderr
    page = _tree(out, f"zh/documents/{DOC}")
    base = "https://corpus.example.org/duizhao/"
    assert page.xpath("//link[@rel='canonical']/@href") == [f"{base}zh/documents/{DOC}/"]
    assert {(e.get("hreflang"), e.get("href")) for e in page.xpath("//link[@rel='alternate'][@hreflang]")} == {
        ("en", f"{base}en/documents/{DOC}/"), ("zh", f"{base}zh/documents/{DOC}/")}
    assert page.xpath("//meta[@name='citation_public_url']/@content") == [f"{base}zh/documents/{DOC}/"]
    sitemap = etree.parse(str(out / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = sitemap.xpath("//s:loc/text()", namespaces=ns)
    assert f"{base}en/documents/{DOC}/" in locs and f"{base}zh/glossary/" in locs
    entry = sitemap.xpath(f"//s:url[s:loc='{base}en/glossary/']/x:link/@hreflang", namespaces=ns)
    assert sorted(entry) == ["en", "zh"]


# -- in the browser ------------------------------------------------------------------------------------
def _sticky_bottom(tab) -> float:
    return tab.evaluate("""() => Math.max(...Array.from(document.querySelectorAll('.md-header, .dz-toolbar'))
        .map(e => e.getBoundingClientRect()).filter(r => r.top <= 1).map(r => r.bottom), 0)""")


def _top(tab, selector: str) -> float:
    return tab.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")


@pytest.mark.browser
def test_a_permalink_lands_below_the_sticky_bars_and_flashes(browser, interview_server):
    tab = browser.new_page(viewport={"width": 1280, "height": 420})
    tab.goto(interview_server + f"en/documents/{DOC}/#s003")
    tab.wait_for_timeout(300)
    top = _top(tab, "#s003")
    assert _sticky_bottom(tab) - 1 <= top < 420 / 2, top
    assert "dz-flash" in tab.locator("#s003").get_attribute("class")
    tab.close()


@pytest.mark.browser
def test_the_language_switch_keeps_the_paragraph_being_read(browser, interview_server):
    tab = browser.new_page(viewport={"width": 390, "height": 500})
    tab.goto(interview_server + f"en/documents/{DOC}/#s004")
    tab.wait_for_timeout(300)
    tab.click(".dz-lang-switch a[hreflang=zh]")
    tab.wait_for_load_state()
    tab.wait_for_timeout(300)
    assert tab.url.endswith(f"/zh/documents/{DOC}/#s004")
    assert _sticky_bottom(tab) - 1 <= _top(tab, "#s004") < 500
    tab.close()


@pytest.mark.browser
def test_on_a_phone_segments_stack_words_stay_whole_and_nothing_scrolls_sideways(browser, interview_server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    for lang in ("en", "zh"):
        tab.goto(f"{interview_server}{lang}/documents/{DOC}/")
        zh, en = tab.locator("#s003 .dz-zh").bounding_box(), tab.locator("#s003 .dz-en").bounding_box()
        assert en["y"] >= zh["y"] + zh["height"] - 1  # English under the Chinese, not beside it
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        broken = tab.evaluate("""() => {  // English words drawn on more than one line
            const out = [];
            for (const cell of document.querySelectorAll('.dz-en')) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node; (node = walker.nextNode());)
                    for (const m of node.data.matchAll(/\\S+/g)) {
                        const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
                        const tops = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));
                        if (tops.size > 1) out.push(m[0]);
                    }
            }
            return out; }""")
        assert broken == []
        tab.screenshot(path=str(ARTIFACTS / f"phone-document-{lang}.png"), full_page=True)
        tab.goto(f"{interview_server}{lang}/glossary/")
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        tab.screenshot(path=str(ARTIFACTS / f"phone-glossary-{lang}.png"))
    assert (ARTIFACTS / "phone-document-zh.png").stat().st_size > 10_000
    tab.close()


@pytest.mark.browser
def test_one_tap_opens_a_tooltip_and_a_tap_elsewhere_closes_it(browser, interview_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto(interview_server + f"en/documents/{DOC}/")
    tip = tab.locator(".dz-tooltip")
    tab.tap('#s003 .dz-zh [data-ann="mini-interview-2021.a0006"]')
    assert tip.is_visible() and "industrial chain chief system" in tip.inner_text()
    tab.tap("h1")
    assert not tip.is_visible()
    context.close()


@pytest.mark.browser
def test_keyboard_skip_link_one_stop_per_pair_tooltip_links_and_focus_return(page, interview_server):
    page.goto(interview_server + f"en/documents/{DOC}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('dz-skip')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#dz-main"
    # a highlight pair is one tab stop: the Chinese one (the English one when only English is shown)
    assert page.locator(".dz-en [tabindex='0']").count() == 0
    assert page.locator(".dz-zh [data-ann][tabindex='0']").count() > 0
    page.click(".dz-view-button[data-view=en]")
    assert page.locator(".dz-en [data-ann][tabindex='0']").count() > 0
    page.click(".dz-view-button[data-view=both]")
    # the tooltip's link is reached with Tab; Escape comes back to the highlight
    term = '#s003 .dz-zh [data-ann="mini-interview-2021.a0006"]'
    page.focus(term)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.dz-tooltip') !== null && document.activeElement.tagName") == "A"
    page.keyboard.press("Escape")
    assert page.evaluate(f"document.activeElement === document.querySelector('{term}')")
    assert page.problems == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cite_gives_formatted_bibtex_ris_and_csl_json_and_focus_returns(page, interview_server, lang):
    page.goto(f"{interview_server}{lang}/documents/{DOC}/")
    page.click("#s003 .dz-cite")
    box = page.locator(".dz-cite-box")
    text = box.locator("textarea")
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA" and text.get_attribute("aria-label")
    formatted = text.input_value()
    assert "吉安链长访谈" in formatted and "CC BY 4.0" in formatted and f"/{lang}/documents/{DOC}/#s003" in formatted
    assert ("语料版本" if lang == "zh" else "corpus version") in formatted
    box.locator("input[value=bibtex]").check()
    bibtex = text.input_value()
    assert bibtex.startswith("@misc{duizhao-mini-interview-2021-s003,") and re.search(r"url = \{[^}]*#s003\}", bibtex)
    assert "translator = {" in bibtex and "urldate = {" in bibtex
    box.locator("input[value=ris]").check()
    ris = text.input_value().splitlines()
    assert ris[0] == "TY  - GEN" and ris[-1].startswith("ER  -") and any(r.startswith("UR  - ") for r in ris)
    box.locator("input[value=csl]").check()
    item = json.loads(text.input_value())[0]
    assert item["URL"].endswith("#s003") and item["accessed"]["date-parts"] and item["version"]
    box.locator("input[value=document]").check()
    assert json.loads(text.input_value())[0]["URL"].endswith(f"/documents/{DOC}/")
    page.keyboard.press("Escape")
    assert box.count() == 0
    assert page.evaluate("document.activeElement === document.querySelector('#s003 .dz-cite')")
    assert page.problems == []


@pytest.mark.browser
def test_a_table_sorts_filters_and_downloads_the_rows_shown_as_csv(page, interview_server):
    page.goto(interview_server + "en/downloads/")
    table = page.locator("h2#datasets + .dz-table-tools + .dz-table-wrap table")
    sizes = lambda: [int(v) for v in table.locator("tbody tr:visible td:nth-child(3)").evaluate_all(
        "cells => cells.map(c => c.dataset.sort)")]
    table.locator("th:nth-child(3) button").click()
    assert sizes() == sorted(sizes()) and table.locator("th:nth-child(3)").get_attribute("aria-sort") == "ascending"
    table.locator("th:nth-child(3) button").click()
    assert sizes() == sorted(sizes(), reverse=True)
    tools = page.locator("h2#datasets + .dz-table-tools")
    tools.locator("input").fill("glossary")
    shown = table.locator("tbody tr:visible")
    assert 0 < shown.count() < table.locator("tbody tr").count()
    assert all("glossary" in r.lower() for r in shown.all_inner_texts())
    with page.expect_download() as download:
        tools.locator("button.dz-table-csv").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == table.locator("th").first.inner_text().replace("⇅", "").strip()
    assert [r[0] for r in rows[1:]] == [c.strip() for c in table.locator("tbody tr:visible td:first-child").all_inner_texts()]
    assert page.problems == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_glossary_filter_and_letter_jump(page, interview_server, lang):
    page.goto(f"{interview_server}{lang}/glossary/")
    entries = page.locator(".dz-term-entry")
    total = entries.count()
    page.fill("#dz-glossary-filter", "链长")
    visible = page.locator(".dz-term-entry:visible")
    assert 0 < visible.count() < total
    assert all("链长" in t for t in visible.all_inner_texts())
    assert str(visible.count()) in page.locator(".dz-filter-count").inner_text()
    page.fill("#dz-glossary-filter", "")
    assert page.locator(".dz-term-entry:visible").count() == total
    jump = page.locator(".dz-jump a").last
    target = jump.get_attribute("href")
    jump.click()
    page.wait_for_timeout(200)
    top = _top(page, target)
    assert _sticky_bottom(page) - 1 <= top < page.viewport_size["height"]
    assert page.problems == []
