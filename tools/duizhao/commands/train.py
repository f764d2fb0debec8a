"""``duizhao train [--out DIR]``: a stanza NER model from the accepted entity annotations."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("train", help="train the stanza NER recommender from accepted entity annotations")
    p.add_argument("--out", help="model directory (default: build/models/ner)")
    p.add_argument("--steps", type=int, help="training steps (default: 400)")
    p.add_argument("--verbose", action="store_true", help="show stanza's training log")
    p.set_defaults(func=run)


def run(args, project) -> int:
    from ..suggest.gold import entity_examples
    from ..suggest.lexicon import Lexicon
    from ..suggest.ner import DEFAULT_MODEL_DIR
    from ..suggest.tokens import Segmenter
    from ..suggest.training import TrainConfig, train

    out = Path(args.out) if args.out else project.root / DEFAULT_MODEL_DIR
    lexicon = Lexicon.of(project)
    examples = entity_examples(project, list(project.documents.values()), lexicon)
    if not any(e.spans for e in examples):
        print("duizhao: no accepted entity annotations to train on (accept some with `duizhao review`)", file=sys.stderr)
        return 2
    config = TrainConfig()
    if args.steps:
        config.max_steps, config.eval_interval = args.steps, max(1, args.steps // 4)
    report = train(examples, out, Segmenter(lexicon.forms()), config, verbose=args.verbose)
    mentions = ", ".join(f"{tag} {n}" for tag, n in report.mentions.items())
    print(f"trained {out} in {report.seconds:.1f}s: {report.sentences} sentences, {report.tokens} words, "
          f"{report.vocabulary} word vectors; mentions: {mentions}")
    return 0
