"""``duizhao ingest SOURCE.txt --id DOC-ID``: plain text to a TEI skeleton."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("ingest", help="turn a plain-text report into a TEI skeleton with ids and debris flags")
    p.add_argument("source", help="the plain-text source (UTF-8)")
    p.add_argument("--id", required=True, help="document id, e.g. jian-news-2021-03")
    p.add_argument("-o", "--output", help="output TEI path (default: corpus/<id>.xml)")
    p.add_argument("--force", action="store_true", help="overwrite an existing TEI file")
    p.set_defaults(func=run, optional_project=True)


def run(args, project) -> int:
    from ..ingest import ingest_file
    return ingest_file(Path(args.source), args.id, Path(args.output) if args.output else None,
                       project, force=args.force)
