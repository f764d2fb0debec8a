"""F004 figure-conflict — the same figure is reported with different values in different documents.

**What it does.** Groups the accepted figures of the whole corpus by indicator, scope,
period, measure, modality (with rank_of, rank_among, per, benchmark) and unit, and reports each figure whose normalised value (value × scale)
cannot be true together with one of its group's *in another document*. Within one
document, figures sharing that key usually count different things (three kinds of listed
firms, several funds), which the key cannot tell apart, so they are not compared. A figure stands for an interval:
exact is a point, a range its two ends, and a bound the interval of `duizhao.figures.bounds`
(the qualifier bounds the magnitude: 下降超过10% is everything below −10); approximate figures (约, 近) are not compared.
Each place gets a finding naming the others.

**Why.** When two reports give different numbers for the same
thing, one of them is revised, rounded differently or misannotated. Researchers want to
know; annotators must make sure it is the source, not the annotation. If the sources
really differ, keep both and silence the finding with a reason:
`# duizhao: ignore[F004] revised figure in the annual review`.

**Bad.** 1-9月 value added growth of Ji'an annotated as 3.6 (percent) in one document and
3.5 in another, with the same indicator, scope, period and measure.

**Good.** The same value in both places, or different periods (`2020-01/2020-09` and
`2020-01/2020-10`) when the texts mean different periods.
"""

import math
from collections import defaultdict

from ...figures import close, default_modality
from ..finding import Problem, Severity
from ..registry import file_annotations

CODE = "F004"
SLUG = "figure-conflict"
SEVERITY = Severity.WARNING
TARGET = "corpus"
SUMMARISES = ("yaml",)

KEY_FIELDS = ("indicator", "scope", "period", "measure", "modality", "rank_of", "rank_among", "per", "benchmark", "unit")
OPTIONAL = ("modality", "rank_of", "rank_among", "per", "benchmark")  # absent is a value too (modality: actual)


def interval(ann) -> tuple[float, float] | None:
    """The normalised values ``ann`` allows (contract v2 bounds), or None when it is not comparable (approx)."""
    if (ann.qualifier or "exact") == "approx" or (bounds := ann.interval) is None:
        return None
    return (-math.inf if bounds.low is None else bounds.low, math.inf if bounds.high is None else bounds.high)


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    def below(x: float, y: float) -> bool:  # x < y beyond floating-point noise
        return x < y and not close(x, y)
    return below(a[1], b[0]) or below(b[1], a[0])


def _key(ann) -> tuple:
    return tuple((default_modality(ann.modality) if f == "modality" else getattr(ann, f)) for f in KEY_FIELDS)


def _shown(ann) -> str:
    value = f"{ann.normalised:,.10g}" + (f"–{ann.normalised_max:,.10g}" if ann.qualifier == "range" and ann.value_max else "")
    bound = "" if (ann.qualifier or "exact") in ("exact", "range") else f"{ann.qualifier} "
    return f"{bound}{value} {ann.unit}"


def summarise(item, project):
    """The comparable figures of an annotation file: ``(key, low, high, id, as shown,
    line of the item, line and column of its value)`` each."""
    _, anns = file_annotations(item, project)  # none unless an annotation file
    rows = []
    for ann in anns:
        if ann.status != "accepted" or ann.type != "figure" or ann.value is None:
            continue
        key = _key(ann)
        span = interval(ann)
        required = [v for f, v in zip(KEY_FIELDS, key) if f not in OPTIONAL]
        if None not in required and span is not None:
            rows.append((key, *span, ann.id, _shown(ann), ann.line, *ann.position("value")))
    return rows or None


def check(project, summaries):
    groups = defaultdict(list)
    for path, rows in summaries["yaml"]:
        for key, low, high, *rest in rows or ():
            groups[key].append((path, (low, high), *rest))
    for (indicator, scope, period, measure, modality, *_), members in groups.items():
        for path, span, ann_id, shown, _, line, col in members:
            others = [o for o in members if o[0].stem != path.stem and _disjoint(span, o[1])]
            if others:
                where = "; ".join(f"{o_shown} at {o_path.parent.name}/{o_path.name}:{o_line} ({o_id})"
                                  for o_path, _, o_id, o_shown, o_line, *_ in others)
                yield Problem(line, col, f"{ann_id}: {indicator} of {scope}, {period}, {measure} ({modality}): {shown} here but {where}",
                              path=path)
