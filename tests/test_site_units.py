"""The site generator's pieces: spans, TEI markup alignment, projection, escaping, search words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup

from duizhao import annotations
from duizhao.project import Project
from duizhao import projection
from duizhao.site import i18n, inline, parallel, search, urls
from duizhao.site.cache import RenderCache
from duizhao.site.data import SiteData
from duizhao.site.render import Pages, sanitise
from duizhao.site.spans import Point, Span, emit, nest
from duizhao.text import plain_text

from conftest import FIXTURES, build_project


def _html(text, spans, points=()):
    def opener(piece):
        return Markup('<i data-k="%s">') % piece.span.key, Markup("</i>")

    return str(emit(text, nest(spans), points, opener, lambda p: Markup("|")))


def _well_nested(html: str) -> bool:
    depth = 0
    for tag in re.findall(r"</?i\b", html):
        depth += -1 if tag.startswith("</") else 1
        if depth < 0:
            return False
    return depth == 0


def test_nested_spans_stay_nested():
    html = _html("abcdef", [Span(0, 6, 0, "outer"), Span(2, 4, 1, "inner")])
    assert html == '<i data-k="outer">ab<i data-k="inner">cd</i>ef</i>'


def test_crossing_spans_are_cut_into_nested_pieces():
    pieces = nest([Span(0, 4, 0, "a"), Span(2, 6, 0, "b")])
    assert [(p.start, p.end, p.span.key, p.first) for p in pieces] == [
        (0, 4, "a", True), (2, 4, "b", True), (4, 6, "b", False)]
    html = _html("abcdef", [Span(0, 4, 0, "a"), Span(2, 6, 0, "b")])
    assert html == '<i data-k="a">ab<i data-k="b">cd</i></i><i data-k="b">ef</i>'
    assert _well_nested(html)


def test_many_crossings_render_well_nested_and_keep_every_character():
    text = "0123456789abcdef"
    spans = [Span(s, e, 0, f"k{s}-{e}") for s, e in [(0, 5), (3, 9), (4, 12), (8, 16), (1, 2), (10, 11)]]
    html = _html(text, spans)
    assert _well_nested(html)
    assert re.sub(r"<[^>]+>", "", html) == text


def test_points_sit_between_characters_and_outside_span_edges():
    html = _html("abcd", [Span(1, 3, 0, "s")], [Point(1, None), Point(2, None), Point(3, None)])
    assert html == 'a|<i data-k="s">b|c</i>|d'


def test_text_is_escaped():
    assert _html("<b>&", []) == "&lt;b&gt;&amp;"


def _segment(xml: str) -> etree._Element:
    return etree.fromstring(f'<p xmlns="http://www.tei-c.org/ns/1.0">{xml}</p>')


def test_markup_aligns_with_plain_text():
    el = _segment('增长 <hi rend="bold">7.9%</hi>，<choice><sic>清尝</sic><corr type="substitution">清偿</corr></choice>'
                  '56.38亿<choice><sic><pb/></sic><corr type="page-break"/></choice>千瓦时<note type="editorial">n</note>')
    plain = plain_text(el)
    assert plain == "增长7.9%，清偿56.38亿千瓦时"
    found = inline.markup(el, plain)
    kinds = {type(s.payload).__name__: plain[s.start:s.end] for s in found.spans}
    assert kinds == {"Bold": "7.9%", "Correction": "清偿"}
    fix = next(s.payload for s in found.spans if isinstance(s.payload, inline.Correction))
    assert fix.source == "清尝" and fix.type == "substitution"
    points = [(p.offset, type(p.payload).__name__) for p in found.points]
    assert points == [(plain.index("千"), "Correction"), (len(plain), "Note")]


def test_markup_of_a_deletion_is_a_point_with_the_source_reading():
    el = _segment("尊重企业家<choice><sic>企业家</sic><corr type=\"duplicate\"/></choice>的氛围")
    found = inline.markup(el, plain_text(el))
    assert found.spans == [] and found.points[0].payload == inline.Correction("duplicate", "企业家")


def test_markup_refuses_text_it_cannot_align():
    assert inline.markup(_segment("abc"), "xyz") == inline.Inline([], [])


def test_figure_projection_finds_the_english_number():
    en = "From January to September, value added grew by 3.6%, first in the province; revenue was 103.13 billion yuan."
    spans = projection.number_spans(en)
    assert any(en[s:e] == "103.13 billion" and 103.13e9 in v for s, e, v in spans)


def test_sanitise_removes_scripts_handlers_and_javascript_urls():
    dirty = ('<span onclick="x()" data-tip="t">a</span><script>alert(1)</script>'
             '<a href="javascript:alert(1)">b</a><a href="../en/">c</a><svg viewBox="0 0 1 1"><circle r="1"></circle></svg>')
    clean = sanitise(dirty)
    assert "<script" not in clean and "onclick" not in clean and "javascript:" not in clean
    assert 'data-tip="t"' in clean and 'href="../en/"' in clean and 'viewBox="0 0 1 1"' in clean


def test_counterpart_urls():
    assert urls.counterpart("en/documents/x/", "zh") == "zh/documents/x/"
    assert urls.counterpart("guide/encoding/", "zh") == "guide/encoding/"
    assert urls.lang_of("zh/glossary/") == "zh" and urls.lang_of("rules/") is None


def test_search_splits_compound_words_like_the_browser():
    assert search.splits(["产业链链长制", "链长制", "规模以上工业", "规模以上工业增加值", "增加值"]) == {
        "产业链链长制": ["产业链", "链长制"], "规模以上工业增加值": ["规模以上工业", "增加值"]}
    words = search.ChineseWords(["链长制", "专精特新", "产业链链长制"])
    cut = words("全市实施产业链链长制，培育专精特新企业").split()
    assert "链长制" in cut and "专精特新" in cut and "产业链链长制" not in cut


@pytest.fixture(scope="module")
def site_project(tmp_path_factory) -> Path:
    return build_project(tmp_path_factory.mktemp("site") / "p", FIXTURES / "site")


def assert_inert(html: str) -> None:
    """No script element, no event handler, no javascript: URL anywhere in ``html``."""
    tree = lxml_html.fromstring(f"<div>{html}</div>")
    assert tree.xpath("//script") == []
    for el in tree.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert not value.strip().lower().startswith("javascript:"), (el.tag, name, value)


def test_proposals_are_hidden_unless_asked_for(site_project):
    project = Project(site_project)
    ids = {m.id for marks in SiteData(project).marks.values() for ms in marks.values() for m in ms}
    assert "mini-interview-2021.a0001" not in ids and "mini-interview-2021.a0002" in ids
    shown = {m.id for marks in SiteData(project, with_proposals=True).marks.values() for ms in marks.values() for m in ms}
    assert {"mini-interview-2021.a0001", "mini-interview-2021.a0007"} <= shown


def test_document_page_escapes_annotator_notes(site_project):
    data = SiteData(Project(site_project), version="test")
    doc = data.project.documents["mini-interview-2021"]
    html = Pages(data, "en").document(doc, "en/documents/mini-interview-2021/",
                                      {"tei": "downloads/tei/x.xml", "yaml": None})
    assert_inert(html)
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;a href=" in html  # shown, as text
    assert "&lt;b&gt;not markup&lt;/b&gt;" in html  # an editorial note of the TEI, also text


@pytest.mark.parametrize("lang, says", [
    ("en", ("Drafted by", "Method", "machine-generated", "Checked by", "the translator", "Revised by",
            "3 of 5 segments", "Revision history")),
    ("zh", ("初稿译者", "翻译方式", "机器生成", "检查者", "即译者", "审校者", "5 段中的 3 段", "修订记录")),
])
def test_document_card_says_how_the_translation_was_made(site_project, lang, says):
    """From the header: who drafted the English and by which method, who checked it, who
    revised which share of it and when, the statuses described as the header describes them."""
    data = SiteData(Project(site_project), version="test")
    doc = data.project.documents["mini-interview-2021"]
    html = Pages(data, lang).document(doc, f"{lang}/documents/mini-interview-2021/", {"tei": "downloads/tei/x.xml", "yaml": None})
    card = lxml_html.fromstring(html).xpath("//section[contains(@class, 'dz-card')]")[0]
    text = " ".join(card.text_content().split())
    assert all(s in text for s in says), text
    names = {r.id: r for r in doc.responsibilities.values()}
    assert names["tr-duizhao"].name in text and names["tr-duizhao"].resp in text  # not hard-coded: the header's
    assert names["rev-second-reader"].name in text and "2026-12-05" in text and "2026-11-22" in text
    badges = {b.text_content().split()[0]: b.get("title") for b in card.xpath(".//span[contains(@class, 'dz-badge')]")}
    assert badges["reviewed" if lang == "en" else "已审校"] == doc.status_categories["reviewed"].get(lang, doc.status_categories["reviewed"]["en"])
    for change in doc.revisions:
        assert change.text in text


def test_document_card_of_a_translation_no_second_reader_revised(tmp_path):
    root = build_project(tmp_path / "p")
    path = root / "corpus" / "mini-news-2020.xml"
    path.write_text(path.read_text(encoding="utf-8").replace('ana="#reviewed" change="#rev-1"', 'ana="#checked"'), encoding="utf-8")
    data = SiteData(Project(root), version="test")
    html = Pages(data, "en").document(data.project.documents["mini-news-2020"], "en/documents/mini-news-2020/",
                                      {"tei": "downloads/tei/x.xml", "yaml": None})
    text = " ".join(lxml_html.fromstring(html).text_content().split())
    assert "Revised by not revised by a second reader" in text and "checked 2/3" in text


def test_projected_english_highlights(site_project):
    data = SiteData(Project(site_project), version="test")
    doc = data.project.documents["mini-interview-2021"]
    seg = doc.segment_index["s003"]
    en = doc.translations["s003"].en
    found = {mid: en[s:e] for mid, (s, e) in data.projections(doc, seg).items()}
    assert found == {"mini-interview-2021.a0004": "chain chief", "mini-interview-2021.a0005": "Luxshare",
                     "mini-interview-2021.a0006": "industrial chain chief system",
                     "mini-interview-2021.a0008": "12.5%"}


def test_document_digest_changes_only_with_the_document(tmp_path):
    site_project = build_project(tmp_path / "p", FIXTURES / "site")
    data = SiteData(Project(site_project))
    before = {d.id: data.document_digest(d) for d in data.documents}
    path = site_project / "annotations" / "mini-interview-2021.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    data = SiteData(Project(site_project))
    after = {d.id: data.document_digest(d) for d in data.documents}
    assert before["mini-news-2020"] == after["mini-news-2020"]
    assert before["mini-interview-2021"] != after["mini-interview-2021"]


def test_render_cache_renders_once_per_key(tmp_path):
    cache = RenderCache(tmp_path, "salt")
    calls = []
    key = cache.key("page", 1)
    assert cache.get(key, lambda: calls.append(1) or "html") == "html"
    assert RenderCache(tmp_path, "salt").get(key, lambda: calls.append(2) or "other") == "html"
    assert calls == [1]
    other = RenderCache(tmp_path, "new code")
    assert other.get(other.key("page", 1), lambda: "fresh") == "fresh"
    other.prune()
    assert len(list(tmp_path.glob("*/*.html"))) == 1


def _slow_jobs(count: int, memo: dict, fail_in_worker: bool = False) -> dict:
    """Jobs that take a little time (so that a forked worker gets some) and note in
    ``memo`` which process ran them."""
    import os
    import time

    parent = os.getpid()

    def job(key: str):
        def run() -> str:
            time.sleep(0.05)
            if fail_in_worker and os.getpid() != parent:
                raise ValueError(f"no page for {key}")
            memo[key] = os.getpid()
            return f"<p>{key}</p>"
        return run

    return {f"k{i}": job(f"k{i}") for i in range(count)}


def test_parallel_render_returns_every_page_and_the_workers_memo():
    import os

    memo: dict = {}
    jobs = _slow_jobs(40, memo)
    groups = [[f"k{i}", f"k{i + 1}"] for i in range(0, 40, 2)]
    chunks = parallel.chunked(groups, 2)
    assert all(len(chunk) % 2 == 0 for chunk in chunks)  # a group is never cut
    assert [k for chunk in chunks for k in chunk] == [f"k{i}" for i in range(40)]
    out = parallel.render(jobs, groups, workers=1, memo=memo)
    assert out == {f"k{i}": f"<p>k{i}</p>" for i in range(40)}
    assert set(memo) == set(out)
    assert {os.getpid()} < set(memo.values())  # this process and a worker both rendered
    assert parallel.render(_slow_jobs(4, {}), [["k0", "k1"], ["k2", "k3"]], workers=0) == {
        f"k{i}": f"<p>k{i}</p>" for i in range(4)}


def test_parallel_render_reports_a_failing_worker():
    jobs = _slow_jobs(40, {}, fail_in_worker=True)
    with pytest.raises(RuntimeError, match="no page for k0"):
        parallel.render(jobs, [[k] for k in jobs], workers=1)


def test_shared_tooltips_read_as_if_rendered_afresh(site_project):
    """A term's or entity's tooltip body, rendered once for all document pages, is the
    one a fresh renderer writes."""
    data = SiteData(Project(site_project), version="test")
    docs = data.project.documents
    downloads = {"tei": "downloads/tei/x.xml", "yaml": None}
    warm = Pages(data, "en")
    for doc in docs.values():
        warm.document(doc, f"en/documents/{doc.id}/", downloads)
    for doc in docs.values():
        fresh = Pages(SiteData(Project(site_project), version="test"), "en")
        assert warm.document(doc, f"en/documents/{doc.id}/", downloads) == \
            fresh.document(doc, f"en/documents/{doc.id}/", downloads)
    assert warm.tip_bodies._shared  # bodies were shared


def test_every_interface_label_exists_in_both_languages():
    """Labels used by the templates and those built from the schemas' enums all have a
    Chinese and an English text (a missing one would show its key on the page)."""
    import json as _json

    from duizhao.site.html import TEMPLATES
    from duizhao.tei import GENRES

    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_]+)'\s*[,)]", template.read_text(encoding="utf-8")))
    schema = _json.loads((Path(__file__).parent.parent / "annotations" / "schema" / "annotations.schema.json")
                         .read_text(encoding="utf-8"))["definitions"]["annotation"]["properties"]
    entities = _json.loads((Path(__file__).parent.parent / "annotations" / "schema" / "entities.schema.json")
                           .read_text(encoding="utf-8"))["properties"]["entities"]["items"]["properties"]
    used |= {f"genre_{g}" for g in GENRES} | {f"etype_{t}" for t in entities["type"]["enum"]}
    used |= {f"measure_{m}" for m in schema["measure"]["enum"]} | {f"qualifier_{q}" for q in schema["qualifier"]["enum"]}
    used |= {f"modality_{m}" for m in schema["modality"]["enum"]}
    from duizhao.translation_provenance import METHODS, STATUSES
    used |= {*STATUSES, "missing"} | {f"method_{m}" for m in (*METHODS, "unstated")}
    missing = sorted(key for key in used if key not in i18n._LABELS)
    assert missing == []
    assert sorted(u for u in schema["unit"]["enum"] if u not in i18n.UNITS) == []


# -- the figures explorer (figures contract v2) ---------------------------------------------------
def _datum(period: str, value: float = 1.0):
    from duizhao.site import charts

    return charts.Datum(charts.period(period), value, value, value, period)


def _runs(*periods: str) -> list[list[str]]:
    from duizhao.site import charts

    return [[d.period.text for d in run] for run in charts.runs([_datum(p) for p in periods])]


def test_a_line_joins_only_consecutive_periods():
    assert _runs("2020", "2017", "2019") == [["2017"], ["2019", "2020"]]  # no 2018: the line breaks
    assert _runs("2020-01/2020-09", "2021-01/2021-09", "2019-01/2019-09") == [
        ["2019-01/2019-09", "2020-01/2020-09", "2021-01/2021-09"]]  # the same months of the next year
    assert _runs("2020-09", "2020-10", "2020-12") == [["2020-09", "2020-10"], ["2020-12"]]
    assert _runs("2020-01/2020-03", "2020-04/2020-06") == [["2020-01/2020-03", "2020-04/2020-06"]]
    assert _runs("2020-01/2020-09", "2020-10/2020-12") == [["2020-01/2020-09"], ["2020-10/2020-12"]]  # 9 then 3 months
    assert _runs("2019/2021", "2022/2024") == [["2019/2021", "2022/2024"]]
    assert _runs("2020-01/2020-02", "2021-01/2021-02") == [["2020-01/2020-02", "2021-01/2021-02"]]
    assert _runs("2024-08-01", "2024-08-02") == [["2024-08-01", "2024-08-02"]]


@pytest.fixture(scope="module")
def figures_pages(tmp_path_factory):
    from duizhao.site.figure_pages import FigurePages

    root = build_project(tmp_path_factory.mktemp("figures") / "p", FIXTURES / "figures")
    data = SiteData(Project(root), version="test")
    return {lang: FigurePages(Pages(data, lang)) for lang in ("en", "zh")}


def _charts(pages, iid):
    return pages.charts(pages.data.places_of("figure", iid))


def test_series_never_mix_measure_modality_or_period_length(figures_pages):
    en = figures_pages["en"]
    growth, rank = _charts(en, "industrial-value-added")  # the gap (one point) has no chart
    assert (growth.title, rank.title) == ("year-on-year growth · %", "rank by year-on-year growth")
    series = {s.label: [[p.datum.period.text for p in run] for run in s.runs] for s in growth.series}
    assert series == {
        "Ji'an · 3-month periods · actual": [["2020-01/2020-03"]],
        "Ji'an · 9-month periods · actual": [["2020-01/2020-09"]],
        "Ji'an · full years · actual": [["2017"], ["2019", "2020"]],
        "Ji'an · full years · forecast": [["2021"]],  # not joined to the 2020 outcome
    }
    assert [len(s.lines) for s in growth.series] == [0, 0, 1, 0]
    forecast = growth.series[-1]
    assert forecast.hollow and forecast.dash and not growth.series[2].hollow and not growth.series[2].dash
    assert forecast.shape == growth.series[2].shape  # the same thing, expected rather than measured
    level, = _charts(en, "operating-revenue")  # the per-enterprise average is a measure of its own
    assert [s.label for s in level.series] == ["Ji'an · full years · actual", "Ji'an · full years · target"]
    assert [s.lines for s in level.series] == [[], []]
    assert _charts(en, "project-investment") == []  # a threshold is not charted


def test_every_point_is_drawn_inside_the_plot(figures_pages):
    for lang, pages in figures_pages.items():
        for iid in pages.data.indicators:
            for chart in _charts(pages, iid):
                ys = [p.y for s in chart.series for p in s.points]
                assert all(chart.top - 1e-6 <= y <= chart.bottom_y + 1e-6 for y in ys), (lang, iid, chart.title)


def test_a_point_says_its_modality_and_a_bound_has_a_whisker(figures_pages):
    growth = _charts(figures_pages["en"], "industrial-value-added")[0]
    labels = {p.datum.period.text: (p.datum.label, p.whisker) for s in growth.series for p in s.points}
    assert labels["2021"][0] == "Ji'an · 2021 · ≈ 8% · forecast · mini-review-2020/s005" and labels["2021"][1] == ""
    assert labels["2020-01/2020-03"][0].startswith("Ji'an · 2020-01/2020-03 · < −10% · actual")
    assert labels["2020-01/2020-03"][1]  # a fall larger than 10: the whisker points down
    zh = _charts(figures_pages["zh"], "operating-revenue")[0]
    assert [p.datum.label for p in zh.series[1].points] == ["吉安市 · 2021 · > 3000亿元 · 目标值 · mini-review-2020/s005"]


def test_figures_read_as_the_interval_they_state(figures_pages):
    from duizhao.site.figure_pages import shown_value

    anns = {a.id.split(".")[-1]: a for a in annotations.load(figures_pages["en"].data.project) if a.doc == "mini-review-2020"}
    shown = {lang: {k: shown_value(a, lang) for k, a in anns.items()} for lang in ("en", "zh")}
    assert [shown["en"][k] for k in ("a0007", "a0014", "a0010", "a0012", "a0013", "a0005", "a0006")] == [
        "< −10%", "30–70 ms", "≥ 100 million yuan", "≈ 8%", "> 300 billion yuan", "No. 2", "1.5 percentage points"]
    assert [shown["zh"][k] for k in ("a0007", "a0014", "a0010", "a0013", "a0005", "a0008")] == [
        "< −10%", "30–70毫秒", "≥ 1亿元", "> 3000亿元", "第2位", "2750亿元"]


def test_indicator_page_labels_modality_and_what_a_figure_is_of(figures_pages):
    html = figures_pages["zh"].indicator("zh/figures/industrial-value-added/", "industrial-value-added")
    page = lxml_html.fromstring(html)
    rows = {r.xpath("td")[2].text_content(): [c.text_content() for c in r.xpath("td")]
            for r in page.xpath("//tbody/tr")}
    assert rows["增长8%左右"][:2] == ["≈ 8%", "预计值"] and rows["增长4.1%"][1] == "实际值"
    assert "排名依据：同比增长" in rows["第2位"][3] and "比较基准：the provincial average" in rows["1.5个百分点"][3]
    assert page.xpath("//a[@href='../../../guide/annotation.zh/']")


def test_quality_page_shows_a_bounded_number_of_findings_per_rule(site_project):
    """At 1,000 documents a rule may report thousands of findings: the page lists the first
    ones of each rule and says how many more there are (rendering all took seconds)."""
    from duizhao.check.finding import Finding
    from duizhao.check.rules import RULES
    from duizhao.site.render import FINDINGS_PER_RULE

    def finding(line: int) -> Finding:
        return Finding.from_dict({"path": str(site_project / "annotations" / "x.yaml"), "line": line, "col": 1,
                                  "code": "T009", "slug": "review-without-second-reader", "severity": "warning",
                                  "message": f"finding {line}", "url": "", "fix": None})

    data = SiteData(Project(site_project), version="test")
    html = Pages(data, "en").quality("en/quality/", [finding(n) for n in range(1, FINDINGS_PER_RULE + 6)],
                                     site_project, RULES)
    page = lxml_html.fromstring(f"<div>{html}</div>")
    assert len(page.xpath("//*[@id='findings-t009']//tbody/tr")) == FINDINGS_PER_RULE
    assert f"({FINDINGS_PER_RULE + 5})" in page.xpath("string(//*[@id='findings-t009']/h3)")
    assert "… and 5 more: duizhao check lists them all." in page.text_content()
