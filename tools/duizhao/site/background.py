"""The exports, the checks and the search index, run beside the page rendering and
cached by input digest.

They need the whole parsed corpus and nothing of the pages, so once the project is read
they run in one forked process (which inherits the parsed corpus) while the builder
renders pages: exports first (their files must exist before MkDocs copies static files),
then ``duizhao check`` (the data-quality page waits for it), then the Pagefind index
(written after the pages). Results are cached under the digest of every input and of the
code: an unchanged corpus is neither exported, checked nor indexed again.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..check.finding import Finding
from ..project import Project
from . import downloads as downloads_mod
from . import search as search_mod
from .data import SiteData
from .render import Download

_PROJECT: Project | None = None  # the parsed corpus, inherited by the forked worker
_DATA: SiteData | None = None  # the site's view of it (for the search index)
SEARCH_COUNTS = "records.json"  # written last into a search bundle directory: records per language


def _export(directory: str) -> list[Download]:
    assert _PROJECT is not None
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    listing = []
    for payload in downloads_mod.datasets(_PROJECT):
        (out / Path(payload.download.path).name).write_bytes(payload.content or b"")
        listing.append(payload.download)
    (out / "manifest.json").write_text(json.dumps([asdict(d) for d in listing]), encoding="utf-8")
    return listing


def _check(path: str) -> list[Finding]:
    from ..check import run

    assert _PROJECT is not None
    findings = run(_PROJECT, cache=True)  # incremental: unchanged files are not checked again
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps([f.as_dict() for f in findings], ensure_ascii=False), encoding="utf-8")
    return findings


def _search(directory: str) -> dict[str, int]:
    assert _DATA is not None
    out = Path(directory)
    words = search_mod.chinese_words(tuple(search_mod.dictionary(_DATA)))
    counts = search_mod.write_index(out, search_mod.records(_DATA, words), out.parent.parent / "search-pages")
    (out / SEARCH_COUNTS).write_text(json.dumps(counts), encoding="utf-8")
    return counts


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _read_exports(manifest: Path) -> list[Download]:
    return [Download(**d) for d in _read_json(manifest)]


def _read_findings(path: Path) -> list[Finding]:
    rows = _read_json(path)
    return [Finding.from_dict(row) for row in rows]


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


class Background:
    """Exports, findings and (given ``data``) the search bundles for one build (``key``:
    digest of every input and the code)."""

    def __init__(self, project: Project, cache_dir: Path, key: str, parallel: bool = True,
                 data: SiteData | None = None):
        self.exports_dir = cache_dir / "exports" / key
        self.findings_path = cache_dir / "findings" / f"{key}.json"
        self.search_dir = cache_dir / "search" / key
        self._pool: ProcessPoolExecutor | None = None
        global _PROJECT, _DATA
        _PROJECT, _DATA = project, data
        self.exports = self._cached(self.exports_dir / "manifest.json", self.exports_dir, _read_exports, _export,
                                    parallel)
        self.findings = self._cached(self.findings_path, self.findings_path, _read_findings, _check, parallel)
        self.search: Future | None = None
        if data is not None:
            self.search = self._cached(self.search_dir / SEARCH_COUNTS, self.search_dir, _read_json, _search,
                                       parallel)

    def _cached(self, marker: Path, output: Path, read: Callable[[Path], Any], job: Callable[[str], Any],
                parallel: bool) -> Future:
        """``read(marker)`` when this digest's ``marker`` (written last) exists; else the older
        digests beside ``output`` are removed and ``job(output)`` runs."""
        if marker.exists():
            return _done(read(marker))
        shutil.rmtree(output.parent, ignore_errors=True)  # older digests
        return self._submit(job, str(output), parallel)

    def _submit(self, job, argument: str, parallel: bool) -> Future:
        if not parallel:
            return _done(job(argument))
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return self._pool.submit(job, argument)

    def export_path(self, download: Download) -> Path:
        return self.exports_dir / Path(download.path).name

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
