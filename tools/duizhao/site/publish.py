"""What the build writes besides the pages: the sitemap (with each page's language versions,
when ``site_url`` is set), the search bundle (and while serving, links to the datasets), and
the theme's files that no page uses, removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from collections.abc import Callable

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import urls
from .background import SEARCH_COUNTS


def write_sitemap(files: Files | None, alternates: Callable[[Page], list[dict[str, str]]],
                  config: MkDocsConfig) -> None:
    """``sitemap.xml`` with every page and its language versions (``alternates``) when
    ``site_url`` is set; none without it (a sitemap needs absolute URLs)."""
    site = Path(config.site_dir)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site / name).unlink(missing_ok=True)
    if not config.site_url or files is None:
        return
    entries = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or file.src_uri == "rules.md":
            continue
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{a["lang"]}" href="'
                        f'{escape(urls.absolute(config.site_url, a["url"]))}"/>' for a in alternates(page))
        entries.append(f"<url><loc>{escape(urls.absolute(config.site_url, page.url))}</loc>{links}</url>")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(sorted(entries)) + "\n</urlset>\n",
        encoding="utf-8")


# The theme's files no page uses: the built-in search (lunr and its worker: search is Pagefind's)
# and source maps (≈1.2 MB together).
UNUSED_THEME_FILES = ("assets/javascripts/lunr", "assets/javascripts/workers", "assets/javascripts/*.map",
                      "assets/stylesheets/*.map")


def prune_theme(site: Path) -> None:
    for pattern in UNUSED_THEME_FILES:
        for path in site.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()


def search_bundle(bundle: Path, target: Path, link: bool = False) -> None:
    """Put the search bundle made in the cache at ``target``: a copy, or (``mkdocs serve``,
    ``link``) a symbolic link, so that a save does not copy thousands of files."""
    if link:
        linked(bundle, target)
        return
    if target.is_symlink():
        target.unlink()
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(bundle, target, ignore=shutil.ignore_patterns(SEARCH_COUNTS))


def linked(source: Path, target: Path) -> None:
    """A symbolic link at ``target`` to ``source`` (a file or a folder), swapped in at once for
    whatever was there (``mkdocs serve``: at 1,000 documents the datasets are 780 MB, the
    search bundle thousands of files)."""
    if target.is_symlink() and Path(os.readlink(target)) == source:
        return
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".new")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(source, target_is_directory=source.is_dir())
    os.replace(tmp, target)
