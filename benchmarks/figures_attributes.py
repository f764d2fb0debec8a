"""The figures recommender before and after a change, scored the same way on the same gold.

    .venv/bin/python benchmarks/figures_attributes.py [--before COMMIT] [--gold COMMIT] [--out FILE]

Each recommender proposes figures for the gold's documents in its own process (the code
``--before`` names is checked out as a git worktree under ``build/bench/``; "after" is this
working tree), and both sets of proposals are scored here by today's scorer
(:mod:`duizhao.suggest.attributes`: figures matched by magnitude, then every attribute of
figures contract v2), so that only the recommender differs. The gold is the corpus and the
accepted annotations at ``--gold`` (default: as they are in the working tree now), copied
to ``build/bench/figures-gold/`` first so that annotators' edits cannot move it mid-run.
The figures recommender does not learn, so this equals ``duizhao evaluate -r figures``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))

from duizhao.project import Project  # noqa: E402
from duizhao.suggest.attributes import AttributeScores, render  # noqa: E402
from duizhao.suggest.base import Proposal  # noqa: E402
from duizhao.suggest.evaluation import Counts, match  # noqa: E402
from duizhao.suggest.gold import gold  # noqa: E402

BENCH = REPO / "build" / "bench"
_DUMP = """
import json, sys
from duizhao.project import Project
from duizhao.suggest import figures
project = Project(sys.argv[1])
rec = figures.build(project)
print(json.dumps([[doc.id, p.segment, p.start, p.end, dict(p.fields)]
                  for doc in project.documents.values() for p in rec.propose(doc) if p.type == "figure"]))
"""


def gold_copy(commit: str | None) -> Path:
    """corpus/ and annotations/ at ``commit`` (or as in the working tree) in build/bench/figures-gold/."""
    dest = BENCH / "figures-gold"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    if commit is None:
        for part in ("corpus", "annotations"):
            shutil.copytree(REPO / part, dest / part)
        return dest
    with tempfile.TemporaryFile() as tar:
        subprocess.run(["git", "-C", str(REPO), "archive", commit, "corpus", "annotations"], stdout=tar, check=True)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as archive:
            archive.extractall(dest, filter="data")
    return dest


def proposals(tools: Path, root: Path) -> dict[str, list[Proposal]]:
    """What the recommender under ``tools`` proposes for the documents of ``root``, by document."""
    env = {**os.environ, "PYTHONPATH": str(tools)}
    out = subprocess.run([sys.executable, "-c", _DUMP, str(root)], env=env, check=True, capture_output=True,
                         text=True, cwd=tempfile.gettempdir()).stdout
    by_doc: dict[str, list[Proposal]] = {}
    for doc, seg, start, end, fields in json.loads(out):
        by_doc.setdefault(doc, []).append(Proposal.make("figure", seg, start, end, **fields))
    return by_doc


def score(project: Project, proposed: dict[str, list[Proposal]]) -> dict:
    counts, attributes = Counts(), AttributeScores()
    for doc in project.documents.values():
        reference = gold(project, doc)
        if not reference:
            continue
        found, pairs = match(proposed.get(doc.id, []), reference, "figure")
        counts += found
        for p, g in pairs:
            attributes.add(p, g)
    return {"figures": counts.as_dict(), "attributes": attributes.report()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="bf70003", help="commit of the recommender before (default bf70003)")
    parser.add_argument("--gold", help="commit of the gold (default: the working tree's annotations)")
    parser.add_argument("--out", default=str(BENCH / "figures_attributes.json"))
    args = parser.parse_args()
    root = gold_copy(args.gold)
    worktree = BENCH / "rec-before"
    subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(worktree)], capture_output=True)
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(worktree), args.before],
                   check=True, capture_output=True)
    try:
        before = proposals(worktree / "tools", root)
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(worktree)], capture_output=True)
    after = proposals(REPO / "tools", root)
    project = Project(root)
    result = {"before": args.before, "gold": args.gold or "working tree",
              "old": score(project, before), "new": score(project, after)}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name in ("old", "new"):
        f = result[name]["figures"]
        print(f"{name} recommender: P {f['precision']}  R {f['recall']}  F1 {f['f1']}  (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})")
        print("\n".join(render(result[name]["attributes"])), end="\n\n")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
