"""The indicator registry: what a figure measures, with its names, default unit and definition,
and how many active figures the corpus codes under it (``figures``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import annotations
from ..annotations import as_text, as_texts
from ..pinyin import pinyin
from ..project import Project
from .tables import write_csv, write_json

COLUMNS = ["id", "zh", "pinyin", "en", "variants", "unit", "definition_zh", "definition_en", "figures"]


def records(project: Project) -> Iterator[dict]:
    counts = Counter(a.indicator for a in annotations.load(project).active() if a.type == "figure" and a.value is not None)
    for entry in project.registry("indicators"):
        iid, zh = as_text(entry.get("id")), as_text(entry.get("zh"))
        if iid is None or zh is None:
            continue
        definition = entry.get("definition") if isinstance(entry.get("definition"), dict) else {}
        yield {
            "id": iid, "zh": zh, "pinyin": pinyin(zh), "en": as_text(entry.get("en")),
            "variants": [v for v in as_texts(entry.get("variants")) if v != zh], "unit": as_text(entry.get("unit")),
            "definition_zh": as_text(definition.get("zh")), "definition_en": as_text(definition.get("en")),
            "figures": counts[iid],
        }


FORMATS = {
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
    "json": lambda project, out: write_json(records(project), out),
}
