"""``duizhao export WHAT --format F``: datasets to stdout or a file."""

from __future__ import annotations


def register(sub) -> None:
    from ..export import EXPORTERS
    p = sub.add_parser("export", help="write a dataset (segments, annotations, figures, entities, glossary)")
    p.add_argument("what", choices=sorted(EXPORTERS))
    p.add_argument("--format", help="jsonl | csv | json | tmx | tbx (default: the dataset's first format)")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.set_defaults(func=run)


def run(args, project) -> int:
    from ..export import export
    return export(project, args.what, args.format, args.output)
