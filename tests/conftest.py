"""Shared test helpers: a throw-away project built from the base fixture plus an overlay."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
BASE = FIXTURES / "base"
RULE_FIXTURES = FIXTURES / "rules"
CHROMIUM = Path("/usr/bin/chromium")


def build_project(dest: Path, overlay: Path | None = None) -> Path:
    """Copy the base fixture project to ``dest``, add the repo's schemas, apply ``overlay``.

    In an overlay, a file named ``<name>.delete`` removes ``<name>`` from the base.
    """
    shutil.copytree(BASE, dest)
    shutil.copytree(REPO / "corpus" / "schema", dest / "corpus" / "schema")
    shutil.copytree(REPO / "annotations" / "schema", dest / "annotations" / "schema")
    if overlay is not None:
        for src in sorted(overlay.rglob("*")):
            rel = src.relative_to(overlay)
            if src.is_dir() or rel.name == "expected.txt":
                continue
            target = dest / rel
            if src.name.endswith(".delete"):
                target.with_name(src.name[: -len(".delete")]).unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
    return dest


def build_site(root: Path, out: Path) -> Path:
    """``make site`` for project ``root``: ``mkdocs build --strict`` with this repository's
    site into ``out`` (proposals hidden, as published)."""
    from duizhao.site.config import write_config

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("DUIZHAO_WITH_PROPOSALS", None)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(write_config(root, out))],
                          capture_output=True, text=True, env=env, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="session")
def interview_site(tmp_path_factory) -> Path:
    """The site of the base fixture plus tests/fixtures/site (an interview with speakers, a caption,
    corrections, nested and crossing spans, a hostile note, proposals), with the recommenders'
    evaluation published: built once per session, shared by the modules that test it."""
    from duizhao.cli import main as duizhao

    root = build_project(tmp_path_factory.mktemp("site") / "project", FIXTURES / "site")
    assert duizhao(["--root", str(root), "evaluate", "-r", "gazetteer", "-r", "figures"]) == 0
    return build_site(root, root / "build" / "site")


@pytest.fixture(scope="session")
def interview_server(interview_site):
    with serve(interview_site) as url:
        yield url


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return build_project(tmp_path / "project")


@pytest.fixture
def repo() -> Path:
    return REPO


# -- the browser (shared: Playwright's sync API runs one instance per thread, so every module
# that tests in Chromium uses this one) ----------------------------------------------------------
@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` over HTTP on a free local port; yields its base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh tab (1280×900) that records console errors, page errors, failed requests and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda m: tab.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
    tab.on("response", lambda r: tab.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield tab
    context.close()
