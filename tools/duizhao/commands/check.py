"""``duizhao check``: lint TEI and YAML files."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of workers, not {value!r}")
    return int(value)


def register(sub) -> None:
    p = sub.add_parser("check", help="lint TEI and YAML files (default: the whole corpus)")
    p.add_argument("paths", nargs="*", help="files or directories (default: corpus/ and annotations/)")
    p.add_argument("--format", choices=["text", "json", "github"], help="output format (default: text; github on GitHub Actions)")
    p.add_argument("--select", action="append", metavar="CODES", help="only these rule codes or prefixes, comma-separated (e.g. X,Y001)")
    p.add_argument("--ignore", action="append", metavar="CODES", help="skip these rule codes or prefixes")
    p.add_argument("--fix", action="store_true", help="apply the safe fixes of the selected rules, then report what is left")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix, apply the unsafe fixes too (read them after)")
    p.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    p.add_argument("--jobs", "-j", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes for the per-file rules (default: one per CPU; 1 = no workers)")
    p.add_argument("--no-cache", action="store_true",
                   help="recheck every file and reparse every YAML file instead of reusing build/cache/")
    p.set_defaults(func=run)


def run(args, project) -> int:
    from ..check import Severity, run as run_checks
    from ..check.finding import INTERNAL
    from ..check.fix import fix_until_stable
    from ..check.report import FORMATS
    from ..project import Project, shown_path

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    select, ignore = _codes(args.select), _codes(args.ignore)

    def check(root=project.root):
        return run_checks(Project(root), args.paths, select, ignore, jobs=args.jobs, cache=not args.no_cache)

    if args.fix:  # each pass reads the files afresh: the previous one changed them
        findings, outcome = fix_until_stable(check, args.unsafe_fixes, project.root)
        for line in outcome.notes(lambda p: shown_path(p, Path.cwd())):
            print(line, file=sys.stderr)
    else:
        findings = run_checks(project, args.paths, select, ignore, jobs=args.jobs, cache=not args.no_cache)
    out = FORMATS[fmt](findings, unsafe=args.unsafe_fixes) if fmt == "text" else FORMATS[fmt](findings)
    if out:
        print(out)
    if any(f.slug == INTERNAL for f in findings):
        return 2  # a rule crashed (reported as a finding, after every other rule and file)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in findings) else 0
