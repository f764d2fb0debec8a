"""F003 invalid-period — a figure's period is not a valid ISO date or interval, or lies after the document.

**What it does.** Reads `period` as an ISO 8601 date (`2020`, `2020-09`, `2020-09-30`) or
interval (`2020-01/2020-09`) and reports dates that do not exist (`2020-13`), intervals
that end before they start, and periods that begin after the document's date (the
latest date the header allows: `date/@when`, else `@notAfter`) — except for targets
and forecasts (`modality: target | forecast`), which are about the future by nature.

**Why.** Periods place figures on the time axis of the figures explorer and decide which
figures the cross-document comparison (F004) treats as the same; a period after the
report was written is almost always a slip (2021 for 2020, 1-9月 of the wrong year).

**Bad.** `period: 2020-09/2020-01` · `period: 2021-01/2021-09` in a report of 2020-11-09

**Good.** `period: 2020-01/2020-09`
"""

from datetime import date

from ...periods import parse_period
from ...tei import NS
from ..finding import Problem, Severity
from ..annotated import file_annotations

CODE = "F003"
SLUG = "invalid-period"
SEVERITY = Severity.ERROR
TARGET = "yaml"


def latest_date(doc) -> date | None:
    """The latest date the document's header allows, or None."""
    found = doc.root.xpath("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date", namespaces=NS)
    value = (found[0].get("when") or found[0].get("notAfter")) if found else None
    try:
        return parse_period(value).end if value else None
    except ValueError:
        return None


def check(item, project):
    index, anns = file_annotations(item, project)
    latest_of: dict[str, date | None] = {}  # by document id: the file's annotations share one
    for ann in anns:
        if not ann.active or ann.period is None:
            continue
        try:
            period = parse_period(ann.period)
        except ValueError as exc:
            yield Problem(*ann.position("period"), f"{ann.id}: invalid period: {exc}")
            continue
        if ann.modality in ("target", "forecast"):
            continue
        if ann.doc not in latest_of:
            doc = index.document(ann)
            latest_of[ann.doc] = latest_date(doc) if doc is not None else None
        latest = latest_of[ann.doc]
        if latest is not None and period.start > latest:
            yield Problem(*ann.position("period"),
                          f"{ann.id}: period {ann.period} starts after the document's date ({latest.isoformat()}); "
                          "a goal or an expectation is modality: target or forecast")
