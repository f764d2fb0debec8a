"""Charts of figures, drawn at build time as inline SVG (no chart library, nothing fetched).

A chart shows one measure and unit of one indicator (a rank chart: one ``rank_of``). A
*series* is what may be joined by a line: the same measure, modality, scope, unit, per,
benchmark and period length (:class:`SeriesKey`, built by the caller). Within a series a
line joins only consecutive periods (:func:`follows`): 2019 to 2020, 2020-09 to 2020-10,
Jan–Sep 2020 to Jan–Sep 2021; a period missing between two points breaks the line
(:func:`runs`). Series differ by marker shape and colour (what is measured) and by fill and
dash (modality: actual filled and solid, a forecast or a target hollow and dashed or dotted),
so that they are told apart without colour and a forecast never looks like an outcome. A
bounded figure (more than, at least, a range) carries a whisker towards its open side; every
point has a ``<title>`` with its value and source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..periods import Period, parse_period

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 40
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down")
COLOURS = 5  # CSS classes dz-series-0 … dz-series-4
DASHES = {"actual": "", "forecast": "6 4", "target": "2 3"}  # thresholds are not charted
WHISKER = 14  # pixels a one-sided bound points towards its open side


@dataclass(frozen=True, order=True)
class Length:
    """How long a period is: whole months (``unit`` "month") or days."""

    unit: str
    count: int


@dataclass(frozen=True)
class SeriesKey:
    """What makes figures one series (the indicator is the page's)."""

    measure: str
    unit: str
    modality: str
    scope: str
    length: Length
    rank_of: str = ""
    per: str = ""
    benchmark: str = ""
    rank_among: str = ""

    @property
    def thing(self) -> tuple:
        """The series without its modality: a forecast shares shape and colour with its outcomes."""
        return (self.scope, self.length, self.per, self.benchmark, self.rank_among)


@dataclass(frozen=True)
class Datum:
    period: Period
    value: float  # where the point is drawn (a range: its middle)
    low: float | None  # the interval the figure states (None: unbounded)
    high: float | None
    label: str  # what the point's tooltip says


def period(text: str | None) -> Period | None:
    try:
        return parse_period(text) if text else None
    except ValueError:
        return None


def _months(start: date, end: date) -> int | None:
    """Whole calendar months from ``start`` to ``end``, or None when they are not month bounds."""
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def length(p: Period) -> Length:
    months = _months(p.start, p.end)
    return Length("month", months) if months is not None else Length("day", (p.end - p.start).days + 1)


def _next_year(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def follows(a: Period, b: Period) -> bool:
    """Whether ``b`` is the period after ``a`` in a series: it starts the day after ``a`` ends
    (2019 → 2020, Q1 → Q2), or it is the same part of the next year (Jan–Sep 2020 → Jan–Sep 2021)."""
    if length(a) != length(b):
        return False
    if b.start == a.end + timedelta(days=1):
        return True
    months = _months(a.start, a.end)
    if months is not None and months < 12:
        return b.start == _next_year(a.start) and _months(b.start, b.end) == months
    return False


def runs(data: list[Datum]) -> list[list[Datum]]:
    """The points of one series in time order, cut where a period does not follow the one before."""
    ordered = sorted(data, key=lambda d: (d.period.start, d.period.end))
    out: list[list[Datum]] = []
    for datum in ordered:
        if out and follows(out[-1][-1].period, datum.period):
            out[-1].append(datum)
        else:
            out.append([datum])
    return out


@dataclass
class Point:
    x: float
    y: float
    datum: Datum
    whisker: str = ""  # SVG path of the bound, empty for a point figure


@dataclass
class Series:
    label: str
    modality: str
    shape: str
    colour: int
    runs: list[list[Point]] = field(default_factory=list)

    @property
    def dash(self) -> str:
        return DASHES.get(self.modality, "")

    @property
    def hollow(self) -> bool:
        return self.modality != "actual"

    @property
    def lines(self) -> list[str]:
        """A polyline's points for each run of two or more consecutive periods."""
        return [" ".join(f"{p.x:.1f},{p.y:.1f}" for p in run) for run in self.runs if len(run) > 1]

    @property
    def points(self) -> list[Point]:
        return [p for run in self.runs for p in run]


@dataclass
class Chart:
    title: str
    series: list[Series]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    bottom_y: float = HEIGHT - BOTTOM
    right_x: float = WIDTH - RIGHT


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round ticks from at or below ``low`` to at or above ``high``."""
    if high == low:
        high = low + (abs(low) or 1.0)
    step = 10 ** math.floor(math.log10((high - low) / count))
    for factor in (1, 2, 2.5, 5, 10):
        if (high - low) / (step * factor) <= count:
            step *= factor
            break
    ticks = [round(math.floor(low / step) * step, 10)]
    while ticks[-1] < high - step * 1e-9:  # the last tick is at or above the highest value
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _midday(p: Period) -> int:
    return (p.start.toordinal() + p.end.toordinal()) // 2


def chart(title: str, series: list[tuple[SeriesKey, str, list[Datum]]], fmt) -> Chart | None:
    """A chart of ``(key, legend label, data)`` series; None when it would show fewer than two points."""
    if sum(len(data) for _, _, data in series) < 2:
        return None
    every = [d for _, _, data in series for d in data]
    days = [_midday(d.period) for d in every]
    values = [v for d in every for v in (d.value, d.low, d.high) if v is not None]
    x0, x1 = min(days), max(days)
    if x0 == x1:
        x0, x1 = x0 - 180, x1 + 180
    pad = (x1 - x0) * 0.06
    x0, x1 = x0 - pad, x1 + pad
    y_ticks = _nice_ticks(min(0.0, min(values)), max(0.0, max(values)))
    y0, y1 = y_ticks[0], y_ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(day: float) -> float:
        return LEFT + (day - x0) / (x1 - x0) * plot_w

    def sy(value: float) -> float:
        return TOP + (1 - (value - y0) / ((y1 - y0) or 1)) * plot_h

    def point(d: Datum) -> Point:
        x, y = sx(_midday(d.period)), sy(d.value)
        if d.low == d.high:
            return Point(x, y, d)
        top = sy(d.high) if d.high is not None else y - WHISKER
        bottom = sy(d.low) if d.low is not None else y + WHISKER
        path = f"M{x:.1f},{top:.1f} L{x:.1f},{bottom:.1f}"
        if d.high is None:
            path += f" M{x - 4:.1f},{top + 4:.1f} L{x:.1f},{top:.1f} L{x + 4:.1f},{top + 4:.1f}"
        if d.low is None:
            path += f" M{x - 4:.1f},{bottom - 4:.1f} L{x:.1f},{bottom:.1f} L{x + 4:.1f},{bottom - 4:.1f}"
        return Point(x, y, d, path)

    things: dict[tuple, int] = {}
    drawn = []
    for key, label, data in sorted(series, key=lambda s: (s[0].thing, list(DASHES).index(s[0].modality)
                                                           if s[0].modality in DASHES else 9)):
        k = things.setdefault(key.thing, len(things))
        drawn.append(Series(label, key.modality, SHAPES[k % len(SHAPES)], k % COLOURS,
                            [[point(d) for d in run] for run in runs(data)]))
    years = range(date.fromordinal(int(x0)).year, date.fromordinal(int(x1)).year + 2)
    x_ticks = [(sx(date(y, 1, 1).toordinal()), str(y)) for y in years if x0 <= date(y, 1, 1).toordinal() <= x1]
    return Chart(title, drawn, x_ticks, [(sy(v), fmt(v)) for v in y_ticks])
