"""How `duizhao check` scales: synthetic corpora of 50, 500 and 5,000 documents.

Each synthetic document is a real one under a new id (TEI, source text and annotation
file renamed consistently), so every rule does the same work it does on the real corpus.
The corpora are generated under build/bench/ (never committed). For each size the whole
check runs in a fresh process; wall time, input MB/s and the child's peak memory are
reported, as a Markdown table to paste into benchmarks/README.md.

    .venv/bin/python benchmarks/check_scale.py [--sizes 50 500 5000]
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def generate(dest: Path, size: int) -> int:
    """Write a corpus of ``size`` documents to ``dest``; return its input bytes."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "corpus" / "sources").mkdir(parents=True)
    (dest / "annotations").mkdir()
    shutil.copytree(REPO / "corpus" / "schema", dest / "corpus" / "schema")
    shutil.copytree(REPO / "annotations" / "schema", dest / "annotations" / "schema")
    for reg in ("glossary", "entities", "indicators"):
        if (REPO / "annotations" / f"{reg}.yaml").exists():
            shutil.copy(REPO / "annotations" / f"{reg}.yaml", dest / "annotations")
    real = sorted((REPO / "corpus").glob("*.xml"))
    total = 0
    for n in range(size):
        tei = real[n % len(real)]
        doc_id, new_id = tei.stem, f"{tei.stem}-x{n:05d}"
        text = tei.read_text(encoding="utf-8")
        src = re.search(r'<idno type="source-file">([^<]+)</idno>', text).group(1)
        new_src = f"x{n:05d}-{src}"
        text = text.replace(f'xml:id="{doc_id}"', f'xml:id="{new_id}"', 1).replace(src, new_src)
        (dest / "corpus" / f"{new_id}.xml").write_text(text, encoding="utf-8")
        shutil.copy(REPO / "corpus" / "sources" / src, dest / "corpus" / "sources" / new_src)
        total += len(text.encode()) + (REPO / "corpus" / "sources" / src).stat().st_size
        ann = REPO / "annotations" / f"{doc_id}.yaml"
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


def measure(root: Path) -> tuple[float, float, int]:
    """Run the whole check once; (seconds, peak RSS in MB, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run([str(REPO / ".venv" / "bin" / "duizhao"), "--root", str(root), "check", "--format", "json"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode == 2:
        sys.exit(f"check failed: {proc.stderr}")
    return seconds, max(peak, before) / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[50, 500, 5000])
    args = parser.parse_args()
    print("| documents | input MB | seconds | MB/s | s per 1,000 docs | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        root = REPO / "build" / "bench" / f"check-{size}"
        nbytes = generate(root, size)
        seconds, peak, _ = measure(root)
        mb = nbytes / 1e6
        print(f"| {size:,} | {mb:.1f} | {seconds:.2f} | {mb / seconds:.2f} | {1000 * seconds / size:.2f} | {peak:.0f} |", flush=True)
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
