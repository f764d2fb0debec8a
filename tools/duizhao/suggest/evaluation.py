"""Leave-one-document-out evaluation of the recommenders against accepted annotations.

For each document that has accepted annotations, the recommenders annotate it as if it
were new: the gazetteer with the registries, the figures recommender with its rules, and
stanza with a model trained on the *other* documents only. Their proposals are compared
with the document's accepted annotations:

- terms and entities match when segment, start, end and id are all equal;
- figures match when they are in the same segment, their spans overlap and they state
  the same magnitude (|value × scale|, and the same upper bound for a range); on matched
  figures every attribute of figures contract v2, the value's sign included, is scored
  apart (:mod:`.attributes`).

Counts are summed over the folds (micro-averaged). *Entities absent from the registry*:
for each fold, the entities mentioned in the held-out document but in no training
document are removed from the registry; the gazetteer cannot find them, stanza may (as
new entity candidates, by exact span). That is the case a recommender that learns is for.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..project import Project
from ..registries import registries
from ..tei import Document
from .attributes import AttributeScores, render, same_magnitude
from .base import Proposal
from .gazetteer import GazetteerRecommender
from .gold import Gold, entity_examples, gold
from .lexicon import Lexicon
from .report import inputs_digest

TARGET = {"recall": 0.95, "precision": 0.90}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        def rounded(x: float | None) -> float | None:
            return None if x is None else round(x, 4)
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": rounded(self.precision),
                "recall": rounded(self.recall), "f1": rounded(self.f1)}


def match(proposals: Iterable[Proposal], reference: Iterable[Gold], kind: str) -> tuple[Counts, list[tuple[Proposal, Gold]]]:
    """Counts and matched pairs of one type (one-to-one)."""
    props = sorted({p for p in proposals if p.type == kind}, key=lambda p: (p.segment, p.start, p.end, str(p.label)))
    golds = [g for g in reference if g.type == kind]
    free = list(golds)
    pairs = []
    for p in props:
        if kind == "figure":
            found = next((g for g in free if g.segment == p.segment and p.overlaps(g.start, g.end) and same_magnitude(p, g)), None)
        else:
            found = next((g for g in free if (g.segment, g.start, g.end, g.label) == (p.segment, p.start, p.end, p.label)), None)
        if found is not None:
            free.remove(found)
            pairs.append((p, found))
    return Counts(len(pairs), len(props) - len(pairs), len(free)), pairs


class Evaluation:
    """Runs the folds and gathers the numbers (see the module docstring)."""

    def __init__(self, project: Project, recommenders: Iterable[str], train_config=None,
                 progress: Callable[[str], None] | None = None):
        self.project = project
        self.names = list(recommenders)
        self.train_config = train_config
        self.progress = progress or (lambda message: None)
        self.lexicon = Lexicon.of(project)
        self.gold = {doc.id: gold(project, doc) for doc in project.documents.values()}
        self.docs = [doc for doc in project.documents.values() if self.gold[doc.id]]
        self.totals: dict[str, dict[str, Counts]] = {}
        self.folds: list[dict[str, Any]] = []
        self.attributes = AttributeScores()
        self.absent = {"gazetteer": Counts(), "stanza": Counts()}
        self.absent_mentions = 0
        self.absent_entities: set[str] = set()
        self.candidates: list[dict[str, str]] = []
        self.seconds: dict[str, float] = {}
        self.characters: dict[str, int] = {}

    def _record(self, name: str, doc: Document, proposals: list[Proposal], kinds: tuple[str, ...]) -> list:
        pairs_all = []
        for kind in kinds:
            counts, pairs = match(proposals, self.gold[doc.id], kind)
            if not counts.tp + counts.fp + counts.fn:
                continue
            self.totals.setdefault(name, {}).setdefault(kind, Counts())
            self.totals[name][kind] += counts
            self.folds.append({"document": doc.id, "recommender": name, "type": kind, **counts.as_dict()})
            pairs_all += pairs
        return pairs_all

    def _timed(self, name: str, doc: Document, produce: Callable[[], list[Proposal]]) -> list[Proposal]:
        began = time.perf_counter()
        proposals = produce()
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - began
        self.characters[name] = self.characters.get(name, 0) + sum(len(s.zh) for s in doc.segments)
        return proposals

    def run(self) -> dict[str, Any]:
        if "gazetteer" in self.names:
            rec = GazetteerRecommender(self.lexicon)
            for doc in self.docs:
                self._record("gazetteer", doc, self._timed("gazetteer", doc, lambda: rec.propose(doc)), ("term", "entity"))
        if "figures" in self.names:
            from .figures import FiguresRecommender
            rec = FiguresRecommender(self.lexicon, registries(self.project).records("indicators"))
            for doc in self.docs:
                pairs = self._record("figures", doc, self._timed("figures", doc, lambda: rec.propose(doc)), ("figure",))
                for proposal, reference in pairs:
                    self.attributes.add(proposal, reference)
        if "stanza" in self.names:
            for doc in self.docs:
                self._stanza_fold(doc)
        return self.report()

    def _stanza_fold(self, held_out: Document) -> None:
        from .ner import StanzaRecommender
        from .tokens import Segmenter
        from .training import train

        training = [d for d in self.docs if d.id != held_out.id]
        seen = {g.label for d in training for g in self.gold[d.id] if g.type == "entity"}
        unseen = {g.label for g in self.gold[held_out.id] if g.type == "entity"} - seen
        reduced = self.lexicon.without(unseen)
        examples = entity_examples(self.project, training, reduced)
        if not any(e.spans for e in examples):
            self.progress(f"stanza: no entity annotations outside {held_out.id}; fold skipped")
            return
        self.progress(f"stanza: training without {held_out.id} ({len(examples)} segments)")
        with tempfile.TemporaryDirectory(prefix="duizhao-eval-") as tmp:
            model = Path(tmp)
            unlabeled = [seg.zh for doc in self.project.documents.values() for seg in doc.segments]
            train(examples, model, Segmenter(reduced.forms()), self.train_config, unlabeled=unlabeled)
            full = StanzaRecommender(model, self.lexicon)
            self._record("stanza", held_out, self._timed("stanza", held_out, lambda: full.propose(held_out)), ("entity",))
            self.candidates += [{"document": held_out.id, "segment": c.segment, "type": c.tag, "text": c.text}
                                for c in full.candidates(held_out)]
            blind = StanzaRecommender(model, reduced)
            new = blind.candidates(held_out)
        targets = [g for g in self.gold[held_out.id] if g.type == "entity" and g.label in unseen]
        self.absent_mentions += len(targets)
        self.absent_entities |= unseen
        spans = {(g.segment, g.start, g.end) for g in targets}
        found = {(c.segment, c.start, c.end) for c in new} & spans
        self.absent["stanza"] += Counts(len(found), len({(c.segment, c.start, c.end) for c in new}) - len(found), len(spans) - len(found))
        by_gazetteer = {(p.segment, p.start, p.end) for p in GazetteerRecommender(reduced).propose(held_out) if p.type == "entity"} & spans
        self.absent["gazetteer"] += Counts(len(by_gazetteer), 0, len(spans) - len(by_gazetteer))

    def report(self) -> dict[str, Any]:
        figures = self.totals.get("figures", {}).get("figure")
        target = None
        if figures is not None:
            met = (figures.recall or 0) >= TARGET["recall"] and (figures.precision or 0) >= TARGET["precision"]
            target = {**TARGET, "met": met, "recall_achieved": figures.as_dict()["recall"],
                      "precision_achieved": figures.as_dict()["precision"]}
        return {
            "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "inputs": inputs_digest(self.project.root),
            "method": "leave-one-document-out; terms/entities: exact span and id; figures: same segment, overlapping span, "
                      "same magnitude; figure attributes scored on the matched figures",
            "documents": [d.id for d in self.docs],
            "gold": {d.id: _tally(self.gold[d.id]) for d in self.docs},
            "results": {name: {kind: c.as_dict() for kind, c in kinds.items()} for name, kinds in self.totals.items()},
            "figures_target": target,
            "figure_attributes": self.attributes.report(),
            "absent_entities": {
                "entities": len(self.absent_entities), "mentions": self.absent_mentions,
                **({name: c.as_dict() for name, c in self.absent.items()} if self.absent_mentions else {}),
            } if "stanza" in self.names else None,
            "new_entity_candidates": self.candidates,
            "speed_chars_per_second": {n: round(self.characters[n] / s) for n, s in self.seconds.items() if s > 0},
            "folds": self.folds,
            "stanza_config": (vars(self.train_config) if self.train_config else None) if "stanza" in self.names else None,
        }


def _tally(items: list[Gold]) -> dict[str, int]:
    out: dict[str, int] = {}
    for g in items:
        out[g.type] = out.get(g.type, 0) + 1
    return out


def render_text(report: dict[str, Any]) -> str:
    """The evaluation as a plain-text table."""
    def pct(x: float | None) -> str:
        return "   -  " if x is None else f"{x:6.3f}"
    lines = [f"leave-one-document-out over {len(report['documents'])} documents ({report['method']})", "",
             f"{'recommender':<12} {'type':<7} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, kinds in report["results"].items():
        for kind, c in kinds.items():
            lines.append(f"{name:<12} {kind:<7} {pct(c['precision'])} {pct(c['recall'])} {pct(c['f1'])} {c['tp']:>5} {c['fp']:>5} {c['fn']:>5}")
    results = report["results"]
    if "entity" in results.get("stanza", {}) and "entity" in results.get("gazetteer", {}):
        ours, theirs = results["stanza"]["entity"]["f1"], results["gazetteer"]["entity"]["f1"]
        if ours is not None and theirs is not None:
            verdict = "stanza loses to the gazetteer" if ours < theirs else "stanza beats the gazetteer"
            lines += ["", f"entities in the registry: {verdict} (F1 {ours:.3f} vs {theirs:.3f})"]
    target = report.get("figures_target")
    if target:
        lines += ["", f"figures target (recall >= {target['recall']} at precision >= {target['precision']}): "
                  f"{'met' if target['met'] else 'NOT met'} (recall {target['recall_achieved']}, precision {target['precision_achieved']})"]
    if report.get("figure_attributes"):
        lines += ["", "figure attributes on the matched figures (stated: where the gold or the proposal gives one):",
                  *render(report["figure_attributes"])]
    absent = report.get("absent_entities")
    if absent:
        lines += ["", f"entities absent from the registry: {absent['entities']} entities, {absent['mentions']} mentions in held-out documents"]
        for name in ("gazetteer", "stanza"):
            if name in absent:
                c = absent[name]
                lines.append(f"  {name:<10} P {pct(c['precision'])}  R {pct(c['recall'])}  F1 {pct(c['f1'])}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    if report.get("new_entity_candidates"):
        lines += ["", f"new entity candidates proposed by stanza (not in entities.yaml): {len(report['new_entity_candidates'])}"]
    if report.get("speed_chars_per_second"):
        lines += ["", "speed (characters per second, prediction only): " + ", ".join(f"{k} {v}" for k, v in report["speed_chars_per_second"].items())]
    return "\n".join(lines)
