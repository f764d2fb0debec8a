"""``duizhao suggest [DOC...] --recommender R``: write machine proposals for review."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    from ..suggest import RECOMMENDERS
    p = sub.add_parser("suggest", help="propose annotations (status: proposed) for review")
    p.add_argument("documents", nargs="*", metavar="DOC", help="document ids or files (default: every document)")
    p.add_argument("--recommender", "-r", required=True, choices=RECOMMENDERS, help="which recommender proposes")
    p.add_argument("--model", help="stanza model directory (default: build/models/ner, made by `duizhao train`)")
    p.add_argument("--dry-run", action="store_true", help="print what would be added; write nothing")
    p.set_defaults(func=run)


def run(args, project) -> int:
    from ..suggest import recommender
    from ..suggest.base import RecommenderUnavailable
    from ..suggest.select import annotation_path, documents
    from ..suggest.store import StoreError, add_proposals

    docs = documents(project, args.documents)
    module = recommender(args.recommender)
    options = {"model": Path(args.model)} if args.model else {}
    try:
        rec = module.build(project, **options)
    except RecommenderUnavailable as exc:
        print(f"duizhao: {exc}", file=sys.stderr)
        return 2
    status = 0
    for doc in docs:
        path = annotation_path(project, doc)
        try:
            outcome = add_proposals(path, doc, rec.propose(doc), args.recommender, write=not args.dry_run)
        except StoreError as exc:
            print(f"duizhao: {exc}", file=sys.stderr)
            status = 2
            continue
        rel = path.relative_to(project.root) if path.is_relative_to(project.root) else path
        verb = "would add" if args.dry_run else "added"
        print(f"{rel}: {verb} {len(outcome.added)} proposal(s) from {args.recommender}"
              + (f"; {outcome.known} already recorded (accepted, proposed or rejected)" if outcome.known else ""))
        if args.dry_run:
            for item in outcome.added:
                extra = ", ".join(f"{k}={item[k]}" for k in item if k not in ("id", "type", "segment", "quote", "prefix", "suffix", "status", "source"))
                print(f"  {item['segment']} {item['type']:<6} {item['quote']}  {extra}")
        for cand in getattr(rec, "candidates", lambda d: [])(doc):
            print(f"  new entity candidate (not in entities.yaml): {cand.segment} {cand.tag} {cand.text}", file=sys.stderr)
    return status
