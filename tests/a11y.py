"""The accessibility audit: axe-core (bundled by axe-playwright-python, injected into the page
under test; nothing is fetched) over the pages a reader meets, in both languages, and every
document page again with a Cite box open. Used by tests/test_site_a11y.py and
benchmarks/site_audit.py."""

from __future__ import annotations

from pathlib import Path

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def audited_pages(site: Path, docs: list[str] | None = None) -> list[tuple[str, bool]]:
    """``(url, cite_open)`` of every audited page of ``site``: home, the documents ``docs``
    (default: those with dialogue), glossary, entities, the first entity, figures, the first
    indicator, quality, search, downloads; each in both languages."""
    en = site / "en"
    if docs is None:
        docs = sorted(p.parent.name for p in (en / "documents").glob("*/index.html")
                      if 'class="dz-sp"' in p.read_text(encoding="utf-8"))
    entity = min(p.parent.name for p in (en / "entities").glob("*/index.html"))
    indicator = min(p.parent.name for p in (en / "figures").glob("*/index.html"))
    paths = ["", *(f"documents/{d}/" for d in docs), "glossary/", "entities/", f"entities/{entity}/", "figures/",
             f"figures/{indicator}/", "quality/", "search/", "downloads/"]
    out = []
    for lang in ("en", "zh"):
        for path in paths:
            out.append((f"{lang}/{path}", False))
            if path.startswith("documents/"):
                out.append((f"{lang}/{path}", True))
    return out


def audit(tab, url: str, cite: bool = False) -> list[dict]:
    """axe-core's violations on ``url`` (after opening the first Cite box when ``cite``)."""
    from axe_playwright_python.sync_playwright import Axe

    tab.goto(url)
    tab.wait_for_load_state("load")
    if cite:
        tab.locator(".dz-cite").first.click()
        tab.wait_for_selector(".dz-cite-box")
    # audit the page at rest: opening Cite scrolls, and the theme's header fades its title in
    # (a colour measured mid-transition is not what a reader sees)
    tab.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    return result.response["violations"]
