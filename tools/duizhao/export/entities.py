"""The entity registry as a dataset: names, type, descriptions, Wikidata id, parent, derived
pinyin, and how often the corpus names each entity (``occurrences``, counted like the
glossary's frequencies) and how many accepted annotations mention it (``mentions``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import annotations
from ..annotations import as_text, as_texts
from ..names import corpus_names, forms_of
from ..pinyin import pinyin
from ..project import Project
from .tables import write_csv, write_json

COLUMNS = ["id", "type", "zh", "pinyin", "en", "aliases", "en_aliases", "description_zh", "description_en",
           "wikidata", "parent", "occurrences", "mentions"]


def records(project: Project) -> Iterator[dict]:
    names = corpus_names(project)
    mentions = Counter(a.entity for a in annotations.load(project) if a.status == "accepted" and a.type == "entity")
    for entry in project.registry("entities"):
        eid, zh = entry.get("id"), entry.get("zh")
        if not isinstance(eid, str) or not isinstance(zh, str):
            continue
        description = entry.get("description") if isinstance(entry.get("description"), dict) else {}
        yield {
            "id": eid, "type": as_text(entry.get("type")), "zh": zh, "pinyin": pinyin(zh), "en": as_text(entry.get("en")),
            "aliases": forms_of(entry, "entity")[1:], "en_aliases": as_texts(entry.get("en_aliases")),
            "description_zh": as_text(description.get("zh")), "description_en": as_text(description.get("en")),
            "wikidata": as_text(entry.get("wikidata")), "parent": as_text(entry.get("parent")),
            "occurrences": len(names.of("entity", eid)), "mentions": mentions[eid],
        }


FORMATS = {
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
    "json": lambda project, out: write_json(records(project), out),
}
