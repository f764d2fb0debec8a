"""The entity registry as a dataset: names, type, descriptions, Wikidata id, parent, derived
pinyin, and how often the corpus names each entity (``occurrences``, counted like the
glossary's frequencies) and how many accepted annotations mention it (``mentions``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import annotations
from ..names import corpus_names
from ..pinyin import pinyin
from ..project import Project
from ..registries import registries
from .tables import write_csv, write_json

COLUMNS = ["id", "type", "zh", "pinyin", "en", "aliases", "en_aliases", "description_zh", "description_en",
           "wikidata", "parent", "occurrences", "mentions"]


def records(project: Project) -> Iterator[dict]:
    names = corpus_names(project)
    mentions = Counter(a.entity for a in annotations.load(project) if a.status == "accepted" and a.type == "entity")
    for entity in registries(project).records("entities"):
        eid, zh = entity.id, entity.zh
        if eid is None or zh is None:
            continue
        yield {
            "id": eid, "type": entity.type, "zh": zh, "pinyin": pinyin(zh), "en": entity.en,
            "aliases": list(entity.variants), "en_aliases": list(entity.en_variants),
            "description_zh": entity.description.get("zh"), "description_en": entity.description.get("en"),
            "wikidata": entity.wikidata, "parent": entity.parent,
            "occurrences": len(names.of("entity", eid)), "mentions": mentions[eid],
        }


FORMATS = {
    "csv": lambda project, out: write_csv(records(project), out, COLUMNS),
    "json": lambda project, out: write_json(records(project), out),
}
