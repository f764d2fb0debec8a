"""Writers shared by the datasets: JSON Lines, JSON and CSV (lists joined with " | ", booleans
``true``/``false``, null as an empty cell)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable


def write_jsonl(rows: Iterable[dict], out) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_json(rows: Iterable[dict], out) -> None:
    json.dump(list(rows), out, ensure_ascii=False, indent=2)
    out.write("\n")


def number(x: float | None) -> float | int | None:
    """Integral values as integers (scale 100000000, not 100000000.0)."""
    return int(x) if x is not None and float(x).is_integer() and abs(x) < 2**53 else x


def cell(value) -> str | float | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " | ".join(map(str, value))
    return value


def write_csv(rows: Iterable[dict], out, columns: list[str]) -> None:
    """One row per record, the given columns in order, UTF-8 with a header line."""
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: cell(row.get(k)) for k in columns})
