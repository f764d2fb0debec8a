"""The accessibility audit in the browser (issue 14, item 6): axe-core (bundled by
axe-playwright-python, injected into the page; nothing is fetched) over home, a document with
dialogue, glossary, entities, an entity, figures, an indicator, quality, search and downloads,
in both languages, each document again with a Cite box open, in the light and the dark
palette: no critical and no serious violation. The same audit runs over the real corpus with
``benchmarks/site_audit.py``."""

from __future__ import annotations

import pytest

from a11y import audit, audited_pages


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_critical_or_serious_accessibility_violation(browser, interview_site, interview_server, scheme):
    tab = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    pages = audited_pages(interview_site)
    assert {"en/documents/mini-interview-2021/", "zh/search/"} <= {url for url, _ in pages}
    assert any(cite for _, cite in pages)
    found = {}
    for url, cite in pages:
        bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
               for v in audit(tab, interview_server + url, cite=cite) if v["impact"] in ("critical", "serious")]
        if bad:
            found[url + (" + Cite" if cite else "")] = bad
        expected = "slate" if scheme == "dark" else "default"
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    assert found == {}
    tab.close()


@pytest.mark.browser
def test_the_audit_reports_what_it_should(browser, interview_server):
    """A page made inaccessible on purpose fails the audit: the test above can fail."""
    tab = browser.new_page()
    tab.goto(interview_server + "en/")
    tab.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'faint';
        p.style.color = '#ddd'; document.querySelector('.md-content').prepend(p);
        document.querySelector('.md-content').prepend(document.createElement('input')); }""")
    from axe_playwright_python.sync_playwright import Axe

    ids = {v["id"] for v in Axe().run(tab).response["violations"] if v["impact"] in ("critical", "serious")}
    assert {"color-contrast", "label"} <= ids
    tab.close()
