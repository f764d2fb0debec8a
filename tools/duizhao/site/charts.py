"""Charts of figures, drawn at build time as inline SVG (no chart library, nothing fetched).

A chart shows one indicator, measure and unit across periods: one series per scope
(place or company), each with its own marker shape and dash pattern so that series are
told apart without colour. Every point carries a ``<title>`` with its value and source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from ..periods import parse_period

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 16, 64
SHAPES = ("circle", "square", "triangle", "diamond", "cross")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 4")


@dataclass(frozen=True)
class Datum:
    series: str  # label of the scope
    period: str
    value: float
    label: str  # what the point's tooltip says


@dataclass
class Series:
    label: str
    shape: str
    dash: str
    points: list[tuple[float, float, Datum]] = field(default_factory=list)

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.points)


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


def _midpoint(period: str) -> date | None:
    try:
        p = parse_period(period)
    except ValueError:
        return None
    return date.fromordinal((p.start.toordinal() + p.end.toordinal()) // 2)


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high == low:
        high = low + (abs(low) or 1.0)
    step = 10 ** math.floor(math.log10((high - low) / count))
    for factor in (1, 2, 2.5, 5, 10):
        if (high - low) / (step * factor) <= count:
            step *= factor
            break
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def chart(title: str, data: list[Datum], fmt) -> Chart | None:
    """A chart of ``data`` (None when fewer than two points have a period)."""
    placed = [(d, _midpoint(d.period)) for d in data]
    placed = [(d, when) for d, when in placed if when is not None]
    if len(placed) < 2:
        return None
    days = [when.toordinal() for _, when in placed]
    values = [d.value for d, _ in placed]
    x0, x1 = min(days), max(days)
    if x0 == x1:
        x0, x1 = x0 - 180, x1 + 180
    pad = (x1 - x0) * 0.05
    x0, x1 = x0 - pad, x1 + pad
    y_ticks = _nice_ticks(min(0.0, min(values)), max(0.0, max(values)))
    y0, y1 = y_ticks[0], y_ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(day: float) -> float:
        return LEFT + (day - x0) / (x1 - x0) * plot_w

    def sy(value: float) -> float:
        return TOP + (1 - (value - y0) / ((y1 - y0) or 1)) * plot_h

    series: dict[str, Series] = {}
    for datum, when in sorted(placed, key=lambda p: (p[0].series, p[1])):
        if datum.series not in series:
            k = len(series)
            series[datum.series] = Series(datum.series, SHAPES[k % len(SHAPES)], DASHES[k % len(DASHES)])
        series[datum.series].points.append((sx(when.toordinal()), sy(datum.value), datum))
    years = range(date.fromordinal(int(x0)).year, date.fromordinal(int(x1)).year + 2)
    x_ticks = [(sx(date(y, 1, 1).toordinal()), str(y)) for y in years if x0 <= date(y, 1, 1).toordinal() <= x1]
    return Chart(title, list(series.values()), x_ticks, [(sy(v), fmt(v)) for v in y_ticks])
