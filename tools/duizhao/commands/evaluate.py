"""``duizhao evaluate``: the recommenders against the accepted annotations, leave-one-document-out."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    from ..suggest import RECOMMENDERS
    p = sub.add_parser("evaluate", help="precision/recall/F1 of the recommenders, leave-one-document-out")
    p.add_argument("--recommender", "-r", action="append", choices=RECOMMENDERS,
                   help="evaluate only this recommender (repeatable; default: all)")
    p.add_argument("--format", default="text", choices=["text", "json"])
    p.add_argument("-o", "--output", help="JSON report file (default: build/evaluation.json)")
    p.add_argument("--steps", type=int, help="stanza training steps per fold (default: 400)")
    p.set_defaults(func=run)


def run(args, project) -> int:
    from .. import yamlio
    from ..suggest.evaluation import Evaluation, render_text
    from ..suggest.report import default_path
    from ..suggest.training import TrainConfig

    config = TrainConfig()
    if args.steps:
        config.max_steps, config.eval_interval = args.steps, max(1, args.steps // 4)
    evaluation = Evaluation(project, args.recommender or ["gazetteer", "figures", "stanza"], config,
                            progress=lambda message: print(message, file=sys.stderr))
    if not evaluation.docs:
        print("duizhao: no accepted annotations to evaluate against", file=sys.stderr)
        return 2
    report = evaluation.run()
    out = Path(args.output) if args.output else default_path(project.root)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    yamlio.atomic_write(out, text)
    print(text if args.format == "json" else render_text(report) + f"\n\nwritten to {out}", end="" if args.format == "json" else "\n")
    return 0
