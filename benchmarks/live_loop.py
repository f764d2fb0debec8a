"""The annotator's live loop, timed: one-file checks, the language server after an edit and
the served site after a save, on the real corpus and on synthetic ones of 1,000 and 5,000
documents (``check_scale.generate``; under build/bench/live/, never committed).

- **check**: ``duizhao check annotations/ONE.yaml`` in a fresh process once the corpus was
  checked whole (warm), and after an edit of that file; median of ``--repeat`` runs each;
- **lsp**: ``duizhao lsp`` driven over stdio by a real client (pytest-lsp's): the file is
  opened, then edited ``--repeat`` times; the time from ``didChange`` to the diagnostics of
  that version (the server's 50 ms debounce included), median;
- the corpora take turns in both, so that the machine's changing load (other sessions share
  its two cores) falls on all sizes alike;
- **serve**: ``mkdocs serve --dirty`` on a copy of the repository, the document's page
  fetched until a note put on its annotation file shows; median of ``--saves`` saves a few
  seconds apart (``--serve``; the first build takes minutes at 1,000 documents, later runs
  reuse the copy's caches).

The code is copied once per run (build/bench/live/code): an edit of the repository during a
long run would otherwise invalidate the caches between the measurements.

    .venv/bin/python benchmarks/live_loop.py [--sizes 5 1000 5000] [--repeat 5] [--serve] [--saves 5]
    .venv/bin/python benchmarks/live_loop.py --serve-only --sizes 5 1000 --saves 9
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from check_scale import REPO, generate

ROOT = REPO / "build" / "bench" / "live"
CODE = ROOT / "code"


def _duizhao(*args: str) -> list[str]:
    main = f"import sys; sys.path.insert(0, {str(CODE)!r}); from duizhao.cli import main; sys.exit(main())"
    return [sys.executable, "-c", main, *args]


def corpus(size: int) -> Path:
    """The real corpus (5) or a synthetic one, checked whole once (the cache is warm)."""
    root = ROOT / f"c{size}"
    if size == 5:
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        for part in ("corpus", "annotations"):
            shutil.copytree(REPO / part, root / part)
    elif not (root / "corpus").is_dir() or len(list((root / "corpus").glob("*.xml"))) != size:
        generate(root, size)
    subprocess.run(_duizhao("--root", str(root), "check", "--format", "json"), stdout=subprocess.DEVNULL, check=False)
    return root


def one_file(root: Path) -> Path:
    return next(p for p in sorted((root / "annotations").glob("*.yaml"))
                if p.stem not in ("glossary", "entities", "indicators"))


def _edit(path: Path, n: int) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"# edit {n}\n")


def time_checks(roots: list[Path], repeat: int) -> list[tuple[float, float]]:
    """(warm, after an edit) per corpus: median seconds of `duizhao check ONE.yaml` in a fresh
    process. The corpora take turns, so that a change in the machine's load falls on all."""
    def once(root: Path) -> float:
        start = time.perf_counter()
        subprocess.run(_duizhao("--root", str(root), "check", str(one_file(root))), stdout=subprocess.DEVNULL, check=False)
        return time.perf_counter() - start
    warm: dict[Path, list[float]] = {root: [] for root in roots}
    edited: dict[Path, list[float]] = {root: [] for root in roots}
    for root in roots:
        once(root)
    for n in range(repeat):
        for root in roots:
            warm[root].append(once(root))
        for root in roots:
            _edit(one_file(root), n)
            edited[root].append(once(root))
    return [(statistics.median(warm[r]), statistics.median(edited[r])) for r in roots]


async def _lsp(roots: list[Path], repeat: int) -> list[float]:
    """Median seconds from an edit to its diagnostics, per corpus, one server each, taking turns."""
    from lsprotocol import types
    from pytest_lsp import client_capabilities, make_test_lsp_client

    clients, texts, times = [], [], {root: [] for root in roots}
    for root in roots:
        client = make_test_lsp_client()
        await client.start_io(*_duizhao("lsp"))
        await client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual-studio-code"),
                                                               root_uri=root.as_uri()))
        path = one_file(root)
        texts.append(path.read_text(encoding="utf-8"))
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=path.as_uri(), language_id="yaml", version=0, text=texts[-1])))
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        clients.append(client)
    for version in range(1, repeat + 2):
        for i, (root, client) in enumerate(zip(roots, clients)):
            texts[i] += f"# edit {version}\n"
            start = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=one_file(root).as_uri(), version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=texts[i])]))
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if version > 1:  # the first edit builds the index of the other files' summaries
                times[root].append(time.perf_counter() - start)
    for client in clients:
        await client.shutdown_session()
        await client.stop()
    return [statistics.median(times[root]) for root in roots]


def _save(path: Path) -> str:
    """Put a new note on the annotation file's first accepted annotation (the page shows notes),
    or a new word at the end of a TEI file's first English segment; the marker."""
    marker = f"live-loop-{time.time_ns()}"
    text = path.read_text(encoding="utf-8")
    if "live-loop-" in text:
        text = re.sub(r"live-loop-\d+", marker, text, count=1)
    elif path.suffix == ".xml":
        text = re.sub(r'(<ab corresp="#s001"[^>]*>[^<]*)</ab>', rf"\1 {marker}</ab>", text, count=1)
    else:
        text = text.replace("\n    status: accepted\n", f"\n    status: accepted\n    note: {marker}\n", 1)
    path.write_text(text, encoding="utf-8")
    return marker


def site_copy(size: int) -> Path:
    """A copy of the repository (its code, site and config; its corpus, or a synthetic one of
    ``size`` documents, kept with its caches between runs) to serve."""
    site = ROOT / f"site{size}"
    for part in ("tools", "site", "mkdocs.yml"):
        if (site / part).is_dir():
            shutil.rmtree(site / part)
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, site / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(REPO / part, site / part)
    data = REPO if size == 5 else ROOT / f"c{size}"
    if size != 5 and not (data / "corpus").is_dir():
        generate(data, size)
    for part in ("corpus", "annotations"):
        if size == 5 or not (site / part).is_dir():
            shutil.rmtree(site / part, ignore_errors=True)
            shutil.copytree(data / part, site / part)
    return site


def time_serve(size: int, saves: int = 5, settle: float = 4.0, timeout: float = 1800, tei: bool = False
               ) -> list[float]:
    """Seconds from each of ``saves`` saves of an annotation file to its document's page showing
    the edit, on one ``mkdocs serve --dirty`` (as ``make serve`` runs it; its first build is not
    timed). Between saves, ``settle`` seconds for the rebuild that follows the background jobs.
    The site copy (and its caches) is kept between runs; its code is this repository's, copied."""
    import urllib.request

    site = site_copy(size)
    path = one_file(site)
    url = f"http://127.0.0.1:8765/en/documents/{path.stem}/"
    if tei:
        path = site / "corpus" / f"{path.stem}.xml"
    env = {**os.environ, "PYTHONPATH": str(site / "tools"), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", "--dirty",
                               "--dev-addr", "127.0.0.1:8765"], cwd=site, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""
    times = []
    try:
        deadline = time.monotonic() + timeout
        while not page() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(settle)
        for _ in range(saves):
            marker = _save(path)
            start = time.perf_counter()
            while marker not in page():
                if time.monotonic() > deadline:
                    return [float("nan")]
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
            time.sleep(settle)
        return times
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[5, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--serve", action="store_true", help="also time the served site after a save")
    parser.add_argument("--saves", type=int, default=5, help="saves timed per served corpus (median shown)")
    parser.add_argument("--serve-only", action="store_true", help="only the served site (every save listed)")
    args = parser.parse_args()
    if args.serve_only:
        print("| documents, file saved | serve: page shows a save, median s | every save s |\n|---|---:|---|")
        for size in args.sizes:
            for tei in (False, True):
                times = time_serve(size, args.saves, tei=tei)
                print(f"| {size:,} {'TEI' if tei else 'YAML'} | {statistics.median(times):.2f} | "
                      f"{' '.join(f'{t:.2f}' for t in times)} |", flush=True)
        print(f"\n1-minute load average at the end: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
        return
    if CODE.exists():
        shutil.rmtree(CODE)
    shutil.copytree(REPO / "tools" / "duizhao", CODE / "duizhao", ignore=shutil.ignore_patterns("__pycache__"))
    print("| documents | check FILE, warm s | check FILE after an edit s | lsp: diagnostics after an edit s"
          + (" | serve: page shows a save s |" if args.serve else " |"))
    print("|---:|---:|---:|---:|" + ("---:|" if args.serve else ""))
    roots = [corpus(size) for size in args.sizes]
    checks = time_checks(roots, args.repeat)
    lsp = asyncio.run(_lsp(roots, args.repeat))
    for size, (warm, edited), after in zip(args.sizes, checks, lsp):
        serve = f" {statistics.median(time_serve(size, args.saves)):.2f} |" if args.serve else ""
        print(f"| {size:,} | {warm:.2f} | {edited:.2f} | {after:.3f} |{serve}", flush=True)
    print(f"\n1-minute load average at the end: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
