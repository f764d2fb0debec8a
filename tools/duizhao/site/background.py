"""The exports and the checks, run beside the page rendering and cached by input digest.

Both need the whole parsed corpus and nothing of the pages, so once the project is read
they run in one forked process (which inherits the parsed corpus) while the builder
renders pages: exports first (their files must exist before MkDocs copies static files),
then ``duizhao check``. Results are cached under the digest of every input and of the
code: an unchanged corpus is neither exported nor checked again.
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
from .render import Download

_PROJECT: Project | None = None  # the parsed corpus, inherited by the forked worker


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


def _read_findings(path: Path) -> list[Finding]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [Finding(**{**row, "severity": Severity(row["severity"])}) for row in rows]


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


class Background:
    """Exports and findings for one build (``key``: digest of every input and the code)."""

    def __init__(self, project: Project, cache_dir: Path, key: str, parallel: bool = True):
        self.exports_dir = cache_dir / "exports" / key
        self.findings_path = cache_dir / "findings" / f"{key}.json"
        self._pool: ProcessPoolExecutor | None = None
        global _PROJECT
        _PROJECT = project
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
