"""The figures explorer: the index of indicators and one page per indicator (charts, table).

A figure is shown as the interval it states (``> 300``, ``≥ 3000亿元``, ``30–70 ms``), read
from :func:`duizhao.figures.bounds_of`, with its modality on every row, tooltip, series
and legend entry: a forecast or a target never looks like an outcome. Which figures one line
may join is :mod:`.charts`'s rule; this module says what a series is (:func:`series_key`)
and labels everything in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable

from collections import Counter
from typing import Any, Protocol

from .. import numbers
from ..annotations import Annotation
from ..figures import MODALITIES, bounds_of, close, default_modality, scaled
from . import charts, i18n, urls


class PageRenderer(Protocol):
    """What the figure pages need of the renderer of one language (render.Pages)."""

    data: Any
    lang: str

    def page(self, template: str, url: str, **context: Any) -> str: ...


CHARTED = ("actual", "forecast", "target")  # a threshold is a class boundary, not a statistic of anyone
_ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def number(value: float, lang: str) -> str:
    """A scaled value for reading: ``275 billion`` (en), ``2750亿`` (zh), ``−10``."""
    sign = "−" if value < 0 else ""
    if lang == "zh":
        for factor, word in _ZH_SCALES:
            if abs(value) >= factor:
                return f"{sign}{numbers.describe(abs(value) / factor)}{word}"
    return sign + numbers.describe(value)


def with_unit(text: str, unit: str | None, lang: str) -> str:
    """``text`` (a number or a range) with its unit: ``3.6%``, ``2750亿元``, ``275 billion yuan``, ``第2位``."""
    if unit == "rank":
        return i18n.t("rank_value", lang, n=text)
    label = i18n.unit_label(unit, lang)
    if unit == "percent" or not label:
        return f"{text}{label}"
    return f"{text}{label}" if lang == "zh" else f"{text} {label}"


def sort_value(ann: Annotation) -> str:
    """The number a table sorts a figure by: the low end of its interval (else the high end)."""
    bounds = bounds_of(ann)
    if bounds is None:
        return ""
    value = bounds.low if bounds.low is not None else bounds.high
    return "" if value is None else repr(float(value))


def shown_value(ann: Annotation, lang: str) -> str:
    """The figure as the interval it states, with its unit: ``3.6%``, ``≈ 8%``, ``< −10%``, ``30–70 ms``."""
    bounds = bounds_of(ann)
    if bounds is None:
        return "—"
    low = None if bounds.low is None else number(bounds.low, lang)
    high = None if bounds.high is None else number(bounds.high, lang)
    value = scaled(ann.value, ann.scale)
    if bounds.low == bounds.high:
        sign, text = ("≈ " if ann.qualifier == "approx" else ""), str(low)
    elif bounds.low is None or (bounds.high is not None and ann.qualifier != "range" and close(bounds.high, value)):
        sign, text = ("≤ " if bounds.high_closed else "< "), str(high)
    elif bounds.high is None or ann.qualifier != "range":
        sign, text = ("≥ " if bounds.low_closed else "> "), str(low)
    else:
        sign, text = "", f"{low}–{high}"
    return sign + with_unit(text, ann.unit, lang)


def details(ann: Annotation, lang: str, entity_name: Callable[[str], str] = str) -> list[tuple[str, str, str]]:
    """``(label, value, language of the value)`` of what a rank, an average or a gap is of (those set;
    ``per`` and ``benchmark`` are the annotator's English words; ``entity_name`` names an entity id)."""
    out = []
    if ann.rank_of:
        out.append((i18n.t("rank_of", lang), i18n.t("measure_" + ann.rank_of, lang), lang))
    if ann.rank_among:
        out.append((i18n.t("rank_among", lang), entity_name(ann.rank_among), lang))
    if ann.per:
        out.append((i18n.t("per", lang), ann.per, "en"))
    if ann.benchmark:
        out.append((i18n.t("benchmark", lang), ann.benchmark, "en"))
    return out


def modality(ann: Annotation) -> str:
    return default_modality(ann.modality)


def series_key(ann: Annotation) -> charts.SeriesKey | None:
    """The series ``ann`` belongs to on its indicator's page (None: not charted)."""
    period = charts.period(ann.period)
    if period is None or ann.value is None or modality(ann) not in CHARTED:
        return None
    return charts.SeriesKey(ann.measure or "level", ann.unit or "", modality(ann), ann.scope or "",
                            charts.length(period), ann.rank_of or "", ann.per or "", ann.benchmark or "",
                             ann.rank_among or "")


def length_label(length: charts.Length, lang: str) -> str:
    if length.unit == "month":
        if length.count % 12 == 0:
            return i18n.t("length_years", lang) if length.count == 12 else \
                i18n.t("length_n_years", lang, n=length.count // 12)
        return i18n.t("length_months", lang) if length.count == 1 else i18n.t("length_n_months", lang, n=length.count)
    return i18n.t("length_days", lang) if length.count == 1 else i18n.t("length_n_days", lang, n=length.count)


class FigurePages:
    """The figures index and the indicator pages of one language."""

    def __init__(self, pages: PageRenderer):
        self.pages, self.data, self.lang = pages, pages.data, pages.lang

    def scope_name(self, scope: str | None) -> str:
        entry = self.data.entities.get(scope or "")
        value = entry.get(self.lang) or entry.get(i18n.other(self.lang)) if entry else None
        return value if isinstance(value, str) else scope or "—"

    def index(self, url: str) -> str:
        rows = []
        for iid, entry in self.data.indicators.items():
            places = self.data.places_of("figure", iid)
            by = Counter(modality(p.mark.ann) for p in places)
            rows.append({"id": iid, "entry": entry, "count": len(places),
                         "modalities": [(m, by[m]) for m in MODALITIES if by[m]]})
        rows.sort(key=lambda r: (-r["count"], str(r["entry"].get(self.lang) or r["id"])))
        unassigned = sum(1 for marks in self.data.marks.values() for ms in marks.values()
                         for m in ms if m.type == "figure" and not m.ann.indicator)
        return self.pages.page("figures.html", url, rows=rows, unassigned=unassigned,
                               guide=urls.guide("annotation", self.lang))

    def indicator(self, url: str, iid: str) -> str:
        places = sorted(self.data.places_of("figure", iid), key=lambda p: (
            p.mark.ann.measure or "", modality(p.mark.ann), p.mark.ann.scope or "", p.mark.ann.period or ""))
        return self.pages.page("indicator.html", url, iid=iid, entry=self.data.indicators[iid], places=places,
                               charts=self.charts(places), guide=urls.guide("annotation", self.lang),
                               thresholds=any(modality(p.mark.ann) == "threshold" for p in places))

    def charts(self, places: list[Any]) -> list[charts.Chart]:
        """One chart per measure, unit (and what a rank ranks), one series per :func:`series_key`."""
        grouped: dict[tuple[str, str, str], dict[charts.SeriesKey, list[charts.Datum]]] = {}
        for place in places:
            ann = place.mark.ann
            key = series_key(ann)
            if key is None:
                continue
            bounds = bounds_of(ann)
            middle = (bounds.low + bounds.high) / 2 if ann.qualifier == "range" and None not in (
                bounds.low, bounds.high) else scaled(ann.value, ann.scale)
            label = " · ".join((self.scope_name(ann.scope), ann.period or "", shown_value(ann, self.lang),
                                i18n.t("modality_" + key.modality, self.lang), f"{place.doc.id}/{place.segment.id}"))
            grouped.setdefault((key.measure, key.unit, key.rank_of), {}).setdefault(key, []).append(
                charts.Datum(charts.period(ann.period), middle, bounds.low, bounds.high, label))
        drawn = []
        for (measure, unit, rank_of), series in sorted(grouped.items()):
            title = i18n.t("measure_" + measure, self.lang)
            if rank_of:
                title = i18n.t("rank_chart", self.lang, what=i18n.t("measure_" + rank_of, self.lang))
            elif i18n.unit_label(unit, self.lang):
                title += f" · {i18n.unit_label(unit, self.lang)}"
            made = charts.chart(title, [(key, self.legend(key), data) for key, data in series.items()],
                                lambda v: number(v, self.lang))
            if made is not None:
                drawn.append(made)
        return drawn

    def legend(self, key: charts.SeriesKey) -> str:
        parts = [self.scope_name(key.scope), length_label(key.length, self.lang)]
        colon = i18n.t("colon", self.lang)
        if key.rank_among:
            parts.append(f"{i18n.t('rank_among', self.lang)}{colon}{self.scope_name(key.rank_among)}")
        if key.per:
            parts.append(f"{i18n.t('per', self.lang)}{colon}{key.per}")
        if key.benchmark:
            parts.append(f"{i18n.t('benchmark', self.lang)}{colon}{key.benchmark}")
        parts.append(i18n.t("modality_" + key.modality, self.lang))
        return " · ".join(parts)
