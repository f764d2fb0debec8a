"""The ``duizhao`` command line. Exit codes: 0 clean, 1 findings at error level, 2 usage or internal error."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .project import Project, ProjectError


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


def cmd_check(args: argparse.Namespace, project: Project) -> int:
    from .check import Severity, run
    from .check.report import FORMATS

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if args.fix:
        from .fix import apply_fixes
        for line in apply_fixes(project, [Path(p) for p in args.paths]):
            print(line, file=sys.stderr)
    findings = run(project, args.paths, _codes(args.select), _codes(args.ignore))
    out = FORMATS[fmt](findings)
    if out:
        print(out)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return 1 if any(f.severity in failing for f in findings) else 0


def cmd_rules(args: argparse.Namespace, project: Project | None) -> int:
    from .check.rules import RULES
    for code, rule in sorted(RULES.items()):
        summary = (rule.__doc__ or "").strip().splitlines()[0].split(" — ", 1)[-1]
        print(f"{code}  {rule.SLUG:<28} {rule.SEVERITY.value:<8} {summary}")
    return 0


def cmd_export(args: argparse.Namespace, project: Project) -> int:
    from .export import export
    return export(project, args.what, args.format, args.output)


def cmd_stats(args: argparse.Namespace, project: Project) -> int:
    from .stats import collect, render
    print(render(collect(project), args.format))
    return 0


def cmd_ingest(args: argparse.Namespace, project: Project | None) -> int:
    from .ingest import ingest_file
    return ingest_file(Path(args.source), args.id, Path(args.output) if args.output else None,
                       project, force=args.force)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="duizhao", description="对照 duizhao: check, export and publish the bilingual corpus.")
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    parser.add_argument("--root", help="project root (default: found from the current directory)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="lint TEI and YAML files (default: the whole corpus)")
    p.add_argument("paths", nargs="*", help="files or directories (default: corpus/ and annotations/)")
    p.add_argument("--format", choices=["text", "json", "github"], help="output format (default: text; github on GitHub Actions)")
    p.add_argument("--select", action="append", metavar="CODES", help="only these rule codes or prefixes, comma-separated (e.g. X,Y001)")
    p.add_argument("--ignore", action="append", metavar="CODES", help="skip these rule codes or prefixes")
    p.add_argument("--fix", action="store_true", help="apply safe fixes to annotator files first")
    p.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rules", help="list the check rules")
    p.set_defaults(func=cmd_rules, no_project=True)

    p = sub.add_parser("export", help="write a dataset to stdout or a file")
    p.add_argument("what", choices=["segments"])
    p.add_argument("--format", default="jsonl", choices=["jsonl", "tmx", "csv", "json", "tbx"])
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="corpus size and coverage")
    p.add_argument("--format", default="text", choices=["text", "json"])
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("ingest", help="turn a plain-text report into a TEI skeleton")
    p.add_argument("source", help="the plain-text source (UTF-8)")
    p.add_argument("--id", required=True, help="document id, e.g. jian-news-2021-03")
    p.add_argument("-o", "--output", help="output TEI path (default: corpus/<id>.xml)")
    p.add_argument("--force", action="store_true", help="overwrite an existing TEI file")
    p.set_defaults(func=cmd_ingest, optional_project=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    project = None
    try:
        if not getattr(args, "no_project", False):
            try:
                project = Project(Path(args.root)) if args.root else Project.discover()
            except ProjectError:
                if not getattr(args, "optional_project", False):
                    raise
        return args.func(args, project)
    except ProjectError as exc:
        print(f"duizhao: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # usage errors and crashes: a message, never a traceback
        from .check.runner import RuleCrash, UsageError
        if os.environ.get("DUIZHAO_DEBUG"):
            raise
        kind = "usage error" if isinstance(exc, UsageError) else "internal error" if isinstance(exc, RuleCrash) else "error"
        print(f"duizhao: {kind}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
