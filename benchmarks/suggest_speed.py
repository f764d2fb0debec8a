"""How fast the recommenders annotate: characters of Chinese text per second, on CPU.

Each recommender proposes annotations for every corpus document (``Segment.zh``, the text
they read), ``--repeat`` times; the best run counts (the least disturbed by other work on
the machine). Set-up (building the automaton, loading the stanza pipeline) is timed
apart. The stanza model is ``--model`` if given, else one trained here on the accepted
entity annotations into build/bench/ner — or, while the corpus has none yet, on the
gazetteer's matches (silver data: enough to measure speed, not quality).

    .venv/bin/python benchmarks/suggest_speed.py [--repeat 3] [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from duizhao.project import Project
from duizhao.suggest import RECOMMENDERS, recommender
from duizhao.suggest.gazetteer import GazetteerRecommender
from duizhao.suggest.gold import entity_examples
from duizhao.suggest.lexicon import Lexicon
from duizhao.suggest.tokens import Segmenter
from duizhao.suggest.training import Example, Span, TrainConfig, train

REPO = Path(__file__).resolve().parent.parent


def silver_examples(project: Project, lexicon: Lexicon) -> list[Example]:
    """Every segment with the gazetteer's entity matches as spans (for timing only)."""
    rec = GazetteerRecommender(lexicon)
    out = []
    for doc in project.documents.values():
        spans: dict[str, list[Span]] = {}
        for p in rec.propose(doc):
            if p.type == "entity":
                spans.setdefault(p.segment, []).append(Span(p.start, p.end, lexicon.entity_types[p.label].upper()))
        out += [Example(seg.zh, tuple(spans.get(seg.id, ()))) for seg in doc.segments]
    return out


def model_for(project: Project, model: Path | None) -> tuple[Path, str]:
    if model:
        return model, "given"
    lexicon = Lexicon.of(project)
    examples = entity_examples(project, list(project.documents.values()), lexicon)
    kind = "accepted annotations"
    if not any(e.spans for e in examples):
        examples, kind = silver_examples(project, lexicon), "gazetteer matches (silver)"
    out = REPO / "build" / "bench" / "ner"
    train(examples, out, Segmenter(lexicon.forms()), TrainConfig())
    return out, f"trained on {kind}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", type=Path, help="stanza model directory (default: train one)")
    parser.add_argument("--root", type=Path, default=REPO)
    args = parser.parse_args()
    project = Project(args.root)
    docs = list(project.documents.values())
    chars = sum(len(seg.zh) for doc in docs for seg in doc.segments)
    model, model_note = model_for(project, args.model)
    rows = []
    for name in RECOMMENDERS:
        began = time.perf_counter()
        rec = recommender(name).build(project, model=model)
        setup = time.perf_counter() - began
        best, proposals = float("inf"), 0
        for _ in range(args.repeat):
            began = time.perf_counter()
            proposals = sum(len(rec.propose(doc)) for doc in docs)
            best = min(best, time.perf_counter() - began)
        rows.append({"recommender": name, "characters": chars, "seconds": round(best, 4),
                     "chars_per_second": round(chars / best), "setup_seconds": round(setup, 2), "proposals": proposals})
    print(f"{len(docs)} documents, {chars:,} characters; stanza model: {model_note}\n")
    print("| recommender | chars/s | seconds | set-up s | proposals |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['recommender']} | {r['chars_per_second']:,} | {r['seconds']:.3f} | {r['setup_seconds']:.2f} | {r['proposals']} |")
    out = REPO / "build" / "bench" / "suggest_speed.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"model": model_note, "rows": rows}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
