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
from array import array
from collections import defaultdict

from ...figures import close, default_modality
from ..finding import Problem, Severity
from ..annotated import file_annotations
from ..summary import index_of

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
    """The comparable figures of an annotation file, packed (:func:`_pack`): ``(key, low,
    high, id, as shown, line of the item, line and column of its value)`` each."""
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
    return _pack(rows) if rows else None


# A summary is kept for every annotation file and read whole by a one-file check: four
# strings and arrays rather than ten objects per figure (at 1,000 documents, 74,000 figures
# made a 17 MB cache entry that took 0.1 s to read). Keys are compared as packed strings.
_FIELD, _ROW, _NONE = "\x1f", "\x1e", "\x00"


def _pack(rows: list[tuple]) -> tuple[str, bytes, bytes, str]:
    keys = _ROW.join(_FIELD.join(_NONE if v is None else v for v in row[0]) for row in rows)
    rest = _ROW.join(_FIELD.join(map(str, row[3:])) for row in rows)
    return keys, array("d", (r[1] for r in rows)).tobytes(), array("d", (r[2] for r in rows)).tobytes(), rest


def _unpack(summary):
    """``(packed key, key, low, high, id, shown, item line, line, col)`` of the rows of a summary."""
    keys, lows, highs, rest = summary
    keys = keys.split(_ROW)
    lows, highs, rest = array("d", lows), array("d", highs), rest.split(_ROW)
    for i in range(len(keys)):
        ann_id, shown, item_line, line, col = rest[i].split(_FIELD)
        key = tuple(None if v == _NONE else v for v in keys[i].split(_FIELD))
        yield keys[i], key, lows[i], highs[i], ann_id, shown, int(item_line), int(line), int(col)


def _groups(rows) -> dict[str, list[tuple]]:
    """The figures of ``rows`` by packed key: ``(path, stem, (low, high), key, id, shown,
    item line, line, col)`` each."""
    groups = defaultdict(list)
    for path, found in rows:
        for packed, key, low, high, *rest in _unpack(found):
            groups[packed].append((path, path.stem, (low, high), key, *rest))
    return groups


def _order(member: tuple) -> tuple[str, int]:
    """The project's order: files by name, figures by line."""
    return str(member[0]), member[6]


def check(project, summaries):
    if summaries.wanted is None:
        groups = _groups([(path, found) for path, found in summaries["yaml"] if found])
    else:  # the groups of the figures of the files checked, with the others' figures of those groups
        mine, others = summaries.split("yaml")
        groups = _groups(mine)
        elsewhere = index_of(_groups, others) if summaries.lasting else \
            _groups([(path, found) for path, found in others if not groups.keys().isdisjoint(found[0].split(_ROW))])
        groups = {key: [*members, *elsewhere.get(key, ())] for key, members in groups.items()}
    for members in groups.values():
        if len(members) < 2:
            continue
        for path, stem, span, key, ann_id, shown, _, line, col in members:
            if not summaries.reports_on(path):
                continue
            others = [o for o in members if o[1] != stem and _disjoint(span, o[2])]
            if others:
                indicator, scope, period, measure, modality, *_ = key
                where = "; ".join(f"{o_shown} at {o_path.parent.name}/{o_path.name}:{o_line} ({o_id})"
                                  for o_path, _, _, _, o_id, o_shown, o_line, *_ in sorted(others, key=_order))
                yield Problem(line, col, f"{ann_id}: {indicator} of {scope}, {period}, {measure} ({modality}): {shown} here but {where}",
                              path=path)
