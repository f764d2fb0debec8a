"""Pages rendered by forked processes besides the build process.

Rendering is pure Python and most of a cold build, so the pages to render are cut into
chunks and shared out from both ends of one queue: forked workers take chunks from the
front, the build process takes them from the back, until they meet, so that nobody idles
while work is left. Workers are forked once the pages are registered: they inherit the
parsed corpus and the page renderers, and send back the HTML and the new entries of one
``memo`` dict (the English projections, which later pages reuse). With no worker,
everything renders here, in order.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import traceback
from collections.abc import Callable
from itertools import islice
from typing import Any

CHUNKS_PER_PROCESS = 8  # small enough that the last chunks even out the processes' shares


def available_workers() -> int:
    """Processes to fork besides this one: one per further CPU this process may use."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(0, cpus - 1)


def chunked(groups: list[list[str]], processes: int) -> list[list[str]]:
    """Consecutive ``groups`` (pages rendered together, e.g. a document in both languages)
    joined into about :data:`CHUNKS_PER_PROCESS` chunks per process."""
    size = max(1, -(-len(groups) // (processes * CHUNKS_PER_PROCESS)))
    return [[key for group in groups[i:i + size] for key in group] for i in range(0, len(groups), size)]


class _Ends:
    """The indexes of the chunks not yet taken, shared by the forked processes."""

    def __init__(self, ctx: Any, count: int):
        self._lock = ctx.Lock()
        self._front = ctx.RawValue("i", 0)
        self._back = ctx.RawValue("i", count)

    def take(self, front: bool) -> int | None:
        with self._lock:
            if self._front.value >= self._back.value:
                return None
            if front:
                self._front.value += 1
                return self._front.value - 1
            self._back.value -= 1
            return self._back.value


def _work(jobs: dict[str, Callable[[], str]], chunks: list[list[str]], ends: _Ends, results: Any,
          memo: dict[Any, Any] | None) -> None:
    """A worker's life: render chunks from the front; send ``(index, pages, memo entries)``,
    then ``None`` (or the error)."""
    try:
        while (index := ends.take(front=True)) is not None:
            before = len(memo) if memo is not None else 0
            pages = {key: jobs[key]() for key in chunks[index]}
            results.put((index, pages, dict(islice(memo.items(), before, None)) if memo is not None else {}))
        results.put(None)
    except BaseException:  # noqa: BLE001 - reported to the build process, which raises it
        results.put(traceback.format_exc())


def render(jobs: dict[str, Callable[[], str]], groups: list[list[str]], workers: int,
           memo: dict[Any, Any] | None = None) -> dict[str, str]:
    """The HTML of every job (``groups`` partition ``jobs``' keys), rendered by ``workers``
    forked processes and this one; ``memo`` gets the workers' additions."""
    chunks = chunked(groups, workers + 1)
    workers = min(workers, len(chunks) - 1)
    out: dict[str, str] = {}
    if workers < 1:
        for chunk in chunks:
            out.update((key, jobs[key]()) for key in chunk)
        return out
    ctx = multiprocessing.get_context("fork")
    ends, results = _Ends(ctx, len(chunks)), ctx.Queue()
    procs = [ctx.Process(target=_work, args=(jobs, chunks, ends, results, memo), daemon=True)
             for _ in range(workers)]
    for proc in procs:
        proc.start()
    try:
        while (index := ends.take(front=False)) is not None:
            out.update((key, jobs[key]()) for key in chunks[index])
        running = workers
        while running:
            try:
                message = results.get(timeout=1)
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in procs):
                    raise RuntimeError("a page-rendering worker died") from None
                continue
            if message is None:
                running -= 1
            elif isinstance(message, str):
                raise RuntimeError(f"a page-rendering worker failed:\n{message}")
            else:
                _, pages, added = message
                out.update(pages)
                if memo is not None:
                    memo.update(added)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
            proc.join()
    return out
