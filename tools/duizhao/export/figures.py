"""The figures as a tidy dataset: one row per accepted or proposed figure, with its interval.

Formats: ``csv`` (a header line, then one row per figure), ``jsonl`` (one object per line)
and ``json`` (one array of the same objects). Every format has the columns of
:data:`COLUMNS`, in this order (the CSV's order is a contract, pinned by a test):

- ``document``, ``segment``, ``id``, ``quote``: where the figure is and its text as written;
- ``indicator``, ``scope``, ``period``, ``period_start``, ``period_end``: what is measured, whose,
  and the period the statistic covers (first and last day of the ISO period);
- ``measure``, ``modality`` (``actual`` when the annotation leaves it out), ``rank_of`` (rank only:
  what is ranked), ``rank_among`` (rank only: the entity ranked among), ``per`` (average only: what one item is), ``benchmark`` (gap only: compared with what);
- ``value``, ``value_max``, ``unit``, ``scale``, ``qualifier``: as annotated (the value signed, a
  decline negative; qualifier ``exact`` when left out);
- ``normalised_value``, ``normalised_value_max``: ``value × scale`` in the unit's base (yuan, US
  dollars, kWh, counts …); percentages stay percentages (3.6 for 3.6%);
- ``low``, ``low_closed``, ``high``, ``high_closed``: the interval of the signed, scaled statistic
  that the figure states (:func:`duizhao.figures.bounds_of`), an end empty (null) when unbounded,
  with whether it is included: 下降超过10% (value −10, ``more_than``) is ``low`` empty, ``high`` −10,
  ``high_closed`` false; ``approx`` and ``exact`` figures are the point ``low = high = value``;
- ``status``: ``accepted`` or ``proposed``.

In CSV an empty cell is a null and booleans are ``true``/``false``. The meaning of every
attribute is the annotation guideline's (``site/guide/annotation.md``).
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import annotations
from ..figures import bounds_of, default_modality
from ..periods import parse_period
from ..project import Project
from .tables import number, write_csv, write_json, write_jsonl

COLUMNS = ["document", "segment", "id", "quote", "indicator", "scope", "period", "period_start", "period_end",
           "measure", "modality", "rank_of", "rank_among", "per", "benchmark", "value", "value_max", "unit", "scale", "qualifier",
           "normalised_value", "normalised_value_max", "low", "low_closed", "high", "high_closed", "status"]


def _days(period: str | None) -> tuple[str | None, str | None]:
    try:
        p = parse_period(period) if period else None
    except ValueError:
        return None, None
    return (p.start.isoformat(), p.end.isoformat()) if p else (None, None)


def interval_fields(ann) -> dict:
    """``low``/``low_closed``/``high``/``high_closed`` of a figure (all null for an unbounded end)."""
    bounds = bounds_of(ann)
    low = bounds.low if bounds else None
    high = bounds.high if bounds else None
    return {"low": number(low), "low_closed": None if low is None else bounds.low_closed,
            "high": number(high), "high_closed": None if high is None else bounds.high_closed}


def records(project: Project) -> Iterator[dict]:
    for ann in annotations.load(project).active():
        if ann.type != "figure" or ann.value is None:
            continue
        start, end = _days(ann.period)
        yield {
            "document": ann.doc, "segment": ann.segment, "id": ann.id, "quote": ann.quote,
            "indicator": ann.indicator, "scope": ann.scope, "period": ann.period,
            "period_start": start, "period_end": end, "measure": ann.measure,
            "modality": default_modality(ann.modality), "rank_of": ann.rank_of, "rank_among": ann.rank_among, "per": ann.per,
            "benchmark": ann.benchmark,
            "value": number(ann.value), "value_max": number(ann.value_max), "unit": ann.unit,
            "scale": number(1.0 if ann.scale is None else ann.scale), "qualifier": ann.qualifier or "exact",
            "normalised_value": number(ann.normalised), "normalised_value_max": number(ann.normalised_max),
            **interval_fields(ann), "status": ann.status,
        }


FORMATS = {
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
    "jsonl": lambda project, out: write_jsonl(records(project), out),
    "json": lambda project, out: write_json(records(project), out),
}
