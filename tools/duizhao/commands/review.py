"""``duizhao review DOC``: list pending proposals, accept or reject them."""

from __future__ import annotations

import sys


def register(sub) -> None:
    from ..suggest import RECOMMENDERS
    p = sub.add_parser("review", help="list, accept or reject the proposals of a document",
                       description="Without options: list the pending proposals. Only proposals are accepted or rejected: an annotation "
                                   "already accepted or rejected is changed only with --force. Editing `status:` in the YAML by hand does the same.")
    p.add_argument("document", metavar="DOC", help="document id or file")
    p.add_argument("--accept", nargs="+", default=[], metavar="ID", help="accept these annotations (a0007 or DOC.a0007)")
    p.add_argument("--reject", nargs="+", default=[], metavar="ID", help="reject these (they will not be proposed again)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--accept-all", action="store_true", help="accept every pending proposal (see --source)")
    group.add_argument("--reject-all", action="store_true", help="reject every pending proposal (see --source)")
    p.add_argument("--source", choices=RECOMMENDERS, help="with --accept-all/--reject-all: only proposals of this recommender")
    p.add_argument("--force", action="store_true",
                   help="also change annotations already accepted or rejected (refused without it)")
    p.set_defaults(func=run)


def run(args, project) -> int:
    from ..anchoring import resolve
    from ..errors import UsageError
    from ..suggest.review import decide, full_id, pending
    from ..suggest.select import annotation_path, documents
    from ..suggest.store import StoreError

    doc = documents(project, [args.document])[0]
    path = annotation_path(project, doc)
    both = {full_id(doc.id, a) for a in args.accept} & {full_id(doc.id, r) for r in args.reject}
    if both:
        raise UsageError(f"both accepted and rejected: {', '.join(sorted(both))}")
    if args.source and not (args.accept_all or args.reject_all):
        raise UsageError("--source goes with --accept-all or --reject-all")
    if args.force and not (args.accept or args.reject):
        raise UsageError("--force goes with --accept or --reject")
    try:
        if args.accept or args.reject or args.accept_all or args.reject_all:
            decisions = {**{a: "accepted" for a in args.accept}, **{r: "rejected" for r in args.reject}}
            every = "accepted" if args.accept_all else "rejected" if args.reject_all else None
            changed = decide(path, doc.id, decisions, every, args.source, args.force)
            for ann_id, old, new in changed:
                print(f"{ann_id}: {old} → {new}")
            print(f"{len(changed)} annotation(s) changed; {len(pending(path, doc.id))} proposal(s) still pending")
            return 0
        waiting = pending(path, doc.id)
    except StoreError as exc:
        print(f"duizhao: {exc}", file=sys.stderr)
        return 2
    for item in waiting:
        seg = doc.segment_index.get(item.segment)
        where = ""
        if seg is not None:
            res = resolve(seg.zh, item.quote, item.prefix, item.suffix)
            at = res.start
            if res.ok:
                where = f"…{seg.zh[max(0, at - 12):at]}[{item.quote}]{seg.zh[at + len(item.quote):at + len(item.quote) + 12]}…"
        fields = " ".join(f"{k}={v}" for k, v in item.fields.items())
        print(f"{item.id}  {item.segment}  {item.type:<6} {item.source:<9} {where or item.quote}  {fields}")
    print(f"{len(waiting)} proposal(s) pending in {path.name}")
    return 0
