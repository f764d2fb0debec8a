"""How `duizhao check` scales: synthetic corpora of 50, 500 and 5,000 documents.

Each synthetic document is a real one under a new id (TEI, source text and annotation
file renamed consistently; the periods of its figures moved back a year per round of
copies, so that copies are distinct documents rather than conflicting reports of the same
figures), so every rule does the work it does on the real corpus. The corpora are
generated under build/bench/ (never committed). For each size `duizhao check` runs in
fresh processes, three times, from one copy of the package (an edit to the repository's
code during a long run would otherwise invalidate the cache between the runs):

- **cold**: no build/cache/ (every file parsed and checked; the default `--jobs`);
- **warm**: again, nothing changed (parsed YAML and per-file findings reused);
- **incremental**: after one annotation file was edited (that file is re-checked).

Wall time, input MB/s and peak memory are reported as a Markdown table for
benchmarks/README.md: the largest single process (ru_maxrss) and, sampled every 50 ms,
the whole process tree (the parent and its workers; shared pages count once per process,
so this is an upper bound).

    .venv/bin/python benchmarks/check_scale.py [--sizes 50 500 5000] [--source DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def generate(dest: Path, size: int, source: Path = REPO) -> int:
    """Write a corpus of ``size`` documents made from ``source`` to ``dest``; return its input bytes."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "corpus" / "sources").mkdir(parents=True)
    (dest / "annotations").mkdir()
    shutil.copytree(source / "corpus" / "schema", dest / "corpus" / "schema")
    shutil.copytree(source / "annotations" / "schema", dest / "annotations" / "schema")
    for reg in ("glossary", "entities", "indicators"):
        if (source / "annotations" / f"{reg}.yaml").exists():
            shutil.copy(source / "annotations" / f"{reg}.yaml", dest / "annotations")
    real = sorted((source / "corpus").glob("*.xml"))
    total = 0
    for n in range(size):
        tei = real[n % len(real)]
        doc_id, new_id = tei.stem, f"{tei.stem}-x{n:05d}"
        text = tei.read_text(encoding="utf-8")
        src = re.search(r'<idno type="source-file">([^<]+)</idno>', text).group(1)
        new_src = f"x{n:05d}-{src}"
        text = text.replace(f'xml:id="{doc_id}"', f'xml:id="{new_id}"', 1).replace(src, new_src)
        (dest / "corpus" / f"{new_id}.xml").write_text(text, encoding="utf-8")
        shutil.copy(source / "corpus" / "sources" / src, dest / "corpus" / "sources" / new_src)
        total += len(text.encode()) + (source / "corpus" / "sources" / src).stat().st_size
        ann = source / "annotations" / f"{doc_id}.yaml"
        if ann.exists():
            y = _shift_periods(ann.read_text(encoding="utf-8").replace(doc_id, new_id), n // len(real))
            (dest / "annotations" / f"{new_id}.yaml").write_text(y, encoding="utf-8")
            total += len(y.encode())
    return total


def _shift_periods(text: str, years: int) -> str:
    """Copy k of a real document reports its figures ``years`` earlier: copies of one document
    are distinct documents, not a thousand reports of the same figures (F004 compares those
    across documents, and would compare every copy with every other)."""
    def shift(m: re.Match) -> str:
        return m.group(1) + re.sub(r"\d{4}", lambda y: str(int(y.group()) - years), m.group(2))
    return re.sub(r"(?m)^(\s*period:\s*)(\S.*)$", shift, text) if years else text


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants (Linux /proc), in kB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += map(int, fh.read().split())
        except OSError:
            pass
    return total


def measure(root: Path, code: Path, jobs: int | None) -> tuple[float, float, float]:
    """Run the whole check once with the duizhao package copied to ``code``; (seconds,
    peak RSS of the largest process in MB, peak RSS of the process tree in MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    main = f"import sys; sys.path.insert(0, {str(code)!r}); from duizhao.cli import main; sys.exit(main())"
    command = [sys.executable, "-c", main, "--root", str(root), "check", "--format", "json"]
    command += ["--jobs", str(jobs)] if jobs else []
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tree_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        while not done.wait(0.05):
            tree_peak = max(tree_peak, _tree_rss_kb(proc.pid))
    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode == 2:
        sys.exit(f"check failed: {stderr}")
    return seconds, max(peak, before) / 1024, tree_peak / 1024


def _edit_one(root: Path) -> None:
    """An annotator's edit: one note added to one annotation file."""
    path = next(p for p in sorted((root / "annotations").glob("*.yaml"))
                if p.stem not in ("glossary", "entities", "indicators"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n    status: accepted", "\n    status: accepted\n    note: checked again", 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[50, 500, 5000])
    parser.add_argument("--source", type=Path, default=REPO, help="the project whose documents are copied (default: this one)")
    parser.add_argument("--jobs", type=int, help="passed to duizhao check (default: its own, one worker per CPU)")
    args = parser.parse_args()
    print("| documents | input MB | cold s | cold MB/s | cold s per 1,000 docs | warm s | incremental s "
          "| peak RSS MB, largest process | peak RSS MB, process tree |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        root = REPO / "build" / "bench" / f"check-{size}"
        nbytes = generate(root, size, args.source.resolve())
        # The code is copied once: an edit elsewhere in the repository during a long run
        # must not invalidate the cache between the three runs (its key includes the code).
        code = root / "code"
        shutil.copytree(REPO / "tools" / "duizhao", code / "duizhao", ignore=shutil.ignore_patterns("__pycache__"))
        cold, peak, tree = measure(root, code, args.jobs)
        warm, *_ = measure(root, code, args.jobs)
        _edit_one(root)
        incremental, *_ = measure(root, code, args.jobs)
        mb = nbytes / 1e6
        print(f"| {size:,} | {mb:.1f} | {cold:.1f} | {mb / cold:.2f} | {1000 * cold / size:.1f} | {warm:.1f} "
              f"| {incremental:.1f} | {peak:.0f} | {tree:.0f} |", flush=True)
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
