"""When each annotation was written and last changed, from the history of its file.

``git blame`` dates every line of an annotation file; an annotation was *created* when the
line of its list item was written and *modified* when the last of its lines was. Outside a git
checkout (an unpacked release), or for lines not committed yet, the file's modification time
stands in. Times are ISO 8601 in UTC.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from . import annotations
from .memo import per_project
from .project import Project


def _iso(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def line_times(path: Path) -> list[float]:
    """The time each line of ``path`` was last changed (one per line, 1-based order)."""
    mtime = path.stat().st_mtime
    try:
        done = subprocess.run(["git", "blame", "--line-porcelain", "--", path.name], cwd=path.parent,
                              capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        done = None
    if done is None or done.returncode != 0:
        return [mtime] * (path.read_text(encoding="utf-8").count("\n") + 1)
    times, current = [], mtime
    for line in done.stdout.splitlines():
        if line.startswith("committer-time "):
            current = float(line.split()[1])
        elif line.startswith("\t"):
            times.append(current)
    return times


@per_project
def annotation_times(project: Project) -> dict[str, tuple[str, str]]:
    """``{annotation id: (created, modified)}`` for every annotation with an id."""
    out: dict[str, tuple[str, str]] = {}
    for file in annotations.load(project).files:
        if not file.annotations:
            continue
        times = line_times(file.path)
        starts = [a.line for a in file.annotations] + [len(times) + 1]
        for ann, start, end in zip(file.annotations, starts, starts[1:]):
            span = times[start - 1:max(start, end - 1)] or [times[-1]]
            if ann.id:
                out[ann.id] = (_iso(span[0]), _iso(max(span)))
    return out
