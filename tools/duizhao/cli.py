"""The ``duizhao`` command line. Exit codes: 0 clean, 1 findings at error level, 2 usage or internal error."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__, commands
from .errors import DuizhaoError, ProjectError
from .project import Project, shown_path


COMMANDS = (
    commands.check,
    commands.rules,
    commands.export,
    commands.stats,
    commands.ingest,
    commands.suggest,
    commands.review,
    commands.train,
    commands.evaluate,
    commands.release,
    commands.lsp,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="duizhao", description="对照 duizhao: check, export and publish the bilingual corpus.")
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    parser.add_argument("--root", help="project root (default: found from the current directory)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
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
        status = args.func(args, project)
        if project is not None and args.command != "check":  # check reports them as findings
            _warn_unreadable(project)
        return status
    except BrokenPipeError:  # e.g. `duizhao export segments | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except DuizhaoError as exc:  # usage, project and internal errors (duizhao.errors): exit 2, a message
        if os.environ.get("DUIZHAO_DEBUG"):
            raise
        print(f"duizhao: {exc.kind}: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # anything else is a bug: a message, never a traceback
        if os.environ.get("DUIZHAO_DEBUG"):
            raise
        print(f"duizhao: internal error: {type(exc).__name__}: {exc} (a bug in duizhao: please report it; "
              "DUIZHAO_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _warn_unreadable(project: Project) -> None:
    """Files and registry entries a command had to leave out are named, never dropped in silence."""
    for path, problem in project.unreadable():
        print(f"duizhao: warning: {shown_path(path, Path.cwd())} left out: {problem} (see `duizhao check`)",
              file=sys.stderr)
    for path, problem in project.left_out():
        print(f"duizhao: warning: {shown_path(path, Path.cwd())}:{problem} (see `duizhao check`)", file=sys.stderr)

if __name__ == "__main__":
    sys.exit(main())
