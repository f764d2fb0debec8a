"""``duizhao export WHAT --format F``: datasets to stdout or a file; ``duizhao export package``:
the data package (CSV + Table Schemas), SQLite, Parquet and vertical files in a folder."""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE = "package"
DEFAULT_PACKAGE_DIR = Path("build") / "data"
# The datasets of duizhao.export.EXPORTERS (a test holds them equal), named here so that the
# command line is built without importing the exporters (pinyin's tables alone take 0.3 s).
DATASETS = ("annotations", "documents", "entities", "figures", "glossary", "indicators", "segments")


def register(sub) -> None:
    p = sub.add_parser("export", help="write a dataset (segments, annotations, figures, …) or the data package")
    p.add_argument("what", choices=[*DATASETS, PACKAGE])
    p.add_argument("--format", help="jsonl | csv | json | tmx | tbx | w3c (default: the dataset's first format)")
    p.add_argument("-o", "--output", help=f"output file (default: stdout); for {PACKAGE}: a folder "
                                          f"(default: {DEFAULT_PACKAGE_DIR}/)")
    p.set_defaults(func=run)


def run(args, project) -> int:
    if args.what == PACKAGE:
        return run_package(project, Path(args.output) if args.output else project.root / DEFAULT_PACKAGE_DIR)
    from ..export import export
    return export(project, args.what, args.format, args.output)


def run_package(project, out: Path) -> int:
    """Write and validate the package; 1 when frictionless finds it invalid."""
    from ..export.package import export_all

    report, vertical = export_all(project, out)
    for line in vertical.cut:
        print(f"duizhao: note: vertical: a word cut at an annotation boundary: {line}", file=sys.stderr)
    for line in vertical.left_out:
        print(f"duizhao: warning: vertical: annotation left out: {line}", file=sys.stderr)
    if not report.valid:
        for task in report.tasks:
            for error in task.errors:
                print(f"duizhao: invalid data package: {task.name}.csv: {error.message}", file=sys.stderr)
        return 1
    print(f"{out}: data package valid (frictionless), SQLite, Parquet and vertical files written")
    return 0
