"""F009 figure-incomplete — a figure lacks the attribute its measure or qualifier needs, or has one it cannot have.

**What it does.** Checks the dependencies of figures contract v2: a `rank` says what is
ranked (`rank_of`) and among whom (`rank_among`: 列全省第2 among `jiangxi-province`'s cities,
全国30强 among `china`'s), a `gap` what it is compared with (`benchmark`), an `average` per what
(`per`), a `range` its upper end (`value_max`); and `rank_of`, `rank_among`, `benchmark`,
`per` and `value_max` appear only with that measure or qualifier. A rank is in unit `rank`, a
duration in `year`, `month` or `day`, and a threshold is not a rank.

**Why.** Without them a reader cannot tell "7th by growth" from "7th by size", the gap from
a change over time, a per-enterprise average from a total, or 30–70 from 30.

**Bad.**
```yaml
quote: 30-70毫秒
value: 30
qualifier: range
```

**Good.**
```yaml
quote: 30-70毫秒
value: 30
value_max: 70
qualifier: range
```
"""

from ...figures.vocabulary import MEASURE_REQUIRES
from ..finding import Problem, Severity
from ..annotated import file_annotations

CODE = "F009"
SLUG = "figure-incomplete"
SEVERITY = Severity.ERROR
TARGET = "yaml"

_OWNER = {attr: measure for measure, attrs in MEASURE_REQUIRES.items() for attr in attrs}
_UNITS = {"rank": ("rank",), "duration": ("year", "month", "day")}


def problems(ann) -> list[tuple[str, str]]:
    """``(key to point at, message)`` for each missing or misplaced attribute."""
    out = []
    for attr in MEASURE_REQUIRES.get(ann.measure or "", ()):
        if getattr(ann, attr) is None:
            out.append(("measure", f"measure: {ann.measure} needs {attr}"))
    for attr, measure in _OWNER.items():
        if getattr(ann, attr) is not None and ann.measure != measure:
            out.append((attr, f"{attr} belongs to measure: {measure}, not {ann.measure or 'none'}"))
    if ann.qualifier == "range" and ann.value_max is None:
        out.append(("qualifier", "qualifier: range needs value_max (the upper end)"))
    if ann.value_max is not None and ann.qualifier != "range":
        out.append(("value_max", f"value_max goes with qualifier: range, not {ann.qualifier or 'exact'}"))
    if ann.measure in _UNITS and ann.unit not in _UNITS[ann.measure]:
        out.append(("unit", f"measure: {ann.measure} is in unit {' or '.join(_UNITS[ann.measure])}, not {ann.unit}"))
    if ann.unit == "rank" and ann.measure != "rank":
        out.append(("measure", f"unit rank goes with measure: rank, not {ann.measure or 'none'}"))
    return out


def check(item, project):
    _, anns = file_annotations(item, project)
    for ann in anns:
        if ann.active and ann.type == "figure":
            for key, message in problems(ann):
                yield Problem(*ann.position(key), f"{ann.id}: {message}")
