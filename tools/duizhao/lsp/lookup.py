"""What the annotation keys refer to: registries by key, the figures vocabulary for the
enumerated keys, the document of an annotation file, and a registry entry in words."""

from __future__ import annotations

from pathlib import Path

from ..annotations import ACTIVE, TYPE_FIELDS
from ..figures.vocabulary import MEASURES, MODALITIES, QUALIFIERS, RANKABLE, UNITS
from ..project import Project
from ..registries import Record, registries
from ..tei import Document

# key of an annotation (or registry entry) → the registry its value is an id of
REFERENCES = {"term": "glossary", "entity": "entities", "scope": "entities", "rank_among": "entities",
              "indicator": "indicators", "parent": "entities"}

# key → {value: what it means}, for the keys with a closed list of values
ENUMS: dict[str, dict[str, str]] = {
    "unit": UNITS,
    "measure": MEASURES,
    "modality": MODALITIES,
    "qualifier": QUALIFIERS,
    "rank_of": {m: MEASURES[m] for m in RANKABLE},
    "type": {t: f"a {t} annotation" for t in TYPE_FIELDS},
    "status": {"accepted": "reviewed and kept", "proposed": "a machine suggestion not yet reviewed",
               "rejected": "reviewed and refused (kept so that it is not proposed again)"},
}
assert set(ENUMS["status"]) == {*ACTIVE, "rejected"}


def document_of(project: Project, path: Path) -> Document | None:
    """The TEI document an annotation file (or a TEI file) is about, as the editor has it."""
    tei = path if path.suffix == ".xml" else project.corpus_dir / f"{path.stem}.xml"
    return project.tei(tei).doc if tei.exists() else None


def record(project: Project, key: str | None, value: str) -> Record | None:
    """The registry entry the value of ``key`` names, if there is one."""
    registry = REFERENCES.get(key or "")
    return registries(project).by_id(registry).get(value) if registry else None


def describe(record: Record) -> str:
    """A registry entry as Markdown: forms, pinyin, English, what it is."""
    from ..pinyin import pinyin  # its tables take a third of a second: loaded on the first hover

    head = f"**{record.zh or record.id}**"
    if record.zh:
        head += f" ({pinyin(record.zh)})"
    if record.en:
        head += f" — *{record.en}*"
    lines = [head, f"`{record.id}` in {record.registry}.yaml"]
    kind = getattr(record, "type", None) or getattr(record, "category", None) or getattr(record, "unit", None)
    if kind:
        lines[-1] += f" · {kind}"
    more = [*record.variants, *record.en_variants]
    if more:
        lines.append("also: " + ", ".join(more))
    gloss = record.gloss
    lines += [text for lang in ("en", "zh") if (text := gloss.get(lang))]
    wikidata = getattr(record, "wikidata", None)
    if wikidata:
        lines.append(f"[Wikidata {wikidata}](https://www.wikidata.org/wiki/{wikidata})")
    return "\n\n".join(lines)
