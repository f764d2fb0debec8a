"""axe-core over the built site, in real headless Chromium: violations per page and impact.

    .venv/bin/python benchmarks/site_audit.py [build/site] [--doc DOC-ID ...]

Serves the built site on a free local port, opens each audited page in both languages (and
each document page again with its first Cite box open) and prints, per page, the number of
violations by impact and the rules behind the critical and serious ones. The pages are those
of ``tests/test_site_a11y.py`` (tests/a11y.py): home, the documents given (default: every document with
dialogue), glossary, entities, the first entity page, figures, the first indicator page,
quality, search and downloads. Exit status 1 when any critical or serious violation is found.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from conftest import CHROMIUM, serve  # noqa: E402

from a11y import audit, audited_pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(REPO / "build" / "site"))
    parser.add_argument("--doc", action="append", default=[])
    args = parser.parse_args(argv)
    site = Path(args.site)
    from playwright.sync_api import sync_playwright

    bad = 0
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        for url, cite in audited_pages(site, args.doc or None):
            found = audit(tab, base + url, cite=cite)
            impacts = Counter(v["impact"] for v in found)
            serious = sorted({f"{v['id']}×{len(v['nodes'])}" for v in found if v["impact"] in ("critical", "serious")})
            bad += sum(impacts[k] for k in ("critical", "serious"))
            label = url + (" (Cite open)" if cite else "")
            print(f"{label:60} " + " ".join(f"{k} {impacts[k]}" for k in ("critical", "serious", "moderate", "minor"))
                  + (f"  {', '.join(serious)}" if serious else ""))
        browser.close()
    print(f"critical + serious violations: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
