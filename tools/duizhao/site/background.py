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
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

from ..check.finding import Finding, Severity
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
    Path(path).write_text(json.dumps([f.as_dict() for f in findings], ensure_ascii=False), encoding="utf-8")
    return findings


def _search(directory: str) -> dict[str, int]:
    assert _DATA is not None
    out = Path(directory)
    words = search_mod.chinese_words(tuple(search_mod.dictionary(_DATA)))
    counts = search_mod.write_index(out, search_mod.records(_DATA, words), out.parent.parent / "search-pages")
    (out / SEARCH_COUNTS).write_text(json.dumps(counts), encoding="utf-8")
    return counts


def _read_findings(path: Path) -> list[Finding]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [Finding(**{**row, "severity": Severity(row["severity"])}) for row in rows]


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
        manifest = self.exports_dir / "manifest.json"
        if manifest.exists():
            self.exports = _done([Download(**d) for d in json.loads(manifest.read_text(encoding="utf-8"))])
        else:
            shutil.rmtree(self.exports_dir.parent, ignore_errors=True)  # older digests
            self.exports = self._submit(_export, str(self.exports_dir), parallel)
        if self.findings_path.exists():
            self.findings = _done(_read_findings(self.findings_path))
        else:
            shutil.rmtree(self.findings_path.parent, ignore_errors=True)
            self.findings_path.parent.mkdir(parents=True, exist_ok=True)
            self.findings = self._submit(_check, str(self.findings_path), parallel)
        self.search: Future | None = None
        counts = self.search_dir / SEARCH_COUNTS
        if data is not None and counts.exists():
            self.search = _done(json.loads(counts.read_text(encoding="utf-8")))
        elif data is not None:
            shutil.rmtree(self.search_dir.parent, ignore_errors=True)
            self.search = self._submit(_search, str(self.search_dir), parallel)

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
