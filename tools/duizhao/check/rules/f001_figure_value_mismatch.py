"""F001 figure-value-mismatch — a figure's value, scale, unit or qualifier contradicts its quote.

**What it does.** Reads the numbers of the quoted span with `duizhao.numbers.find_numbers`
(in the segment's text, so a 近 or 以上 just outside the quote still counts) and compares
them with the annotation: `value` must be a number the span writes (the sign may differ:
同比-2.4% and 下降2.4% are both 2.4 down), `scale` its 万/亿 multiplier (default 1),
`unit` its unit (a classifier such as 个/家/项 fits `count`, `item`, `enterprise`,
`project` and `base_station`), `value_max` the upper end of a range, and `qualifier`
the bound the text states (约/近 approx, 超/多/余 more_than, 以上 at_least, 不足
less_than, 以下 at_most, N-M range; more_than and at_least are accepted for each other,
as are less_than and at_most; a milestone crossed, 迈上3000亿元台阶, a class named by its amount,
20亿元项目 coded as a threshold, may be at_least, and a cap, 单户可发放两笔, at_most; a fraction, 2/3, may be coded as the percentage it
is, 66.7). See `duizhao.numbers` for the full reading. Each
contradiction is reported at the key it concerns (a wrong `scale:` at its own line).

**Why.** Figures are exported as data and compared across documents; a value typed as
`103.13` for 1031.3亿元, or `exact` for 近70亿元, is a wrong data point that nobody sees
in the YAML.

**Bad.**
```yaml
quote: 营业收入1031.3亿元
value: 103.13
unit: cny
scale: 1000000000
```

**Good.**
```yaml
quote: 营业收入1031.3亿元
value: 1031.3
unit: cny
scale: 100000000
qualifier: exact
```
"""

from ...figures import close as _close, cues
from ...numbers import NumberMention, find_numbers
from ..aligned import segment_numbers
from ..finding import Problem, Severity
from ..annotated import file_annotations

CODE = "F001"
SLUG = "figure-value-mismatch"
SEVERITY = Severity.ERROR
TARGET = "yaml"
NEEDS = ("document",)  # see check.coverage

# annotation unit -> the units find_numbers may read for it (default: the same unit)
ACCEPTED_UNITS = {
    "item": {"count"}, "enterprise": {"count"}, "project": {"count"}, "base_station": {"count"},
    "device_per_km2": {"count"}, "yuan_per_100_yuan": {"cny"},
}
SAME_BOUND = {"at_least": "more_than", "at_most": "less_than"}


def _n(x: float) -> str:
    """A number as an annotator writes it (100000000, not 1e+08)."""
    return str(int(x)) if float(x).is_integer() else repr(x)


def _number_text(m: NumberMention) -> str:
    return f"{m.text!r} (value {_n(m.value)}, scale {_n(m.scale)}, unit {m.unit or 'none'}, {m.qualifier})"


def _as_percent(ann, m: NumberMention) -> bool:
    """A fraction (2/3, 三分之二) coded as the percentage it is, to one decimal (66.7)."""
    fraction = m.unit is None and ("/" in m.text or "分之" in m.text)
    return fraction and ann.unit == "percent" and abs(abs(ann.value) - round(abs(m.value) * 100, 1)) < 1e-9


def contradictions(ann, mentions: list[NumberMention], milestone: bool = False) -> list[tuple[str, str]]:
    """``(key, what it contradicts)`` for each attribute of ``ann`` that the numbers of its span
    contradict (empty when consistent). A ``milestone`` (迈上3000亿元台阶) is crossed: at_least."""
    if not mentions:
        return [("quote", f"the quote {ann.quote!r} contains no number")]
    scale = 1.0 if ann.scale is None else ann.scale
    matching = [m for m in mentions if _close(abs(m.value), abs(ann.value)) or _as_percent(ann, m)]
    if not matching:
        same_amount = [m for m in mentions if _close(abs(m.amount), abs(ann.value * scale))]
        if same_amount:
            m = same_amount[0]
            return [("value", f"value {_n(ann.value)} × scale {_n(scale)} splits {m.text!r} differently: "
                     f"write value {_n(m.value)} with scale {_n(m.scale)} (the number as written)")]
        return [("value", f"value {_n(ann.value)} is not a number of the quote, which has "
                 + "; ".join(_number_text(m) for m in mentions))]
    m = matching[0]
    problems = []
    if not _close(scale, m.scale):
        problems.append(("scale", f"scale {_n(scale)} but {m.text!r} has scale {_n(m.scale)}"))
    if m.unit is not None and ann.unit is not None and m.unit not in ACCEPTED_UNITS.get(ann.unit, {ann.unit}):
        problems.append(("unit", f"unit {ann.unit} but {m.text!r} is in {m.unit}"))
    if m.value_max is not None and (ann.value_max is None or not _close(ann.value_max, m.value_max)):
        problems.append(("value_max" if ann.value_max is not None else "value",
                         f"value_max {'missing' if ann.value_max is None else _n(ann.value_max)} "
                         f"but {m.text!r} ranges up to {_n(m.value_max)}"))
    crossed = milestone or ann.modality == "threshold"  # 迈上3000亿元台阶, 20亿元项目: the amount or more
    bound = ("at_least",) if milestone else ("at_least", "at_most")  # a class's floor, a cap's ceiling
    written = ann.qualifier if crossed and m.qualifier == "exact" and ann.qualifier in bound else m.qualifier
    if ann.qualifier is not None and SAME_BOUND.get(ann.qualifier, ann.qualifier) != SAME_BOUND.get(written, written):
        problems.append(("qualifier", f"qualifier {ann.qualifier} but {m.text!r} reads as {written}"))
    return problems


def check(item, project):
    index, anns = file_annotations(item, project)
    for ann in anns:
        if not ann.active or ann.type != "figure" or ann.value is None or not ann.quote:
            continue
        span, seg = index.span(ann), index.segment(ann)
        if span is not None:
            mentions = [m for m in segment_numbers(index.document(ann), seg) if m.start < span[1] and m.end > span[0]]
        else:
            mentions = find_numbers(ann.quote)
        milestone = span is not None and cues.milestone(seg.zh[span[1]:])
        for key, problem in contradictions(ann, mentions, milestone):
            place = ann.file.value_position(("annotations", ann.index, key)) if key in ann.node else ann.position(key)
            yield Problem(*place, f"{ann.id}: {problem}")  # at the offending value
