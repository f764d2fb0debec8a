"""The evaluation page: ``duizhao evaluate``'s report (build/evaluation.json) as tables.

The report is computed by ``make evaluation`` (minutes: stanza is trained once per held-out
document), never during a site build; the page shows it with its date and whether it was
computed on the annotations published beside it, or says how to produce it.
"""

from __future__ import annotations

from typing import Any

from ..suggest.report import Published

TYPES = ("term", "entity", "figure")


def context(published: Published) -> dict[str, Any]:
    """Template variables for ``evaluation.html``."""
    report = published.report or {}
    results = report.get("results") or {}
    rows = [{"recommender": name, "type": kind, **counts}
            for name, kinds in results.items() for kind, counts in sorted(kinds.items(), key=lambda kv: _type_order(kv[0]))]
    entity_f1 = {name: (results.get(name, {}).get("entity") or {}).get("f1") for name in ("stanza", "gazetteer")}
    absent = report.get("absent_entities") or {}
    folds = sorted(report.get("folds") or [], key=lambda f: (f["document"], f["recommender"], _type_order(f["type"])))
    candidates: dict[tuple[str, str], int] = {}
    for c in report.get("new_entity_candidates") or []:
        candidates[(c["text"], c["type"])] = candidates.get((c["text"], c["type"]), 0) + 1
    return {
        "status": published.status,
        "problem": published.problem,
        "report": report,
        "rows": rows,
        "stanza_vs_gazetteer": entity_f1 if None not in entity_f1.values() else None,
        "target": report.get("figures_target"),
        "attributes": attribute_rows(report.get("figure_attributes") or {}),
        "absent": absent,
        "absent_rows": [(name, absent[name]) for name in ("gazetteer", "stanza") if name in absent],
        "folds": folds,
        "candidates": sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))[:30],
        "candidate_total": len(report.get("new_entity_candidates") or []),
        "speed": sorted((report.get("speed_chars_per_second") or {}).items()),
    }


def attribute_rows(scores: dict[str, Any]) -> list[dict[str, Any]]:
    """The per-attribute table of the figures recommender, in the report's (the contract's)
    order; a report written before it gives a bare accuracy per attribute."""
    return [{"name": name, **(s if isinstance(s, dict) else {"accuracy": s})} for name, s in scores.items()]


def _type_order(kind: str) -> int:
    return TYPES.index(kind) if kind in TYPES else len(TYPES)
