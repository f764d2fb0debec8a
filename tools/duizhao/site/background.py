"""The exports, the checks and the search index, run beside the page rendering and
cached by input digest.

They need the whole parsed corpus and nothing of the pages, so once the project is read
they run in a forked process (which inherits the parsed corpus) while the builder renders
pages: exports first (their files must exist before MkDocs copies static files), then
``duizhao check`` (the data-quality page waits for it), then the Pagefind index (written
after the pages). Results are cached under the digest of every input and of the code, one
directory per job and digest with a marker file written last: an unchanged corpus is
neither exported, checked nor indexed again.

``mkdocs build`` waits for them. ``mkdocs serve`` does not (a :class:`Follower`): a build
after a save shows the latest finished results, one process brings them up to date behind
it and touches a stamp the server watches, and the rebuild that follows shows them.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..check.finding import Finding
from ..project import Project
from . import downloads as downloads_mod
from . import search as search_mod
from .data import SiteData
from .render import Download

log = logging.getLogger("mkdocs.plugins.duizhao")

_PROJECT: Project | None = None  # the parsed corpus, inherited by the forked workers
_DATA: SiteData | None = None  # the site's view of it (for the search index)
# the follower yields the processor to the server's builds, but is never starved: idle-only
# scheduling (SCHED_IDLE) left the data-quality page behind for minutes while other work kept
# both processors busy (a test suite running beside the server)
FOLLOWER_NICENESS = 10
SEARCH_COUNTS = "records.json"  # written last into a search bundle directory: records per language


def _export(out: Path) -> None:
    assert _PROJECT is not None
    listing = []
    for payload in downloads_mod.datasets(_PROJECT):
        (out / Path(payload.download.path).name).write_bytes(payload.content or b"")
        listing.append(payload.download)
    # and each document's own files as they are now: the downloads page lists what this run saw
    listing += [payload.download for payload in downloads_mod.document_files(_PROJECT)]
    (out / "manifest.json").write_text(json.dumps([asdict(d) for d in listing]), encoding="utf-8")


def _check(out: Path) -> None:
    from ..check import run

    assert _PROJECT is not None
    findings = run(_PROJECT, cache=True)  # incremental: unchanged files are not checked again
    (out / "findings.json").write_text(json.dumps([f.as_dict() for f in findings], ensure_ascii=False),
                                       encoding="utf-8")


def _search(out: Path) -> None:
    assert _DATA is not None
    words = search_mod.chinese_words(tuple(search_mod.dictionary(_DATA)))
    counts = search_mod.write_index(out, search_mod.records(_DATA, words), out.parent.parent / "search-pages")
    (out / SEARCH_COUNTS).write_text(json.dumps(counts), encoding="utf-8")


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _read_exports(path: Path) -> list[Download]:
    return [Download(**d) for d in _read_json(path)]


def _read_findings(path: Path) -> list[Finding]:
    return [Finding.from_dict(row) for row in _read_json(path)]


@dataclass(frozen=True)
class Job:
    """One background job: ``run(directory)`` fills the directory and writes ``marker`` last;
    ``read(marker path)`` is its result (module-level functions: a job is pickled to the pool)."""

    name: str
    marker: str
    run: Callable[[Path], None]
    read: Callable[[Path], Any]


JOBS = (
    Job("exports", "manifest.json", _export, _read_exports),
    Job("findings", "findings.json", _check, _read_findings),
    Job("search", SEARCH_COUNTS, _search, _read_json),
)


def _run(job: Job, out: Path) -> Any:
    shutil.rmtree(out, ignore_errors=True)  # what an interrupted run left
    out.mkdir(parents=True)
    job.run(out)
    return job.read(out / job.marker)


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


class _Stored(Future):
    """A finished job's result, read from the cache when first asked for (a serving build
    whose downloads and quality pages are unchanged never reads them)."""

    def __init__(self, job: Job, directory: Path):
        super().__init__()
        self._read = lambda: job.read(directory / job.marker)

    def result(self, timeout: float | None = None) -> Any:
        if not self.done():
            self.set_result(self._read())
        return super().result(timeout)


def _latest(folder: Path, marker: str) -> Path | None:
    """The most recently finished digest directory in ``folder``."""
    done = [(p.stat().st_mtime, p.parent) for p in folder.glob(f"*/{marker}")]
    return max(done)[1] if done else None


class Follower:
    """The one process that brings the results up to date behind ``mkdocs serve``; when it
    has, it writes ``stamp`` (the server watches its directory and builds again)."""

    def __init__(self, stamp: Path):
        self.stamp = stamp
        self.process: multiprocessing.process.BaseProcess | None = None
        self.key = ""

    def busy(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def start(self, cache_dir: Path, key: str, jobs: list[Job]) -> None:
        """Run ``jobs`` for ``key`` in a forked process, unless one is running (its stamp will
        bring another build, which starts the next)."""
        if self.busy():
            return
        self.key = key
        self.process = multiprocessing.get_context("fork").Process(
            target=_follow, args=(cache_dir, key, jobs, self.stamp, os.getpid()), daemon=True)
        self.process.start()

    def stop(self) -> None:
        if self.busy():
            assert self.process is not None
            self.process.terminate()
            self.process.join(5)
        self.process = None


def _follow(cache_dir: Path, key: str, jobs: list[Job], stamp: Path, parent: int) -> None:
    _die_with_parent(parent)
    os.nice(FOLLOWER_NICENESS)
    try:
        for job in jobs:
            _run(job, cache_dir / job.name / key)
    except Exception:  # noqa: BLE001 - the server goes on; the next save tries again
        log.error("duizhao: the background jobs failed:\n%s", traceback.format_exc())
        return
    stamp.parent.mkdir(parents=True, exist_ok=True)
    tmp = stamp.with_suffix(".tmp")
    tmp.write_text(key, encoding="utf-8")
    tmp.replace(stamp)


def _die_with_parent(parent: int) -> None:
    """Linux: end this process when the server ends, however it ends (it holds the server's
    socket), including before this was asked (then ``parent`` is no longer the parent)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(0)


class Background:
    """Exports, findings and (given ``data``) the search bundles for one build (``key``:
    digest of every input and the code). With a ``follower``, results not yet made for ``key``
    are the latest finished ones (``current`` says whether all are for ``key``)."""

    def __init__(self, project: Project, cache_dir: Path, key: str, parallel: bool = True,
                 data: SiteData | None = None, follower: Follower | None = None):
        global _PROJECT, _DATA
        _PROJECT, _DATA = project, data
        self._pool: ProcessPoolExecutor | None = None
        self.dirs: dict[str, Path] = {}
        self.results: dict[str, Future] = {}
        behind: list[Job] = []
        for job in JOBS:
            if job.name == "search" and data is None:
                continue
            folder, wanted = cache_dir / job.name, cache_dir / job.name / key
            latest = _latest(folder, job.marker) if follower is not None else None
            if (wanted / job.marker).exists():
                self.dirs[job.name], self.results[job.name] = wanted, _Stored(job, wanted)
            elif latest is not None:
                self.dirs[job.name], self.results[job.name] = latest, _Stored(job, latest)
                behind.append(job)
            else:
                self.dirs[job.name], self.results[job.name] = wanted, self._submit(job, wanted, parallel)
        self.current = not behind
        self._cache_dir, self._key, self._follower = cache_dir, key, follower
        if follower is not None and behind:
            follower.start(cache_dir, key, behind)

    @property
    def exports(self) -> Future:
        return self.results["exports"]

    @property
    def findings(self) -> Future:
        return self.results["findings"]

    @property
    def search(self) -> Future | None:
        return self.results.get("search")

    @property
    def shown(self) -> str:
        """Which results the pages show (the deferred pages' cache key)."""
        return ",".join(f"{name}/{path.name}" for name, path in sorted(self.dirs.items()))

    def _submit(self, job: Job, out: Path, parallel: bool) -> Future:
        if not parallel:
            return _done(_run(job, out))
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return self._pool.submit(_run, job, out)

    def prune(self) -> None:
        """Remove the results of other digests than the ones shown, wanted or being made."""
        for name, shown in self.dirs.items():
            keep = {shown, shown.parent / self._key}
            if self._follower is not None and self._follower.busy():
                keep.add(shown.parent / self._follower.key)
            for old in shown.parent.glob("*"):
                if old in keep:
                    continue
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:  # a file of an older layout
                    old.unlink(missing_ok=True)

    def export_path(self, download: Download) -> Path:
        return self.dirs["exports"] / Path(download.path).name

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
