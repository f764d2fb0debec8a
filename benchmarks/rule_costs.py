"""Where `duizhao check` spends its CPU: milliseconds per document for each rule and for
reading the files, on a synthetic corpus (made by check_scale's ``generate``).

The whole check runs in this process (``--jobs 1``, no cache), as a worker runs its
files. Each rule's ``check`` (and a corpus rule's ``summarise`` and combining ``check``)
is timed, and so are the two parsers (TEI, YAML with positions); times are exclusive: a
file parsed on a rule's first use counts as reading, not as that rule; an index a rule
builds on first use (names, annotations, anchors) counts to that rule. The first run pays
the one-time costs (schemas, compiled patterns); the later runs, each with a fresh project,
show the steady cost per document that dominates at thousands of documents (the column
``best`` is the least over those runs).

    .venv/bin/python benchmarks/rule_costs.py [--size 50] [--root PROJECT] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "benchmarks"))

from check_scale import generate  # noqa: E402

from duizhao import project as project_module  # noqa: E402
from duizhao.check import parallel, runner  # noqa: E402


class Clock:
    """Exclusive CPU time per label: a timed call inside another is not counted twice."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []  # [start, time of nested timed calls]

    def timed(self, label: Callable[..., str], func: Callable[..., Any]) -> Callable[..., Any]:
        """``func`` with its time charged to ``label(*args, **kwargs)``."""
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            frame = [time.process_time(), 0.0]
            self._stack.append(frame)
            try:
                return func(*args, **kwargs)
            finally:
                elapsed = time.process_time() - frame[0]
                self._stack.pop()
                self.totals[label(*args, **kwargs)] += elapsed - frame[1]
                if self._stack:
                    self._stack[-1][1] += elapsed
        return wrapper


def run_once(root: Path) -> tuple[dict[str, float], float, int]:
    """One in-process check of ``root``: (seconds per label, total seconds, documents)."""
    clock = Clock()
    real_call, real_load, real_read = parallel.call, project_module.load_document, project_module.Project._read_yaml

    def rule_label(rule, *args, phase="check") -> str:
        if rule.TARGET != "corpus":
            return rule.CODE
        return f"{rule.CODE} {'summarise' if phase == 'summarise' else 'combine'}"

    timed_call = clock.timed(rule_label, real_call)
    parallel.call = runner.call = timed_call
    project_module.load_document = clock.timed(lambda *a: "read TEI", real_load)
    project_module.Project._read_yaml = clock.timed(lambda *a: "read YAML (with positions)", real_read)
    try:
        start = time.process_time()
        project = project_module.Project(root)
        runner.run(project, jobs=1, cache=False)
        total = time.process_time() - start
    finally:
        parallel.call = runner.call = real_call
        project_module.load_document, project_module.Project._read_yaml = real_load, real_read
    return dict(clock.totals), total, len(project.tei_paths())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50, help="documents in the synthetic corpus (default 50)")
    parser.add_argument("--root", type=Path, help="an existing project to time instead of a synthetic corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs in this process (default 3)")
    parser.add_argument("--min-ms", type=float, default=0.3, help="hide rows under this many ms per document")
    args = parser.parse_args()
    if args.runs < 1 or args.size < 1:
        parser.error("--runs and --size must be at least 1")
    with tempfile.TemporaryDirectory(prefix="rule-costs-") as tmp:
        root = args.root.resolve() if args.root else Path(tmp) / "project"
        if args.root is None:
            generate(root, args.size)
        elif not (root / "corpus").is_dir():
            parser.error(f"not a duizhao project: {root}")
        runs = [run_once(root) for _ in range(args.runs)]
    docs = runs[0][2]
    later = runs[1:] or runs
    labels = sorted(runs[0][0], key=lambda k: -runs[0][0][k])
    ms = lambda seconds: 1000 * seconds / max(docs, 1)  # noqa: E731
    print(f"{docs} documents; ms of CPU per document")
    print("| | first run | best |\n|---|---:|---:|")
    for label in labels:
        best = min(r[0].get(label, 0.0) for r in later)
        if max(ms(runs[0][0][label]), ms(best)) >= args.min_ms:
            print(f"| {label} | {ms(runs[0][0][label]):.1f} | {ms(best):.1f} |")
    rest = [r[1] - sum(r[0].values()) for r in runs]
    print(f"| everything else | {ms(rest[0]):.1f} | {ms(min(rest[1:] or rest)):.1f} |")
    print(f"| **total** | **{ms(runs[0][1]):.1f}** | **{ms(min(r[1] for r in later)):.1f}** |")


if __name__ == "__main__":
    main()
