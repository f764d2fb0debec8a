"""The figures as a tidy dataset: one row per accepted or proposed figure annotation.

``normalised_value`` is ``value × scale`` in the unit's base (yuan, US dollars, kWh,
counts …); percentages stay percentages (3.6 for 3.6%). ``period_start``/``period_end``
are the first and last day the ISO period covers.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import annotations
from ..periods import parse_period
from ..project import Project
from .tables import number, write_csv, write_jsonl

COLUMNS = ["document", "segment", "id", "quote", "indicator", "scope", "period", "period_start", "period_end",
           "measure", "value", "value_max", "unit", "scale", "normalised_value", "normalised_value_max",
           "qualifier", "status"]


def _days(period: str | None) -> tuple[str | None, str | None]:
    try:
        p = parse_period(period) if period else None
    except ValueError:
        return None, None
    return (p.start.isoformat(), p.end.isoformat()) if p else (None, None)


def records(project: Project) -> Iterator[dict]:
    for ann in annotations.load(project).active():
        if ann.type != "figure" or ann.value is None:
            continue
        start, end = _days(ann.period)
        yield {
            "document": ann.doc, "segment": ann.segment, "id": ann.id, "quote": ann.quote,
            "indicator": ann.indicator, "scope": ann.scope, "period": ann.period,
            "period_start": start, "period_end": end, "measure": ann.measure,
            "value": number(ann.value), "value_max": number(ann.value_max), "unit": ann.unit,
            "scale": number(1.0 if ann.scale is None else ann.scale),
            "normalised_value": number(ann.normalised), "normalised_value_max": number(ann.normalised_max),
            "qualifier": ann.qualifier or "exact", "status": ann.status,
        }


FORMATS = {
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
    "jsonl": lambda project, out: write_jsonl(records(project), out),
}
